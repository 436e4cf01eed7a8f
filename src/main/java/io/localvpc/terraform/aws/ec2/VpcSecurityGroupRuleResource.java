package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code aws_vpc_security_group_ingress_rule} and {@code aws_vpc_security_group_egress_rule}: one
 * AWS security group rule each, known by its {@code sgr-} id. Unlike {@code aws_security_group_rule}
 * the rule is changed in place (ModifySecurityGroupRules); only another group replaces it.
 */
public final class VpcSecurityGroupRuleResource extends SchemaType implements ResourceType {
    private static final Set<String> NOT_FOUND = Set.of("InvalidSecurityGroupRuleId.NotFound", "InvalidGroup.NotFound");
    private static final List<String> SOURCES = List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id");

    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", AttributeType.STRING)
            .optional("cidr_ipv4", AttributeType.STRING)
            .optional("cidr_ipv6", AttributeType.STRING)
            .optional("description", AttributeType.STRING)
            .optional("from_port", AttributeType.NUMBER)
            .computed("id", AttributeType.STRING)
            .required("ip_protocol", AttributeType.STRING)
            .optional("prefix_list_id", AttributeType.STRING)
            .optional("referenced_security_group_id", AttributeType.STRING)
            .requiredForceNew("security_group_id", AttributeType.STRING)
            .computed("security_group_rule_id", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .computed("tags_all", AttributeType.mapOf(AttributeType.STRING))
            .optional("to_port", AttributeType.NUMBER)
            .build();

    private final boolean egress;

    private VpcSecurityGroupRuleResource(boolean egress) {
        super(egress ? "aws_vpc_security_group_egress_rule" : "aws_vpc_security_group_ingress_rule", SCHEMA);
        this.egress = egress;
    }

    public static VpcSecurityGroupRuleResource ingress() {
        return new VpcSecurityGroupRuleResource(false);
    }

    public static VpcSecurityGroupRuleResource egress() {
        return new VpcSecurityGroupRuleResource(true);
    }

    private String what() {
        return egress ? "EC2 Security Group Egress Rule" : "EC2 Security Group Ingress Rule";
    }

    /** {@code ip_protocol} keeps the stored spelling while it means the same ({@code all} is {@code -1}, {@code 6} is {@code tcp}). */
    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        long sources = SOURCES.stream().filter(s -> proposed.get(s) != null).count();
        if (sources != 1) {
            throw new ProviderException("Invalid Attribute Combination", "Exactly one of these attributes must be configured: "
                    + "[cidr_ipv4,cidr_ipv6,prefix_list_id,referenced_security_group_id]", null);
        }
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        if (prior != null && IpProtocols.equivalent(Plain.string(prior, "ip_protocol"), Plain.string(proposed, "ip_protocol"))) {
            planned.put("ip_protocol", prior.get("ip_protocol"));
        }
        return planned;
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String groupId = Plain.string(planned, "security_group_id");
        IpPermission permission = permission(planned);
        TagSpecification tags = ResourceTags.ec2Specification(aws, planned,
                software.amazon.awssdk.services.ec2.model.ResourceType.SECURITY_GROUP_RULE);
        List<TagSpecification> specs = tags == null ? null : List.of(tags);
        List<SecurityGroupRule> created = Errors.call("creating " + what(), () -> egress
                ? aws.ec2().authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permission).tagSpecifications(specs))
                        .securityGroupRules()
                : aws.ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission).tagSpecifications(specs))
                        .securityGroupRules());
        String ruleId = created.get(0).securityGroupRuleId();
        Map<String, Object> state = Plain.knownWithId(planned, ruleId);
        return read(aws, state).orElseThrow(() -> new ProviderException(
                "reading " + what() + " (" + ruleId + "): couldn't find resource"));
    }

    private static IpPermission permission(Map<String, Object> values) {
        String description = Plain.string(values, "description");
        IpPermission.Builder p = IpPermission.builder().ipProtocol(Plain.string(values, "ip_protocol"))
                .fromPort(Plain.integer(values, "from_port")).toPort(Plain.integer(values, "to_port"));
        Optional.ofNullable(Plain.string(values, "cidr_ipv4"))
                .ifPresent(c -> p.ipRanges(IpRange.builder().cidrIp(c).description(description).build()));
        Optional.ofNullable(Plain.string(values, "cidr_ipv6"))
                .ifPresent(c -> p.ipv6Ranges(Ipv6Range.builder().cidrIpv6(c).description(description).build()));
        Optional.ofNullable(Plain.string(values, "prefix_list_id"))
                .ifPresent(c -> p.prefixListIds(PrefixListId.builder().prefixListId(c).description(description).build()));
        Optional.ofNullable(Plain.string(values, "referenced_security_group_id")).ifPresent(g -> {
            String[] parts = g.split("/", 2);
            p.userIdGroupPairs(parts.length == 2
                    ? UserIdGroupPair.builder().userId(parts[0]).groupId(parts[1]).description(description).build()
                    : UserIdGroupPair.builder().groupId(g).description(description).build());
        });
        return p.build();
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String ruleId = Plain.string(state, "id");
        Optional<SecurityGroupRule> found = Errors.find("reading " + what() + " (" + ruleId + ")", NOT_FOUND, () -> aws.ec2()
                .describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules().stream()
                .filter(r -> ruleId.equals(r.securityGroupRuleId()) && egress == Boolean.TRUE.equals(r.isEgress()))
                .findFirst().orElse(null));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SecurityGroupRule rule = found.get();
        Map<String, Object> out = new LinkedHashMap<>(state);
        out.put("arn", "arn:aws:ec2:" + aws.region() + ":" + rule.groupOwnerId() + ":security-group-rule/" + ruleId);
        out.put("cidr_ipv4", rule.cidrIpv4());
        out.put("cidr_ipv6", rule.cidrIpv6());
        out.put("description", rule.description());
        out.put("ip_protocol", IpProtocols.equivalent(Plain.string(state, "ip_protocol"), rule.ipProtocol())
                ? state.get("ip_protocol") : rule.ipProtocol());
        out.put("prefix_list_id", rule.prefixListId());
        out.put("referenced_security_group_id", referenced(rule));
        out.put("security_group_id", rule.groupId());
        out.put("security_group_rule_id", ruleId);
        // A rule for all protocols reports ports -1; configuration that left them out keeps null.
        out.put("from_port", port(rule.fromPort(), state.get("from_port")));
        out.put("to_port", port(rule.toPort(), state.get("to_port")));
        ResourceTags.read(aws, out, ResourceTags.fromEc2(rule.tags()));
        return Optional.of(out);
    }

    private static Object port(Integer reported, Object stored) {
        if (reported == null || reported == -1 && stored == null) {
            return null;
        }
        return BigDecimal.valueOf(reported);
    }

    private static String referenced(SecurityGroupRule rule) {
        if (rule.referencedGroupInfo() == null) {
            return null;
        }
        String owner = rule.referencedGroupInfo().userId();
        boolean foreign = owner != null && !owner.isEmpty() && !owner.equals(rule.groupOwnerId());
        return foreign ? owner + "/" + rule.referencedGroupInfo().groupId() : rule.referencedGroupInfo().groupId();
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String ruleId = Plain.string(prior, "id");
        boolean ruleChanged = List.of("cidr_ipv4", "cidr_ipv6", "description", "from_port", "ip_protocol", "prefix_list_id",
                        "referenced_security_group_id", "to_port").stream()
                .anyMatch(a -> !Plain.same(prior.get(a), planned.get(a)));
        if (ruleChanged) {
            SecurityGroupRuleRequest request = SecurityGroupRuleRequest.builder()
                    .cidrIpv4(Plain.string(planned, "cidr_ipv4"))
                    .cidrIpv6(Plain.string(planned, "cidr_ipv6"))
                    .description(Plain.string(planned, "description"))
                    .fromPort(Plain.integer(planned, "from_port"))
                    .toPort(Plain.integer(planned, "to_port"))
                    .ipProtocol(Plain.string(planned, "ip_protocol"))
                    .prefixListId(Plain.string(planned, "prefix_list_id"))
                    .referencedGroupId(Plain.string(planned, "referenced_security_group_id"))
                    .build();
            Errors.call("updating " + what() + " (" + ruleId + ")", () -> aws.ec2().modifySecurityGroupRules(r -> r
                    .groupId(Plain.string(planned, "security_group_id"))
                    .securityGroupRules(u -> u.securityGroupRuleId(ruleId).securityGroupRule(request))));
        }
        ResourceTags.updateEc2(aws, ruleId, prior, planned);
        Map<String, Object> state = Plain.knownWithId(planned, ruleId);
        return read(aws, state).orElseThrow();
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String ruleId = Plain.string(state, "id");
        String groupId = Plain.string(state, "security_group_id");
        Errors.find("deleting " + what() + " (" + ruleId + ")", NOT_FOUND, () -> egress
                ? aws.ec2().revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId))
                : aws.ec2().revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId)));
    }
}
