package io.localvpc.model.iam;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;

/** An instance profile, keyed by name: a container for (at most) one role. */
public record InstanceProfile(
        String id, String instanceProfileId, String path, Instant createDate, List<String> roleNames, List<Tag> tags)
        implements Resource {

    public InstanceProfile {
        roleNames = List.copyOf(roleNames);
        tags = List.copyOf(tags);
    }

    public String name() {
        return id;
    }

    public InstanceProfile withRoleNames(List<String> changed) {
        return new InstanceProfile(id, instanceProfileId, path, createDate, changed, tags);
    }

    public InstanceProfile withTags(List<Tag> changed) {
        return new InstanceProfile(id, instanceProfileId, path, createDate, roleNames, changed);
    }

    /** {@code arn:aws:iam::<account>:instance-profile<path><name>}. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":instance-profile" + path + id;
    }
}
