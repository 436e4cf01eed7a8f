package io.localvpc.model.iam;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        tags = List.copyOf(tags);
    }

    public String name() {
        return id;
    }

    public Role withAssumeRolePolicyDocument(String document) {
        return new Role(id, roleId, path, document, description, maxSessionDuration, permissionsBoundaryArn,
                createDate, attachedPolicyArns, inlinePolicies, tags);
    }

    public Role withDescription(String changed) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, changed, maxSessionDuration,
                permissionsBoundaryArn, createDate, attachedPolicyArns, inlinePolicies, tags);
    }

    public Role withMaxSessionDuration(int seconds) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, description, seconds, permissionsBoundaryArn,
                createDate, attachedPolicyArns, inlinePolicies, tags);
    }

    public Role withAttachedPolicyArns(List<String> arns) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, description, maxSessionDuration,
                permissionsBoundaryArn, createDate, arns, inlinePolicies, tags);
    }

    public Role withInlinePolicy(String policyName, String document) {
        Map<String, String> changed = new LinkedHashMap<>(inlinePolicies);
        changed.put(policyName, document);
        return withInlinePolicies(changed);
    }

    public Role withoutInlinePolicy(String policyName) {
        Map<String, String> changed = new LinkedHashMap<>(inlinePolicies);
        changed.remove(policyName);
        return withInlinePolicies(changed);
    }

    private Role withInlinePolicies(Map<String, String> changed) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, description, maxSessionDuration,
                permissionsBoundaryArn, createDate, attachedPolicyArns, changed, tags);
    }

    /** The role with another permissions boundary, or none when {@code arn} is null. */
    public Role withPermissionsBoundaryArn(String arn) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, description, maxSessionDuration, arn,
                createDate, attachedPolicyArns, inlinePolicies, tags);
    }

    public Role withTags(List<Tag> changed) {
        return new Role(id, roleId, path, assumeRolePolicyDocument, description, maxSessionDuration,
                permissionsBoundaryArn, createDate, attachedPolicyArns, inlinePolicies, changed);
    }

    /** The role's ARN in the given account: {@code arn:aws:iam::<account>:role<path><name>}. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role" + path + id;
    }

}
