package io.localvpc.service.ec2;

import io.localvpc.model.StateView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 tags: reading them from TagSpecifications and CreateTags, and showing them in responses. */
public final class Ec2Tags {
    public static final int MAX_TAGS = 50;

    private Ec2Tags() {}

    /**
     * The tags a create call asks for on the resource type it creates. A specification for another
     * type is refused, as EC2 refuses it.
     */
    public static Map<String, String> fromSpecifications(List<TagSpecification> specs, String resourceType) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (specs == null) {
            return tags;
        }
        for (TagSpecification spec : specs) {
            if (spec.resourceTypeAsString() == null) {
                throw Ec2Errors.invalidValue("Tag specification resource type must have a value");
            }
            if (!resourceType.equals(spec.resourceTypeAsString())) {
                throw Ec2Errors.invalidValue("'" + spec.resourceTypeAsString()
                        + "' is not a valid taggable resource type for this operation.");
            }
            tags.putAll(validated(spec.tags()));
        }
        return tags;
    }

    /** Checks keys and values as EC2 does and returns them in order. */
    public static Map<String, String> validated(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag tag : tags) {
            String key = tag.key();
            if (key == null || key.isEmpty()) {
                throw Ec2Errors.invalidValue("Tag key cannot be null or empty");
            }
            if (key.length() > 128) {
                throw Ec2Errors.invalidValue("Tag key exceeds the maximum length of 128 characters");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw Ec2Errors.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
            }
            String value = tag.value() == null ? "" : tag.value();
            if (value.length() > 256) {
                throw Ec2Errors.invalidValue("Tag value exceeds the maximum length of 256 characters");
            }
            out.put(key, value);
        }
        checkLimit(out);
        return out;
    }

    /** A resource holds at most {@link #MAX_TAGS} tags. */
    public static void checkLimit(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw io.localvpc.api.AwsException.badRequest(
                    "TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }
    }

    /** The tags of a resource as the SDK shape. */
    public static List<Tag> of(StateView state, String id) {
        return state.tagsOf(id).entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }
}
