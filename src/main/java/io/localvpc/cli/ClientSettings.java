package io.localvpc.cli;

import java.net.URI;
import java.util.Map;

/**
 * Where a client command of the CLI ({@code localvpc exec}, {@code localvpc trace}…) sends its
 * requests and as whom, resolved the way the AWS SDKs do: the endpoint from {@code --endpoint},
 * else {@code AWS_ENDPOINT_URL}, else {@code http://localhost:4566}; the region from
 * {@code --region}, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1;
 * the account from {@code AWS_ACCESS_KEY_ID} (a 12-digit key is that account, any other key or
 * none is 000000000000, as the server reads a signature).
 */
public record ClientSettings(URI endpoint, String region, String accountId) {
    public static final String DEFAULT_ENDPOINT = "http://localhost:4566";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    /**
     * @param endpointOption {@code --endpoint}, or null
     * @param regionOption {@code --region}, or null
     * @param env the process environment
     */
    public static ClientSettings resolve(String endpointOption, String regionOption, Map<String, String> env) {
        String endpoint = firstSet(endpointOption, env.get("AWS_ENDPOINT_URL"), DEFAULT_ENDPOINT);
        String region = firstSet(regionOption, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
        String key = env.get("AWS_ACCESS_KEY_ID");
        String account = key != null && key.trim().matches("\\d{12}") ? key.trim() : DEFAULT_ACCOUNT;
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + endpoint);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
        }
        return new ClientSettings(uri, region.trim(), account);
    }

    /** A LocalVPC endpoint path ({@code /_localvpc/exec}) under the endpoint, which may carry a base path. */
    public URI resolvePath(String path) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
