package io.localvpc.dataplane.trace;

/**
 * What {@code localvpc trace} and {@code POST /_localvpc/trace} ask: from where to where, in which
 * account and region, with which protocol and port (null: the defaults).
 */
public record TraceRequest(
        String accountId, String region, String source, String destination, String protocol, Integer port) {
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    public TraceRequest {
        accountId = accountId == null || accountId.isBlank() ? DEFAULT_ACCOUNT : accountId;
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }
}
