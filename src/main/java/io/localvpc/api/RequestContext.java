package io.localvpc.api;

import java.time.Instant;

/**
 * Who is asking, where, and when: the account (from the access key), the region (from the SigV4
 * credential scope), the request id echoed in every response, and the instant the request is
 * handled at, read once from the emulator's clock. {@code host} is the HTTP Host the client
 * addressed (null when unknown): URLs handed back to the client, such as Session Manager's
 * StreamUrl, are built on it so that {@code localhost} and {@code 127.0.0.1} callers both reach us.
 */
public record RequestContext(String accountId, String region, String requestId, Instant now, String host) {

    public RequestContext(String accountId, String region, String requestId, Instant now) {
        this(accountId, region, requestId, now, null);
    }
}
