package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Hashcodes;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
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
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code aws_security_group_rule}: one permission added to a group that may be managed elsewhere.
 * Its id is not AWS's but the provider's hash of the permission ({@code sgrule-<crc32>}); AWS's
 * {@code sgr-} id is kept in {@code security_group_rule_id}. Everything but the description
 * replaces the rule.
 */
public final class SecurityGroupRuleResource extends SchemaType implements ResourceType {
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> TYPES = List.of("egress", "ingress");
    /** The provider changes one group's rules one at a time (its mutex per group id): concurrent matches would see each other's rules. */
    private static final Map<String, Object> GROUP_LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Schema SCHEMA = Schema.builder()
            .optionalForceNew("cidr_blocks", AttributeType.listOf(AttributeType.STRING))
            .optional("description", AttributeType.STRING)
            .requiredForceNew("from_port", AttributeType.NUMBER)
            .computed("id", AttributeType.STRING)
            .optionalForceNew("ipv6_cidr_blocks", AttributeType.listOf(AttributeType.STRING))
            .optionalForceNew("prefix_list_ids", AttributeType.listOf(AttributeType.STRING))
            .requiredForceNew("protocol", AttributeType.STRING)
            .requiredForceNew("security_group_id", AttributeType.STRING)
            .computed("security_group_rule_id", AttributeType.STRING)
            .optionalForceNew("self", AttributeType.BOOL, false)
            .optionalComputedForceNew("source_security_group_id", AttributeType.STRING)
            .requiredForceNew("to_port", AttributeType.NUMBER)
            .requiredForceNew("type", AttributeType.STRING)
            .build();

    public SecurityGroupRuleResource() {
        super("aws_security_group_rule", SCHEMA);
    }

    private static Object lockOf(String groupId) {
        return GROUP_LOCKS.computeIfAbsent(groupId, k -> new Object());
    }

    /**
     * The protocol is stored normalised ({@code all} and a number {@code -1} both read {@code "-1"}),
     * and ports written for protocol {@code -1} are ignored once state holds 0, as AWS stores none.
     */
    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        validate(proposed);
        Map<String, Object> planned = new LinkedHashMap<>(proposed);
        String protocol = Plain.string(proposed, "protocol");
        if (protocol != null) {
            planned.put("protocol", IpProtocols.normalize(protocol));
        }
        if (prior != null && IpProtocols.ALL.equals(IpProtocols.normalize(protocol))) {
            for (String port : List.of("from_port", "to_port")) {
                if (Integer.valueOf(0).equals(Plain.integer(prior, port))) {
                    planned.put(port, prior.get(port));
                }
            }
        }
        return LegacyValues.keepZeroValues(SCHEMA, prior, planned);
    }

    private static void validate(Map<String, Object> config) {
        String type = Plain.string(config, "type");
        if (type != null && !TYPES.contains(type)) {
            throw new ProviderException("expected type to be one of [\"egress\" \"ingress\"], got " + type);
        }
        boolean source = !Plain.strings(config, "cidr_blocks").isEmpty() || !Plain.strings(config, "ipv6_cidr_blocks").isEmpty()
                || !Plain.strings(config, "prefix_list_ids").isEmpty() || Plain.bool(config, "self")
                || Plain.string(config, "source_security_group_id") != null || Plain.hasUnknown(config.get("cidr_blocks"))
                || Plain.isUnknown(config, "source_security_group_id");
        if (!source) {
            throw new ProviderException("one of `cidr_blocks,ipv6_cidr_blocks,prefix_list_ids,self,source_security_group_id` must be specified");
        }
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        synchronized (lockOf(Plain.string(planned, "security_group_id"))) {
            validate(planned);
            String groupId = Plain.string(planned, "security_group_id");
            SecurityGroup group = requireGroup(aws, groupId);
            IpPermission permission = permission(planned, group);
            boolean egress = "egress".equals(Plain.string(planned, "type"));
            String id = createId(groupId, Plain.string(planned, "type"), permission);
            List<SecurityGroupRule> created;
            try {
                created = Errors.call("authorizing Security Group (" + groupId + ") Rule (" + id + ")", () -> egress
                        ? aws.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permission)).securityGroupRules()
                        : aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission)).securityGroupRules());
            } catch (ProviderException e) {
                if ("InvalidPermission.Duplicate".equals(Errors.code(e))) {
                    throw new ProviderException("[WARN] A duplicate Security Group rule was found on (" + groupId + "). This may be\n"
                            + "a side effect of a now-fixed Terraform issue causing two security groups with\n"
                            + "identical attributes but different source_security_group_ids to overwrite each\n"
                            + "other in the state. See https://github.com/hashicorp/terraform/pull/2376 for more\n"
                            + "information and instructions for recovery. Error: "
                            + e.getMessage().substring(e.getMessage().indexOf(": ") + 2), null, e.getCause());
                }
                throw e;
            }
            Waits.untilFound(aws, "Security Group (" + groupId + ") Rule (" + id + ") create", CREATE_TIMEOUT, () -> Ec2Find
                    .securityGroup(aws, groupId).flatMap(g -> match(permission, egress ? g.ipPermissionsEgress() : g.ipPermissions())));
            Map<String, Object> state = Plain.knownWithId(planned, id);
            state.put("security_group_rule_id", created.size() == 1 ? created.get(0).securityGroupRuleId() : null);
            return read(aws, state).orElseThrow(() -> new ProviderException(
                    "reading Security Group (" + groupId + ") Rule (" + id + "): couldn't find resource"));
        }
    }

    private static SecurityGroup requireGroup(AwsContext aws, String groupId) {
        try {
            return Errors.call("reading Security Group (" + groupId + ")", () -> aws.ec2()
                    .describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0));
        } catch (IndexOutOfBoundsException e) {
            throw new ProviderException("reading Security Group (" + groupId + "): empty result");
        }
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String groupId = Plain.string(state, "security_group_id");
        Optional<SecurityGroup> found = Ec2Find.securityGroup(aws, groupId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SecurityGroup group = found.get();
        IpPermission permission = permission(state, group);
        boolean egress = "egress".equals(Plain.string(state, "type"));
        List<IpPermission> held = egress ? group.ipPermissionsEgress() : group.ipPermissions();
        Optional<IpPermission> matched = match(permission, held);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("from_port", BigDecimal.valueOf(permission.fromPort() == null ? 0 : permission.fromPort()));
        out.put("to_port", BigDecimal.valueOf(permission.toPort() == null ? 0 : permission.toPort()));
        out.put("protocol", permission.ipProtocol());
        description(permission, matched.get()).ifPresent(d -> out.put("description", d));
        if (out.get("self") == null) {
            out.put("self", false);
        }
        List<SecurityGroupRule> rules = Errors.call("reading Security Group (" + groupId + ") Rules", () -> aws.ec2()
                .describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(groupId))).securityGroupRules());
        out.put("security_group_rule_id", ruleId(permission, rules, egress));
        return Optional.of(out);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        synchronized (lockOf(Plain.string(prior, "security_group_id"))) {
            String groupId = Plain.string(prior, "security_group_id");
            SecurityGroup group = requireGroup(aws, groupId);
            IpPermission permission = permission(planned, group);
            String doing = "updating Security Group (" + groupId + ") Rule (" + Plain.string(prior, "id") + ") description";
            if ("egress".equals(Plain.string(planned, "type"))) {
                Errors.call(doing, () -> aws.ec2().updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(groupId).ipPermissions(permission)));
            } else {
                Errors.call(doing, () -> aws.ec2().updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId).ipPermissions(permission)));
            }
            Map<String, Object> state = Plain.knownWithId(planned, prior.get("id"));
            return read(aws, state).orElseThrow();
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        synchronized (lockOf(Plain.string(state, "security_group_id"))) {
            String groupId = Plain.string(state, "security_group_id");
            SecurityGroup group = requireGroup(aws, groupId);
            IpPermission permission = permission(state, group);
            String doing = "revoking Security Group (" + groupId + ") Rule (" + Plain.string(state, "id") + ")";
            Errors.find(doing, Set.of("InvalidPermission.NotFound"), () -> "egress".equals(Plain.string(state, "type"))
                    ? aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permission))
                    : aws.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission)));
        }
    }

    /** The permission the arguments describe (the provider's {@code expandIPPermission}); no ports for protocol -1. */
    static IpPermission permission(Map<String, Object> values, SecurityGroup group) {
        String protocol = IpProtocols.normalize(Plain.string(values, "protocol"));
        String description = Plain.string(values, "description");
        String describe = description == null || description.isEmpty() ? null : description;
        IpPermission.Builder p = IpPermission.builder().ipProtocol(protocol);
        if (!IpProtocols.ALL.equals(protocol)) {
            p.fromPort(Plain.integer(values, "from_port")).toPort(Plain.integer(values, "to_port"));
        }
        p.ipRanges(Plain.strings(values, "cidr_blocks").stream()
                .map(c -> IpRange.builder().cidrIp(c).description(describe).build()).toList());
        p.ipv6Ranges(Plain.strings(values, "ipv6_cidr_blocks").stream()
                .map(c -> Ipv6Range.builder().cidrIpv6(c).description(describe).build()).toList());
        p.prefixListIds(Plain.strings(values, "prefix_list_ids").stream()
                .map(c -> PrefixListId.builder().prefixListId(c).description(describe).build()).toList());
        List<UserIdGroupPair> pairs = new ArrayList<>();
        String self = null;
        if (Plain.bool(values, "self")) {
            self = group.groupId();
            pairs.add(UserIdGroupPair.builder().groupId(self).description(describe).build());
        }
        String source = Plain.string(values, "source_security_group_id");
        if (source != null && !source.isEmpty() && !source.equals(self)) {
            String[] parts = source.split("/", 2);
            pairs.add(parts.length == 2
                    ? UserIdGroupPair.builder().userId(parts[0]).groupId(parts[1]).description(describe).build()
                    : UserIdGroupPair.builder().groupId(source).description(describe).build());
        }
        p.userIdGroupPairs(pairs);
        return p.build();
    }

    /**
     * {@code sgrule-} and the hash of group id, ports (only when positive), protocol, type and the
     * sorted sources, each followed by a dash (the provider's {@code SecurityGroupRuleCreateID}).
     */
    static String createId(String groupId, String type, IpPermission p) {
        StringBuilder b = new StringBuilder(groupId).append('-');
        if (p.fromPort() != null && p.fromPort() > 0) {
            b.append(p.fromPort()).append('-');
        }
        if (p.toPort() != null && p.toPort() > 0) {
            b.append(p.toPort()).append('-');
        }
        b.append(p.ipProtocol()).append('-').append(type).append('-');
        p.ipRanges().stream().map(IpRange::cidrIp).sorted().forEach(v -> b.append(v).append('-'));
        p.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).sorted().forEach(v -> b.append(v).append('-'));
        p.prefixListIds().stream().map(PrefixListId::prefixListId).sorted().forEach(v -> b.append(v).append('-'));
        p.userIdGroupPairs().stream()
                .sorted((x, y) -> x.groupId() != null && y.groupId() != null ? x.groupId().compareTo(y.groupId()) : 0)
                .forEach(pair -> {
                    b.append(pair.groupId() == null ? "-" : pair.groupId() + "-");
                    b.append(pair.groupName() == null ? "-" : pair.groupName() + "-");
                });
        return "sgrule-" + Hashcodes.of(b.toString());
    }

    /**
     * The permission of {@code held} that covers {@code wanted} (the provider's {@code findRuleMatch}):
     * same protocol, same ports where both have them, and every wanted source present.
     */
    static Optional<IpPermission> match(IpPermission wanted, List<IpPermission> held) {
        IpPermission found = null;
        for (IpPermission r : held) {
            if (wanted.toPort() != null && r.toPort() != null && !wanted.toPort().equals(r.toPort())
                    || wanted.fromPort() != null && r.fromPort() != null && !wanted.fromPort().equals(r.fromPort())
                    || !wanted.ipProtocol().equals(r.ipProtocol())) {
                continue;
            }
            boolean all = r.ipRanges().stream().map(IpRange::cidrIp).toList()
                            .containsAll(wanted.ipRanges().stream().map(IpRange::cidrIp).toList())
                    && r.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList()
                            .containsAll(wanted.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList())
                    && r.prefixListIds().stream().map(PrefixListId::prefixListId).toList()
                            .containsAll(wanted.prefixListIds().stream().map(PrefixListId::prefixListId).toList())
                    && r.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList()
                            .containsAll(wanted.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList());
            if (all) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The description AWS holds on the first matched source, if any. */
    private static Optional<String> description(IpPermission wanted, IpPermission held) {
        List<String> cidrs = wanted.ipRanges().stream().map(IpRange::cidrIp).toList();
        List<String> cidrs6 = wanted.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList();
        List<String> lists = wanted.prefixListIds().stream().map(PrefixListId::prefixListId).toList();
        List<String> groups = wanted.userIdGroupPairs().stream().map(UserIdGroupPair::groupId).toList();
        List<String> found = new ArrayList<>();
        held.ipRanges().stream().filter(r -> cidrs.contains(r.cidrIp())).forEach(r -> found.add(r.description()));
        held.ipv6Ranges().stream().filter(r -> cidrs6.contains(r.cidrIpv6())).forEach(r -> found.add(r.description()));
        held.prefixListIds().stream().filter(r -> lists.contains(r.prefixListId())).forEach(r -> found.add(r.description()));
        held.userIdGroupPairs().stream().filter(r -> groups.contains(r.groupId())).forEach(r -> found.add(r.description()));
        return found.stream().filter(d -> d != null).findFirst();
    }

    /** AWS's id for the rule, when the permission has a single source (the provider's {@code findSecurityGroupRuleMatch}). */
    private static String ruleId(IpPermission p, List<SecurityGroupRule> rules, boolean egress) {
        for (SecurityGroupRule r : rules) {
            if (!egress && Boolean.TRUE.equals(r.isEgress())
                    || p.toPort() != null && r.toPort() != null && !p.toPort().equals(r.toPort())
                    || p.fromPort() != null && r.fromPort() != null && !p.fromPort().equals(r.fromPort())
                    || !p.ipProtocol().equals(r.ipProtocol())) {
                continue;
            }
            int sources = p.ipRanges().size() + p.ipv6Ranges().size() + p.prefixListIds().size() + p.userIdGroupPairs().size();
            if (sources != 1) {
                continue;
            }
            if (r.cidrIpv4() != null && p.ipRanges().size() == 1 && r.cidrIpv4().equals(p.ipRanges().get(0).cidrIp())
                    || r.cidrIpv6() != null && p.ipv6Ranges().size() == 1 && r.cidrIpv6().equals(p.ipv6Ranges().get(0).cidrIpv6())
                    || r.prefixListId() != null && p.prefixListIds().size() == 1
                            && r.prefixListId().equals(p.prefixListIds().get(0).prefixListId())
                    || r.referencedGroupInfo() != null && p.userIdGroupPairs().size() == 1
                            && p.userIdGroupPairs().get(0).groupId().equals(r.referencedGroupInfo().groupId())) {
                return r.securityGroupRuleId();
            }
        }
        return "";
    }
}
