package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.model.Tag;

/** What the IAM types share: tags in IAM's shape, dates as the provider formats them, policy arguments checked as it checks them. */
final class IamValues {
    static final Set<String> NO_SUCH_ENTITY = Set.of("NoSuchEntity");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private IamValues() {}

    /** The tags a create call carries, or null when there are none. */
    static List<Tag> tags(AwsContext aws, Map<String, Object> planned) {
        Map<String, String> all = ResourceTags.all(aws, planned);
        return all.isEmpty() ? null : toIam(all);
    }

    static List<Tag> toIam(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static Map<String, String> fromIam(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    /** Applies a tag change with the resource's own untag and tag calls. */
    static void updateTags(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned,
            Consumer<List<String>> untag, Consumer<List<Tag>> tag) {
        ResourceTags.Changes changes = ResourceTags.changes(aws, prior, planned);
        if (!changes.removed().isEmpty()) {
            untag.accept(changes.removed());
        }
        if (!changes.changed().isEmpty()) {
            tag.accept(toIam(changes.changed()));
        }
    }

    /** {@code create_date}: RFC 3339 to the second, as Go's {@code time.RFC3339} writes it. */
    static String date(Instant instant) {
        return instant == null ? null : RFC3339.format(instant);
    }

    /** A planned policy document that means the same as the prior one keeps the prior text (the provider suppresses that diff). */
    static void keepEquivalentPolicy(String attribute, Map<String, Object> prior, Map<String, Object> proposed, Map<String, Object> planned) {
        if (prior != null && PolicyJson.equivalent(Plain.string(prior, attribute), Plain.string(proposed, attribute))) {
            planned.put(attribute, prior.get(attribute));
        }
    }

    /** The provider's policy argument check: a JSON object, without leading blanks. */
    static void checkPolicy(String attribute, String policy) {
        if (policy == null) {
            return;
        }
        String prefix = "\"" + attribute + "\" contains an invalid JSON policy";
        if (!policy.isEmpty() && Character.isWhitespace(policy.charAt(0))) {
            throw new ProviderException(prefix + ": leading space characters are not allowed");
        }
        if (!policy.startsWith("{")) {
            throw new ProviderException(prefix + ": not a JSON object");
        }
        if (PolicyJson.parse(policy) == null) {
            throw new ProviderException("\"" + attribute + "\" contains an invalid JSON: " + PolicyJson.parseError(policy));
        }
    }
}
