package io.localvpc.service.ec2.instances;

import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Tags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** TagSpecifications of a call that creates several kinds of resource (RunInstances). */
final class LaunchTags {
    private LaunchTags() {}

    /** The tags asked for each of {@code types} (empty when none); any other type is refused. */
    static Map<String, Map<String, String>> byType(List<TagSpecification> specs, List<String> types) {
        for (TagSpecification spec : specs) {
            String type = spec.resourceTypeAsString();
            if (type != null && !types.contains(type)) {
                throw Ec2Errors.invalidValue("'" + type + "' is not a valid taggable resource type for this operation.");
            }
        }
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        for (String type : types) {
            List<TagSpecification> ofType = specs.stream()
                    .filter(s -> s.resourceTypeAsString() == null || type.equals(s.resourceTypeAsString()))
                    .toList();
            tags.put(type, Ec2Tags.fromSpecifications(ofType, type));
        }
        return tags;
    }
}
