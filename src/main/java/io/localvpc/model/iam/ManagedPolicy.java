package io.localvpc.model.iam;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;

/** A customer managed policy, keyed by ARN, with its versions (the default one is in force). */
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
}
