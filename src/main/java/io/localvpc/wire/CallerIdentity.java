package io.localvpc.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who signed a request and for which region and service, read from the SigV4 credential scope
 * ({@code Credential=KEY/date/region/service/aws4_request}) in the Authorization header or a
 * presigned query. A 12-digit access key is its own account; any other key is 000000000000.
 */
public record CallerIdentity(String accessKey, String accountId, String region, String signingName) {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    public static CallerIdentity of(AwsHttpRequest http, FormParams form) {
        String scope = http.header("authorization");
        if (scope == null) {
            String presigned = form.get("X-Amz-Credential");
            scope = presigned == null ? null : "Credential=" + presigned;
        }
        if (scope != null) {
            Matcher m = CREDENTIAL.matcher(scope);
            if (m.find()) {
                return new CallerIdentity(m.group(1), accountFor(m.group(1)), m.group(2), m.group(3));
            }
        }
        return new CallerIdentity(null, DEFAULT_ACCOUNT, DEFAULT_REGION, null);
    }

    static String accountFor(String accessKey) {
        return accessKey != null && accessKey.matches("\\d{12}") ? accessKey : DEFAULT_ACCOUNT;
    }
}
