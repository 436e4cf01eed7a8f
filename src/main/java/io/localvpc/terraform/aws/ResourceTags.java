package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Unknown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code tags} and {@code tags_all} as the AWS provider keeps them: {@code tags_all} is the
 * provider's {@code default_tags} overlaid with the resource's own tags, and is what AWS holds;
 * {@code tags} is what AWS holds minus the default tags the resource did not set itself. Keys
 * starting with {@code aws:} are AWS's own and never shown.
 */
public final class ResourceTags {
    private ResourceTags() {}

    /** What AWS should hold for a resource configured with {@code values}' {@code tags}. */
    public static Map<String, String> all(AwsContext aws, Map<String, Object> values) {
        Map<String, String> all = new TreeMap<>(aws.defaultTags());
        all.putAll(Plain.stringMap(values, "tags"));
        return all;
    }

    /** Plans {@code tags_all}: known when every tag value is known, else unknown. */
    public static Map<String, Object> planned(AwsContext aws, Map<String, Object> proposed) {
        Map<String, Object> out = new LinkedHashMap<>(proposed);
        Object tags = proposed.get("tags");
        boolean known = tags != Unknown.VALUE
                && !(tags instanceof Map<?, ?> map && map.containsValue(Unknown.VALUE));
        out.put("tags_all", known ? new LinkedHashMap<String, Object>(all(aws, proposed)) : Unknown.VALUE);
        return out;
    }

    /** Puts {@code tags} and {@code tags_all} into {@code state} from what AWS reports. */
    public static void read(AwsContext aws, Map<String, Object> state, Map<String, String> reported) {
        Map<String, Object> all = userTags(reported);
        Map<String, Object> own = new TreeMap<>(all);
        aws.defaultTags().forEach((k, v) -> {
            if (v.equals(own.get(k))) {
                own.remove(k);
            }
        });
        // Keep a configured tag the resource set itself even when it equals a default.
        Plain.stringMap(state, "tags").forEach((k, v) -> {
            if (v.equals(all.get(k))) {
                own.put(k, v);
            }
        });
        state.put("tags", own.isEmpty() && state.get("tags") == null ? null : new LinkedHashMap<>(own));
        state.put("tags_all", new LinkedHashMap<>(all));
    }

    /** The tags AWS reports without its own {@code aws:} ones, which the provider never shows ({@code IgnoreAWS}); sorted by key. */
    public static Map<String, Object> userTags(Map<String, String> reported) {
        Map<String, Object> out = new TreeMap<>();
        reported.forEach((k, v) -> {
            if (!k.startsWith("aws:")) {
                out.put(k, v);
            }
        });
        return new LinkedHashMap<>(out);
    }

    /** EC2 tags from the SDK's list. */
    public static Map<String, String> fromEc2(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    /** The TagSpecification an EC2 create call carries, or null when there are no tags. */
    public static TagSpecification ec2Specification(AwsContext aws, Map<String, Object> planned, ResourceType type) {
        Map<String, String> all = all(aws, planned);
        if (all.isEmpty()) {
            return null;
        }
        return TagSpecification.builder().resourceType(type).tags(ec2Tags(all)).build();
    }

    public static List<Tag> ec2Tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    /** What a tag update must do: remove {@code removed} keys, then set {@code changed} ones. */
    public record Changes(List<String> removed, Map<String, String> changed) {
        public boolean isEmpty() {
            return removed.isEmpty() && changed.isEmpty();
        }
    }

    /** The tag changes that bring a resource from {@code prior}'s {@code tags_all} to what {@code planned} configures. */
    public static Changes changes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        return changes(Plain.stringMap(prior, "tags_all"), all(aws, planned));
    }

    /** The tag changes that bring a tag set from {@code before} to {@code after}. */
    public static Changes changes(Map<String, String> before, Map<String, String> after) {
        List<String> removed = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
        Map<String, String> changed = new TreeMap<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                changed.put(k, v);
            }
        });
        return new Changes(removed, changed);
    }

    /** Brings an EC2 resource's tags from {@code prior} to {@code planned}: DeleteTags for removed keys, then CreateTags. */
    public static void updateEc2(AwsContext aws, String resourceId, Map<String, Object> prior, Map<String, Object> planned) {
        updateEc2(aws, resourceId, changes(aws, prior, planned));
    }

    /** Applies tag changes to an EC2 resource (also one whose tags are not the provider's default-tagged kind, e.g. volume_tags). */
    public static void updateEc2(AwsContext aws, String resourceId, Changes changes) {
        if (!changes.removed().isEmpty()) {
            List<Tag> removed = changes.removed().stream().map(k -> Tag.builder().key(k).build()).toList();
            Errors.call("deleting tags of " + resourceId, () -> aws.ec2().deleteTags(
                    DeleteTagsRequest.builder().resources(resourceId).tags(removed).build()));
        }
        if (!changes.changed().isEmpty()) {
            Errors.call("updating tags of " + resourceId, () -> aws.ec2().createTags(
                    CreateTagsRequest.builder().resources(resourceId).tags(ec2Tags(changes.changed())).build()));
        }
    }
}
