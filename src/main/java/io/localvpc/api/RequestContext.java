package io.localvpc.api;

import java.time.Instant;

/**
 * Who is asking, where, and when: the account (from the access key), the region (from the SigV4
 * credential scope), the request id echoed in every response, and the instant the request is
 * handled at, read once from the emulator's clock.
 */
public record RequestContext(String accountId, String region, String requestId, Instant now) {}
