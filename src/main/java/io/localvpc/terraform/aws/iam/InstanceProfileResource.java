package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.InstanceProfile;

/** {@code aws_iam_instance_profile}: a profile holding at most one role, which changes in place. */
public final class InstanceProfileResource extends SchemaType implements ResourceType {
    private static final Duration PROPAGATION = Duration.ofMinutes(2);

    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", AttributeType.STRING)
            .computed("create_date", AttributeType.STRING)
            .computed("id", AttributeType.STRING)
            .optionalComputedForceNew("name", AttributeType.STRING)
            .optionalComputedForceNew("name_prefix", AttributeType.STRING)
            .optionalForceNew("path", AttributeType.STRING, "/")
            .optional("role", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .computed("unique_id", AttributeType.STRING)
            .build();

    public InstanceProfileResource() {
        super("aws_iam_instance_profile", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        ResourceNames.plan(prior, proposed, planned);
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String name = ResourceNames.generate(Plain.string(planned, "name"), Plain.string(planned, "name_prefix"));
        Errors.call("creating IAM Instance Profile (" + name + ")", () -> aws.iam().createInstanceProfile(r -> r
                .instanceProfileName(name)
                .path(Optional.ofNullable(Plain.string(planned, "path")).orElse("/"))
                .tags(IamValues.tags(aws, planned))));
        aws.await("IAM Instance Profile (" + name + ") create", PROPAGATION, () -> find(aws, name));
        String role = Plain.string(planned, "role");
        if (role != null) {
            addRole(aws, name, role);
        }
        Map<String, Object> state = Plain.knownWithId(planned, name);
        return read(aws, state).orElseThrow(() -> new ProviderException(
                "reading IAM Instance Profile (" + name + "): couldn't find resource"));
    }

    /** A role created moments ago may not be visible yet: the provider retries those complaints for two minutes. */
    private static void addRole(AwsContext aws, String profile, String role) {
        String doing = "adding IAM Role (" + role + ") to IAM Instance Profile (" + profile + ")";
        Errors.retrying(aws, PROPAGATION,
                e -> e.getMessage().contains("Invalid IAM Instance Profile name")
                        || "NoSuchEntity".equals(Errors.code(e)) && e.getMessage().contains("The role with name"),
                () -> Errors.call(doing, () -> aws.iam().addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role))));
    }

    private static void removeRole(AwsContext aws, String profile, String role) {
        Errors.find("removing IAM Role (" + role + ") from IAM Instance Profile (" + profile + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(role)));
    }

    private static Optional<InstanceProfile> find(AwsContext aws, String name) {
        return Errors.find("reading IAM Instance Profile (" + name + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile());
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String name = Plain.string(state, "id");
        Optional<InstanceProfile> found = find(aws, name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InstanceProfile profile = found.get();
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("arn", profile.arn());
        out.put("create_date", IamValues.date(profile.createDate()));
        out.put("id", profile.instanceProfileName());
        out.put("name", profile.instanceProfileName());
        out.put("name_prefix", ResourceNames.prefixOf(profile.instanceProfileName()));
        out.put("path", profile.path());
        out.put("role", profile.roles().isEmpty() ? null : profile.roles().get(0).roleName());
        out.put("unique_id", profile.instanceProfileId());
        ResourceTags.read(aws, out, IamValues.fromIam(profile.tags()));
        return Optional.of(out);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String name = Plain.string(prior, "id");
        String before = Plain.string(prior, "role");
        String after = Plain.string(planned, "role");
        if (!Objects.equals(before, after)) {
            if (before != null) {
                removeRole(aws, name, before);
            }
            if (after != null) {
                addRole(aws, name, after);
            }
        }
        IamValues.updateTags(aws, prior, planned,
                keys -> Errors.call("untagging IAM Instance Profile (" + name + ")",
                        () -> aws.iam().untagInstanceProfile(r -> r.instanceProfileName(name).tagKeys(keys))),
                tags -> Errors.call("tagging IAM Instance Profile (" + name + ")",
                        () -> aws.iam().tagInstanceProfile(r -> r.instanceProfileName(name).tags(tags))));
        Map<String, Object> state = Plain.knownWithId(planned, name);
        return read(aws, state).orElseThrow();
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String name = Plain.string(state, "id");
        String role = Plain.string(state, "role");
        if (role != null) {
            removeRole(aws, name, role);
        }
        Errors.find("deleting IAM Instance Profile (" + name + ")", IamValues.NO_SUCH_ENTITY,
                () -> aws.iam().deleteInstanceProfile(r -> r.instanceProfileName(name)));
    }
}
