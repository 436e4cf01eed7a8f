package io.localvpc.service.iam;

import io.localvpc.model.iam.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * IAM tags: at most 50 per entity, keys unique ignoring case, tagging an existing key replaces its
 * value in place. The same rules hold for roles, instance profiles and policies.
 */
final class IamTags {
    static final int MAX_TAGS = 50;

    private IamTags() {}

    static List<Tag> fromSdk(Collection<software.amazon.awssdk.services.iam.model.Tag> tags) {
        List<Tag> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (var tag : tags == null ? List.<software.amazon.awssdk.services.iam.model.Tag>of() : tags) {
            if (tag.key() == null || tag.value() == null) {
                throw IamErrors.validation("1 validation error detected: Value null at 'tags."
                        + (result.size() + 1) + ".member." + (tag.key() == null ? "key" : "value")
                        + "' failed to satisfy constraint: Member must not be null");
            }
            IamInput.length(tag.key(), "tags." + (result.size() + 1) + ".member.key", 1, 128);
            IamInput.length(tag.value(), "tags." + (result.size() + 1) + ".member.value", 0, 256);
            if (!keys.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            result.add(new Tag(tag.key(), tag.value()));
        }
        if (result.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return result;
    }

    static List<software.amazon.awssdk.services.iam.model.Tag> toSdk(List<Tag> tags) {
        return tags.stream()
                .map(t -> software.amazon.awssdk.services.iam.model.Tag.builder().key(t.key()).value(t.value()).build())
                .toList();
    }

    /** TagX: new keys are appended, existing ones (ignoring case) get the new value. */
    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        List<Tag> merged = new ArrayList<>(existing);
        for (Tag tag : added) {
            int at = indexOf(merged, tag.key());
            if (at >= 0) {
                merged.set(at, new Tag(merged.get(at).key(), tag.value()));
            } else {
                merged.add(tag);
            }
        }
        if (merged.size() > MAX_TAGS) {
            throw IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return merged;
    }

    /** UntagX: keys that are not there are ignored, as AWS does. */
    static List<Tag> remove(List<Tag> existing, Collection<String> keys) {
        Set<String> gone = new HashSet<>();
        keys.forEach(k -> gone.add(k.toLowerCase(Locale.ROOT)));
        return existing.stream().filter(t -> !gone.contains(t.key().toLowerCase(Locale.ROOT))).toList();
    }

    private static int indexOf(List<Tag> tags, String key) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).key().equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }
}
