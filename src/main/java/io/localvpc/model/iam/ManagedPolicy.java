package io.localvpc.model.iam;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;

/**
 * A managed policy, keyed by ARN, with its versions (the default one is in force). Customer policies
 * live in the account's global state; AWS managed ones come from a read-only catalogue.
 */
public record ManagedPolicy(
        String id,
        String policyName,
        String policyId,
        String path,
        String description,
        Instant createDate,
        Instant updateDate,
        List<Version> versions,
        List<Tag> tags)
        implements Resource {

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    /** One version of the policy document. */
    public record Version(String versionId, String document, boolean isDefault, Instant createDate) {}

    public String arn() {
        return id;
    }

    public Version defaultVersion() {
        return versions.stream().filter(Version::isDefault).findFirst().orElseThrow();
    }

    public ManagedPolicy withVersions(List<Version> changed, Instant updated) {
        return new ManagedPolicy(id, policyName, policyId, path, description, createDate, updated, changed, tags);
    }

    public ManagedPolicy withTags(List<Tag> changed) {
        return new ManagedPolicy(id, policyName, policyId, path, description, createDate, updateDate, versions, changed);
    }
}
