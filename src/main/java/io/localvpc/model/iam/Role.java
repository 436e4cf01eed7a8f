package io.localvpc.model.iam;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role, keyed by name. The trust policy is kept exactly as given; inline policies by name;
 * managed policies by ARN, in attachment order.
 */
public record Role(
        String id,
        String roleId,
        String path,
        String assumeRolePolicyDocument,
        String description,
        int maxSessionDuration,
        String permissionsBoundaryArn,
        Instant createDate,
        List<String> attachedPolicyArns,
        Map<String, String> inlinePolicies,
        List<Tag> tags)
        implements Resource {

    public Role {
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        inlinePolicies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inlinePolicies));
        tags = List.copyOf(tags);
    }

    public String name() {
        return id;
    }
}
