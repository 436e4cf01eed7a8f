package io.localvpc.model.ssm;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SSM Parameter Store parameter, keyed by name, with its history (oldest first; the last version
 * is current) and its tags in the order they were added. SecureString values are kept in the clear:
 * the emulator has no KMS, it only hides them in responses without decryption.
 */
public record Parameter(String id, List<Version> versions, Map<String, String> tags) implements Resource {

    public Parameter {
        versions = List.copyOf(versions);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** One version: everything PutParameter set, and when. */
    public record Version(
            long version,
            String type,
            String value,
            String description,
            String keyId,
            String allowedPattern,
            String tier,
            String dataType,
            Instant lastModifiedDate) {}

    public String name() {
        return id;
    }

    public Version current() {
        return versions.get(versions.size() - 1);
    }

    public Parameter withVersions(List<Version> changed) {
        return new Parameter(id, changed, tags);
    }

    public Parameter withTags(Map<String, String> changed) {
        return new Parameter(id, versions, changed);
    }
}
