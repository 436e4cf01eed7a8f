package io.localvpc.cli;

import java.net.URI;
import java.util.Map;

/**
 * Where a client command ({@code localvpc trace}, {@code localvpc exec}) finds LocalVPC and as whom:
 * the endpoint from {@code --endpoint}, else {@code AWS_ENDPOINT_URL}, else {@code http://localhost:4566};
 * the region from {@code --region}, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else
 * us-east-1; the account from {@code AWS_ACCESS_KEY_ID} (12 digits: that account, as LocalVPC's
 * API reads access keys; anything else: 000000000000).
 */
public record ClientSettings(URI endpoint, String region, String accountId) {
    public static final String DEFAULT_ENDPOINT = "http://localhost:4566";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    /** Resolves the settings from the options given (null when absent) and the environment. */
    public static ClientSettings resolve(String endpointOption, String regionOption, Map<String, String> env) {
        String endpoint = firstNonBlank(endpointOption, env.get("AWS_ENDPOINT_URL"), DEFAULT_ENDPOINT);
        String region = firstNonBlank(regionOption, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), DEFAULT_REGION);
        String key = env.get("AWS_ACCESS_KEY_ID");
        String account = key != null && key.matches("\\d{12}") ? key : DEFAULT_ACCOUNT;
        return new ClientSettings(URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint),
                region, account);
    }

    public static ClientSettings fromEnvironment(String endpointOption, String regionOption) {
        return resolve(endpointOption, regionOption, System.getenv());
    }

    /** A LocalVPC control endpoint such as {@code /_localvpc/trace} under this endpoint. */
    public URI control(String path) {
        return URI.create(endpoint + "/_localvpc/" + path);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
