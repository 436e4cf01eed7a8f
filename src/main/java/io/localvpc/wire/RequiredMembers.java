package io.localvpc.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.RequiredTrait;

/**
 * Which members an operation cannot do without, as AWS's front end checks before any handler
 * runs. The SDK model classes mark them for some services only (EC2 and IAM carry no
 * {@link RequiredTrait}), so each service's list is read from
 * {@code wire/required-members-<service>.properties}; the trait counts too where present.
 */
public final class RequiredMembers {
    private final Map<String, List<String>> byAction = new ConcurrentHashMap<>();

    private RequiredMembers() {}

    public static RequiredMembers forService(String signingName) {
        RequiredMembers required = new RequiredMembers();
        String resource = "/wire/required-members-" + signingName + ".properties";
        try (InputStream in = RequiredMembers.class.getResourceAsStream(resource)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                properties.forEach((action, members) -> required.byAction.put((String) action,
                        Arrays.stream(((String) members).split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return required;
    }

    /** The wire name of the first required member the request lacks, or null when none is missing. */
    public String firstMissing(String action, Object request) {
        if (!(request instanceof SdkPojo pojo)) {
            return null;
        }
        List<String> listed = byAction.getOrDefault(action, List.of());
        for (SdkField<?> field : pojo.sdkFields()) {
            boolean required = field.containsTrait(RequiredTrait.class) || listed.contains(field.memberName());
            if (required && field.getValueOrDefault(pojo) == null) {
                return field.locationName();
            }
        }
        return null;
    }
}
