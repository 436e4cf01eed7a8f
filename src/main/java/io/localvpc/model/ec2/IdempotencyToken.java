package io.localvpc.model.ec2;

import io.localvpc.model.Resource;

/**
 * A ClientToken already used: which action, with which request, created which resource. Its id
 * is {@code action + ":" + token}, so a retry with the same token finds it.
 */
public record IdempotencyToken(String id, String requestFingerprint, String resourceId) implements Resource {}
