package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;
import static io.localvpc.terraform.provider.AttributeType.setOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code aws_network_acl}: CreateNetworkAcl, its inline {@code ingress} and {@code egress} rules
 * (sets, optional and computed, so {@code aws_network_acl_rule}s show without a diff) and the
 * subnets moved onto it; a subnet taken off goes back to the VPC's default network ACL, as every
 * subnet does before DeleteNetworkAcl.
 */
public final class NetworkAclResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    static final Schema RULE = Schema.builder()
            .required("action", STRING)
            .optional("cidr_block", STRING)
            .required("from_port", NUMBER)
            .optional("icmp_code", NUMBER)
            .optional("icmp_type", NUMBER)
            .optional("ipv6_cidr_block", STRING)
            .required("protocol", STRING)
            .required("rule_no", NUMBER)
            .required("to_port", NUMBER)
            .build();

    public NetworkAclResource() {
        super("aws_network_acl", "EC2 Network ACL", Schema.builder()
                .computed("arn", STRING)
                .computed("id", STRING)
                .computed("owner_id", STRING)
                .optionalComputed("subnet_ids", setOf(STRING))
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .requiredForceNew("vpc_id", STRING)
                .block(new NestedBlock("egress", NestedBlock.Nesting.SET, RULE, 0, 0, false, true))
                .block(new NestedBlock("ingress", NestedBlock.Nesting.SET, RULE, 0, 0, false, true))
                .build());
    }

    /** The API and the state speak protocol numbers: {@code tcp} is planned as {@code 6}, so config and state compare. */
    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> normalized = new LinkedHashMap<>(proposed);
        for (String direction : List.of("egress", "ingress")) {
            if (proposed.get(direction) instanceof List<?>) {
                List<Object> rules = new ArrayList<>();
                for (Map<String, Object> rule : Plain.blocks(proposed, direction)) {
                    Map<String, Object> copy = new LinkedHashMap<>(rule);
                    String protocol = Plain.string(rule, "protocol");
                    if (protocol != null) {
                        copy.put("protocol", Integer.toString(NetworkAclEntries.protocolNumber(protocol)));
                    }
                    rules.add(copy);
                }
                normalized.put(direction, rules);
            }
        }
        return super.plan(aws, prior, normalized);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        CreateNetworkAclRequest.Builder request = CreateNetworkAclRequest.builder().vpcId(Plain.string(planned, "vpc_id"));
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.NETWORK_ACL);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createNetworkAcl(request.build())).networkAcl().networkAclId();
        Waits.untilFound(aws, label + " (" + id + ") create", TIMEOUT, () -> Ec2Find.networkAcl(aws, id));
        Map<String, Object> empty = Map.of();
        updateRules(aws, id, empty, planned);
        for (String subnet : Plain.strings(planned, "subnet_ids")) {
            associate(aws, id, subnet);
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<NetworkAcl> found = Ec2Find.networkAcl(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NetworkAcl acl = found.get();
        Map<String, Object> state = newState(prior);
        state.put("arn", States.arn(aws, "ec2", acl.ownerId(), "network-acl/" + acl.networkAclId()));
        state.put("owner_id", States.str(acl.ownerId()));
        state.put("vpc_id", States.str(acl.vpcId()));
        state.put("subnet_ids", States.set(acl.associations().stream().map(a -> (Object) a.subnetId()).toList()));
        state.put("egress", rules(acl, true));
        state.put("ingress", rules(acl, false));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(acl.tags()));
        return Optional.of(state);
    }

    private static Object rules(NetworkAcl acl, boolean egress) {
        List<Object> rules = new ArrayList<>();
        for (NetworkAclEntry entry : acl.entries()) {
            if (Boolean.valueOf(egress).equals(entry.egress()) && !NetworkAclEntries.isDefault(entry)) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("action", States.str(entry.ruleActionAsString()));
                rule.put("cidr_block", States.str(entry.cidrBlock()));
                rule.put("from_port", States.num(entry.portRange() == null ? null : entry.portRange().from()));
                rule.put("icmp_code", States.num(entry.icmpTypeCode() == null ? null : entry.icmpTypeCode().code()));
                rule.put("icmp_type", States.num(entry.icmpTypeCode() == null ? null : entry.icmpTypeCode().type()));
                rule.put("ipv6_cidr_block", States.str(entry.ipv6CidrBlock()));
                rule.put("protocol", entry.protocol() == null ? ""
                        : Integer.toString(NetworkAclEntries.protocolNumber(entry.protocol().toLowerCase(Locale.ROOT))));
                rule.put("rule_no", States.num(entry.ruleNumber()));
                rule.put("to_port", States.num(entry.portRange() == null ? null : entry.portRange().to()));
                rules.add(rule);
            }
        }
        return States.set(rules);
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = id(prior);
        updateRules(aws, id, prior, planned);
        if (changed(prior, planned, "subnet_ids")) {
            List<String> before = Plain.strings(prior, "subnet_ids");
            List<String> after = Plain.strings(planned, "subnet_ids");
            String defaultAcl = null;
            for (String subnet : before) {
                if (!after.contains(subnet)) {
                    defaultAcl = defaultAcl != null ? defaultAcl : defaultAcl(aws, Plain.string(prior, "vpc_id"));
                    associate(aws, defaultAcl, subnet);
                }
            }
            for (String subnet : after) {
                if (!before.contains(subnet)) {
                    associate(aws, id, subnet);
                }
            }
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        Optional<NetworkAcl> found = Ec2Find.networkAcl(aws, id);
        if (found.isEmpty()) {
            return;
        }
        if (!found.get().associations().isEmpty()) {
            String defaultAcl = defaultAcl(aws, found.get().vpcId());
            for (NetworkAclAssociation association : found.get().associations()) {
                associate(aws, defaultAcl, association.subnetId());
            }
        }
        Errors.retrying(aws, TIMEOUT, Errors.hasCode("DependencyViolation"), () -> Errors.find(doing("deleting", id),
                Set.of("InvalidNetworkAclID.NotFound"), () -> aws.ec2().deleteNetworkAcl(r -> r.networkAclId(id))));
    }

    /** Entries gone from a direction's set are deleted first, then the new ones created. */
    private static void updateRules(AwsContext aws, String id, Map<String, Object> prior, Map<String, Object> planned) {
        for (String direction : List.of("egress", "ingress")) {
            boolean egress = direction.equals("egress");
            List<Map<String, Object>> before = Plain.blocks(prior, direction);
            List<Map<String, Object>> after = Plain.blocks(planned, direction);
            for (Map<String, Object> rule : before) {
                if (!after.contains(rule)) {
                    int number = Plain.integer(rule, "rule_no");
                    NetworkAclEntries.delete(aws, id, egress, number, "deleting " + NetworkAclEntries.describe(id, egress, number));
                }
            }
            for (Map<String, Object> rule : after) {
                if (!before.contains(rule)) {
                    NetworkAclEntries.create(aws, id, egress, rule, "rule_no", "action");
                }
            }
        }
    }

    /** Moves a subnet onto {@code aclId} by replacing its current network ACL association. */
    private void associate(AwsContext aws, String aclId, String subnetId) {
        NetworkAcl current = Ec2Find.networkAclOfSubnet(aws, subnetId).orElseThrow(() ->
                new ProviderException("reading " + label + " association for EC2 Subnet (" + subnetId + "): empty result"));
        String association = current.associations().stream().filter(a -> subnetId.equals(a.subnetId()))
                .map(NetworkAclAssociation::networkAclAssociationId).findFirst().orElseThrow();
        Errors.call("creating " + label + " (" + aclId + ") Association (" + subnetId + ")",
                () -> aws.ec2().replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(aclId)));
    }

    private String defaultAcl(AwsContext aws, String vpcId) {
        return Ec2Find.defaultNetworkAcl(aws, vpcId).map(NetworkAcl::networkAclId).orElseThrow(() ->
                new ProviderException("reading default " + label + " of EC2 VPC (" + vpcId + "): empty result"));
    }
}
