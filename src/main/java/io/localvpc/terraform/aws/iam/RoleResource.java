package io.localvpc.terraform.aws.iam;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code aws_iam_role}. The trust policy is compared by meaning: a document that says the same in
 * other words (or as AWS returns it, URL-encoded) plans no change and state keeps the configured
 * text. {@code managed_policy_arns} and {@code inline_policy} are computed when not configured, so
 * attachments made by other resources show in state without being planned away.
 */
public final class RoleResource extends SchemaType implements ResourceType {
    private static final Duration PROPAGATION = Duration.ofMinutes(2);

    private static final Schema INLINE_POLICY = Schema.builder()
            .optional("name", AttributeType.STRING)
            .optional("policy", AttributeType.STRING)
            .build();
    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", AttributeType.STRING)
            .required("assume_role_policy", AttributeType.STRING)
            .computed("create_date", AttributeType.STRING)
            .optional("description", AttributeType.STRING)
            .optional("force_detach_policies", AttributeType.BOOL, false)
            .computed("id", AttributeType.STRING)
            .optionalComputed("managed_policy_arns", AttributeType.setOf(AttributeType.STRING))
            .optional("max_session_duration", AttributeType.NUMBER, BigDecimal.valueOf(3600))
            .optionalComputedForceNew("name", AttributeType.STRING)
            .optionalComputedForceNew("name_prefix", AttributeType.STRING)
            .optionalForceNew("path", AttributeType.STRING, "/")
            .optional("permissions_boundary", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .computed("unique_id", AttributeType.STRING)
            .block(new NestedBlock("inline_policy", NestedBlock.Nesting.SET, INLINE_POLICY, 0, 0, false, true))
            .build();

    public RoleResource() {
        super("aws_iam_role", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        IamValues.checkPolicy("assume_role_policy", Plain.string(proposed, "assume_role_policy"));
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        IamValues.keepEquivalentPolicy("assume_role_policy", prior, proposed, planned);
        ResourceNames.plan(prior, proposed, planned);
        if (prior != null && planned.get("inline_policy") instanceof List<?>) {
            // An inline policy saying the same as the stored one keeps the stored text.
            List<Object> inline = new ArrayList<>();
            for (Map<String, Object> policy : Plain.blocks(planned, "inline_policy")) {
                Map<String, Object> kept = new LinkedHashMap<>(policy);
                Plain.blocks(prior, "inline_policy").stream()
                        .filter(p -> Objects.equals(p.get("name"), policy.get("name"))
                                && PolicyJson.equivalent(Plain.string(p, "policy"), Plain.string(policy, "policy")))
                        .findFirst().ifPresent(p -> kept.put("policy", p.get("policy")));
                inline.add(kept);
            }
            planned.put("inline_policy", inline);
        }
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String name = ResourceNames.generate(Plain.string(planned, "name"), Plain.string(planned, "name_prefix"));
        String policy = Plain.string(planned, "assume_role_policy");
        IamValues.checkPolicy("assume_role_policy", policy);
        // IAM may not know a principal created moments ago: the provider retries that one complaint.
        Role role = Errors.retrying(aws, PROPAGATION,
                e -> "MalformedPolicyDocument".equals(Errors.code(e)) && e.getMessage().contains("Invalid principal in policy"),
                () -> Errors.call("creating IAM Role (" + name + ")", () -> aws.iam().createRole(r -> r
                        .roleName(name)
                        .assumeRolePolicyDocument(PolicyJson.normalized(policy))
                        .path(Optional.ofNullable(Plain.string(planned, "path")).orElse("/"))
                        .maxSessionDuration(Optional.ofNullable(Plain.integer(planned, "max_session_duration")).orElse(3600))
                        .description(Plain.string(planned, "description"))
                        .permissionsBoundary(Plain.string(planned, "permissions_boundary"))
                        .tags(IamValues.tags(aws, planned))).role()));
        Map<String, Object> none = Map.of();
        if (planned.get("inline_policy") instanceof List<?>) {
            putInlinePolicies(aws, role.roleName(), none, planned);
        }
        if (planned.get("managed_policy_arns") instanceof List<?>) {
            attachManaged(aws, role.roleName(), Plain.strings(planned, "managed_policy_arns"), List.of());
        }
        Map<String, Object> state = Plain.knownWithId(planned, role.roleName());
        return read(aws, state).orElseThrow(() -> new ProviderException("reading IAM Role (" + name + "): couldn't find resource"));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String name = Plain.string(state, "id");
        String doing = "reading IAM Role (" + name + ")";
        Optional<Role> found = Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().getRole(r -> r.roleName(name)).role());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Role role = found.get();
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("arn", role.arn());
        out.put("assume_role_policy", PolicyJson.keep(Plain.string(state, "assume_role_policy"), role.assumeRolePolicyDocument()));
        out.put("create_date", IamValues.date(role.createDate()));
        out.put("description", role.description() == null ? "" : role.description());
        out.put("force_detach_policies", Plain.bool(state, "force_detach_policies"));
        out.put("id", role.roleName());
        out.put("max_session_duration", BigDecimal.valueOf(role.maxSessionDuration() == null ? 3600 : role.maxSessionDuration()));
        out.put("name", role.roleName());
        out.put("name_prefix", ResourceNames.prefixOf(role.roleName()));
        out.put("path", role.path());
        out.put("permissions_boundary", role.permissionsBoundary() == null ? "" : role.permissionsBoundary().permissionsBoundaryArn());
        out.put("unique_id", role.roleId());
        out.put("inline_policy", inlinePolicies(aws, name, Plain.blocks(state, "inline_policy")));
        out.put("managed_policy_arns", Plain.list(attached(aws, name)));
        ResourceTags.read(aws, out, IamValues.fromIam(role.tags()));
        return Optional.of(out);
    }

    private static List<Object> inlinePolicies(AwsContext aws, String role, List<Map<String, Object>> stored) {
        List<String> names = Errors.call("reading inline policies for IAM role " + role,
                () -> aws.iam().listRolePoliciesPaginator(r -> r.roleName(role)).policyNames().stream().toList());
        List<Object> out = new ArrayList<>();
        for (String policyName : names) {
            String document = Errors.call("reading inline policies for IAM role " + role,
                    () -> aws.iam().getRolePolicy(r -> r.roleName(role).policyName(policyName)).policyDocument());
            String storedText = stored.stream().filter(s -> policyName.equals(s.get("name")))
                    .map(s -> Plain.string(s, "policy")).findFirst().orElse(null);
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("name", policyName);
            block.put("policy", PolicyJson.keep(storedText, document));
            out.add(block);
        }
        return out;
    }

    static List<String> attached(AwsContext aws, String role) {
        return Errors.call("reading IAM Policy Attachments for Role (" + role + ")", () -> aws.iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().stream()
                .map(p -> p.policyArn()).toList());
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String name = Plain.string(prior, "id");
        String policy = Plain.string(planned, "assume_role_policy");
        if (!Objects.equals(policy, Plain.string(prior, "assume_role_policy"))) {
            Errors.call("updating IAM Role (" + name + ") assume role policy", () -> aws.iam().updateAssumeRolePolicy(r -> r
                    .roleName(name).policyDocument(PolicyJson.normalized(policy))));
        }
        String description = Plain.string(planned, "description");
        if (!Objects.equals(Objects.toString(description, ""), Objects.toString(Plain.string(prior, "description"), ""))) {
            Errors.call("updating IAM Role (" + name + ") description", () -> aws.iam().updateRoleDescription(r -> r
                    .roleName(name).description(description == null ? "" : description)));
        }
        Integer session = Plain.integer(planned, "max_session_duration");
        if (session != null && !session.equals(Plain.integer(prior, "max_session_duration"))) {
            Errors.call("updating IAM Role (" + name + ") MaxSessionDuration", () -> aws.iam().updateRole(r -> r
                    .roleName(name).maxSessionDuration(session)));
        }
        String boundary = Objects.toString(Plain.string(planned, "permissions_boundary"), "");
        if (!boundary.equals(Objects.toString(Plain.string(prior, "permissions_boundary"), ""))) {
            Errors.call("updating IAM Role (" + name + ") permissions boundary", () -> boundary.isEmpty()
                    ? aws.iam().deleteRolePermissionsBoundary(r -> r.roleName(name))
                    : aws.iam().putRolePermissionsBoundary(r -> r.roleName(name).permissionsBoundary(boundary)));
        }
        if (planned.get("inline_policy") instanceof List<?>) {
            putInlinePolicies(aws, name, prior, planned);
        }
        if (planned.get("managed_policy_arns") instanceof List<?>) {
            attachManaged(aws, name, Plain.strings(planned, "managed_policy_arns"), Plain.strings(prior, "managed_policy_arns"));
        }
        IamValues.updateTags(aws, prior, planned,
                keys -> Errors.call("untagging IAM Role (" + name + ")", () -> aws.iam().untagRole(r -> r.roleName(name).tagKeys(keys))),
                tags -> Errors.call("tagging IAM Role (" + name + ")", () -> aws.iam().tagRole(r -> r.roleName(name).tags(tags))));
        Map<String, Object> state = Plain.knownWithId(planned, name);
        return read(aws, state).orElseThrow();
    }

    /** Puts configured inline policies and deletes ones no longer configured. */
    private static void putInlinePolicies(AwsContext aws, String role, Map<String, Object> prior, Map<String, Object> planned) {
        List<Map<String, Object>> wanted = Plain.blocks(planned, "inline_policy").stream()
                .filter(p -> Plain.string(p, "name") != null && !Plain.string(p, "name").isEmpty()).toList();
        for (Map<String, Object> p : wanted) {
            boolean same = Plain.blocks(prior, "inline_policy").stream().anyMatch(o -> Objects.equals(o.get("name"), p.get("name"))
                    && Objects.equals(o.get("policy"), p.get("policy")));
            if (!same) {
                IamValues.checkPolicy("inline_policy.0.policy", Plain.string(p, "policy"));
                Errors.call("putting IAM Role (" + role + ") inline policy " + Plain.string(p, "name"), () -> aws.iam()
                        .putRolePolicy(r -> r.roleName(role).policyName(Plain.string(p, "name"))
                                .policyDocument(PolicyJson.normalized(Plain.string(p, "policy")))));
            }
        }
        for (Map<String, Object> old : Plain.blocks(prior, "inline_policy")) {
            if (wanted.stream().noneMatch(p -> Objects.equals(p.get("name"), old.get("name")))) {
                Errors.find("deleting IAM Role (" + role + ") policy (" + old.get("name") + ")", IamValues.NO_SUCH_ENTITY,
                        () -> aws.iam().deleteRolePolicy(r -> r.roleName(role).policyName(Plain.string(old, "name"))));
            }
        }
    }

    private static void attachManaged(AwsContext aws, String role, List<String> wanted, List<String> held) {
        for (String arn : held) {
            if (!wanted.contains(arn)) {
                Errors.find("detaching policy " + arn + " from role " + role, IamValues.NO_SUCH_ENTITY,
                        () -> aws.iam().detachRolePolicy(r -> r.roleName(role).policyArn(arn)));
            }
        }
        for (String arn : wanted) {
            if (!held.contains(arn)) {
                Errors.call("attaching policy " + arn + " to IAM Role " + role,
                        () -> aws.iam().attachRolePolicy(r -> r.roleName(role).policyArn(arn)));
            }
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String name = Plain.string(state, "id");
        String doing = "deleting IAM Role (" + name + ")";
        Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().listInstanceProfilesForRolePaginator(r -> r.roleName(name))
                .instanceProfiles().stream().toList()).orElse(List.of())
                .forEach(profile -> Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().removeRoleFromInstanceProfile(r -> r
                        .roleName(name).instanceProfileName(profile.instanceProfileName()))));
        boolean force = Plain.bool(state, "force_detach_policies");
        if (force || !Plain.strings(state, "managed_policy_arns").isEmpty()) {
            Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> attached(aws, name)).orElse(List.of())
                    .forEach(arn -> Errors.find(doing, IamValues.NO_SUCH_ENTITY,
                            () -> aws.iam().detachRolePolicy(r -> r.roleName(name).policyArn(arn))));
        }
        if (force || !Plain.blocks(state, "inline_policy").isEmpty()) {
            Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().listRolePoliciesPaginator(r -> r.roleName(name))
                    .policyNames().stream().toList()).orElse(List.of())
                    .forEach(policy -> Errors.find(doing, IamValues.NO_SUCH_ENTITY,
                            () -> aws.iam().deleteRolePolicy(r -> r.roleName(name).policyName(policy))));
        }
        // Detachments made by other resources in the same apply may still be on their way.
        Errors.retrying(aws, PROPAGATION, Errors.hasCode("DeleteConflict"),
                () -> Errors.find(doing, IamValues.NO_SUCH_ENTITY, () -> aws.iam().deleteRole(r -> r.roleName(name))));
    }
}
