package io.localvpc.terraform.aws.ec2;

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
import io.localvpc.terraform.provider.Unknown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * {@code aws_security_group}. Create removes the allow-all egress rule AWS gives every VPC group
 * (IPv4, then IPv6 where there is one), so that only what the configuration says is allowed; inline
 * {@code ingress}/{@code egress} blocks are then authorized. Left out of the configuration, those
 * blocks are computed: state shows whatever the group holds (e.g. rules of
 * {@code aws_security_group_rule}) and the plan leaves them alone.
 */
public final class SecurityGroupResource extends SchemaType implements ResourceType {
    private static final String DEFAULT_DESCRIPTION = "Managed by Terraform";
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration PROPAGATION = Duration.ofMinutes(5);

    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", AttributeType.STRING)
            .optionalForceNew("description", AttributeType.STRING, DEFAULT_DESCRIPTION)
            .computed("id", AttributeType.STRING)
            .optionalComputedForceNew("name", AttributeType.STRING)
            .optionalComputedForceNew("name_prefix", AttributeType.STRING)
            .computed("owner_id", AttributeType.STRING)
            .optional("revoke_rules_on_delete", AttributeType.BOOL, false)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .optionalComputedForceNew("vpc_id", AttributeType.STRING)
            .block(InlineRules.block("egress"))
            .block(InlineRules.block("ingress"))
            .build();

    public SecurityGroupResource() {
        super("aws_security_group", SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        for (String direction : List.of("ingress", "egress")) {
            List<Map<String, Object>> configured = Plain.blocks(proposed, direction);
            if (Plain.hasUnknown(proposed.get(direction))) {
                continue;
            }
            if (configured.isEmpty()) {
                // Not configured: computed, so whatever the group holds is kept.
                planned.put(direction, prior == null ? Unknown.VALUE : prior.get(direction));
            } else {
                InlineRules.validate(configured);
                planned.put(direction, InlineRules.read(configured, InlineRules.atomsOf(configured)));
            }
        }
        ResourceNames.plan(prior, proposed, planned);
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String name = ResourceNames.generate(Plain.string(planned, "name"), Plain.string(planned, "name_prefix"));
        String description = Optional.ofNullable(Plain.string(planned, "description")).orElse(DEFAULT_DESCRIPTION);
        String groupId = Errors.call("creating Security Group (" + name + ")", () -> aws.ec2().createSecurityGroup(r -> r
                .groupName(name)
                .description(description)
                .vpcId(Plain.string(planned, "vpc_id"))
                .tagSpecifications(tagSpecifications(aws, planned)))).groupId();
        Waits.untilFound(aws, "Security Group (" + groupId + ") create", PROPAGATION, () -> Ec2Find.securityGroup(aws, groupId));
        revokeDefaultEgress(aws, groupId);
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("ingress", List.of());
        none.put("egress", List.of());
        updateRules(aws, groupId, none, planned);
        Map<String, Object> state = Plain.knownWithId(planned, groupId);
        return read(aws, state).orElseThrow(() -> new ProviderException(
                "reading Security Group (" + groupId + "): couldn't find resource"));
    }

    private static List<software.amazon.awssdk.services.ec2.model.TagSpecification> tagSpecifications(
            AwsContext aws, Map<String, Object> planned) {
        var spec = ResourceTags.ec2Specification(aws, planned, software.amazon.awssdk.services.ec2.model.ResourceType.SECURITY_GROUP);
        return spec == null ? null : List.of(spec);
    }

    /** AWS gives every VPC group an allow-all egress rule; the provider takes it away at once. */
    private static void revokeDefaultEgress(AwsContext aws, String groupId) {
        IpPermission ipv4 = IpPermission.builder().ipProtocol(IpProtocols.ALL).fromPort(0).toPort(0)
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
        Errors.call("revoking default IPv4 egress rule for Security Group (" + groupId + ")",
                () -> aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(ipv4)));
        IpPermission ipv6 = IpPermission.builder().ipProtocol(IpProtocols.ALL).fromPort(0).toPort(0)
                .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build();
        try {
            Errors.call("revoking default IPv6 egress rule for Security Group (" + groupId + ")",
                    () -> aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(ipv6)));
        } catch (ProviderException e) {
            // A group of a VPC without IPv6 has no such rule.
            boolean noIpv6 = "InvalidPermission.NotFound".equals(Errors.code(e))
                    || "InvalidParameterValue".equals(Errors.code(e)) && e.getMessage().contains("remote-ipv6-range");
            if (!noIpv6) {
                throw e;
            }
        }
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String groupId = Plain.string(state, "id");
        Optional<SecurityGroup> found = Ec2Find.securityGroup(aws, groupId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SecurityGroup group = found.get();
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("arn", "arn:aws:ec2:" + aws.region() + ":" + group.ownerId() + ":security-group/" + groupId);
        out.put("description", group.description());
        out.put("id", groupId);
        out.put("name", group.groupName());
        out.put("name_prefix", ResourceNames.prefixOf(group.groupName()));
        out.put("owner_id", group.ownerId());
        out.put("vpc_id", group.vpcId());
        out.put("ingress", InlineRules.read(stored(state, "ingress"),
                InlineRules.atoms(group.ipPermissions(), groupId, group.ownerId())));
        out.put("egress", InlineRules.read(stored(state, "egress"),
                InlineRules.atoms(group.ipPermissionsEgress(), groupId, group.ownerId())));
        if (out.get("revoke_rules_on_delete") == null) {
            out.put("revoke_rules_on_delete", false);
        }
        ResourceTags.read(aws, out, ResourceTags.fromEc2(group.tags()));
        return Optional.of(out);
    }

    private static List<Map<String, Object>> stored(Map<String, Object> state, String direction) {
        return Plain.blocks(state, direction);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String groupId = Plain.string(prior, "id");
        Ec2Find.securityGroup(aws, groupId).orElseThrow(() -> new ProviderException(
                "reading Security Group (" + groupId + "): couldn't find resource"));
        updateRules(aws, groupId, prior, planned);
        ResourceTags.updateEc2(aws, groupId, prior, planned);
        Map<String, Object> state = Plain.knownWithId(planned, groupId);
        return read(aws, state).orElseThrow();
    }

    /** Revokes what is no longer configured, then authorizes what is new, direction by direction. */
    private static void updateRules(AwsContext aws, String groupId, Map<String, Object> prior, Map<String, Object> planned) {
        for (String direction : List.of("ingress", "egress")) {
            if (!(planned.get(direction) instanceof List<?>)) {
                continue;
            }
            List<Map<String, Object>> wanted = Plain.blocks(planned, direction);
            InlineRules.validate(wanted);
            List<InlineRules.Atom> before = InlineRules.atomsOf(Plain.blocks(prior, direction));
            List<InlineRules.Atom> after = InlineRules.atomsOf(wanted);
            List<InlineRules.Atom> removed = new ArrayList<>(before);
            removed.removeAll(after);
            List<InlineRules.Atom> added = new ArrayList<>(after);
            added.removeAll(before);
            String doing = "updating Security Group (" + groupId + ") " + direction + " rules";
            boolean egress = direction.equals("egress");
            if (!removed.isEmpty()) {
                List<IpPermission> permissions = InlineRules.permissions(removed, groupId);
                Errors.call(doing + ": revoking Security Group (" + direction + ") rules", () -> egress
                        ? aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permissions))
                        : aws.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions)));
            }
            if (!added.isEmpty()) {
                List<IpPermission> permissions = InlineRules.permissions(added, groupId);
                Errors.call(doing + ": authorizing Security Group (" + direction + ") rules", () -> egress
                        ? aws.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permissions))
                        : aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions)));
            }
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String groupId = Plain.string(state, "id");
        if (Plain.bool(state, "revoke_rules_on_delete")) {
            revokeAll(aws, groupId);
        }
        // Instances and interfaces being deleted alongside may still hold the group for a while.
        boolean deleted = Errors.retrying(aws, DELETE_TIMEOUT,
                Errors.hasCode("DependencyViolation", "InvalidGroup.InUse"),
                () -> Errors.find("deleting Security Group (" + groupId + ")", Set.of("InvalidGroup.NotFound"),
                        () -> aws.ec2().deleteSecurityGroup(r -> r.groupId(groupId)))).isPresent();
        if (deleted) {
            Waits.untilGone(aws, "Security Group (" + groupId + ") delete", PROPAGATION, () -> Ec2Find.securityGroup(aws, groupId));
        }
    }

    /** {@code revoke_rules_on_delete}: every rule of the group, by rule id. */
    private static void revokeAll(AwsContext aws, String groupId) {
        List<SecurityGroupRule> rules = Errors.call("describing security group rules", () -> aws.ec2()
                .describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId)))
                .securityGroupRules());
        for (SecurityGroupRule rule : rules) {
            if (!groupId.equals(rule.groupId())) {
                continue;
            }
            String doing = "revoking Security Group (" + groupId + ") Rule (" + rule.securityGroupRuleId() + ")";
            Errors.find(doing, Set.of("InvalidSecurityGroupRuleId.NotFound", "InvalidGroup.NotFound"), () ->
                    Boolean.TRUE.equals(rule.isEgress())
                            ? aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(rule.securityGroupRuleId()))
                            : aws.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(rule.securityGroupRuleId())));
        }
    }
}
