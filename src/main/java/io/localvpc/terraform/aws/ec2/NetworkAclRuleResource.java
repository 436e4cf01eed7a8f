package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;

/**
 * {@code aws_network_acl_rule}: one entry of a network ACL, known by ACL, direction and number;
 * its id is the provider's own ({@code nacl-} + CRC-32 of those and the configured protocol).
 * Every argument forces a new rule.
 */
public final class NetworkAclRuleResource extends Ec2Resource {

    public NetworkAclRuleResource() {
        super("aws_network_acl_rule", "EC2 Network ACL Rule", Schema.builder()
                .optionalForceNew("cidr_block", STRING)
                .optionalForceNew("egress", BOOL, false)
                .optionalForceNew("from_port", NUMBER)
                .optionalForceNew("icmp_code", NUMBER)
                .optionalForceNew("icmp_type", NUMBER)
                .computed("id", STRING)
                .optionalForceNew("ipv6_cidr_block", STRING)
                .requiredForceNew("network_acl_id", STRING)
                .requiredForceNew("protocol", STRING)
                .requiredForceNew("rule_action", STRING)
                .requiredForceNew("rule_number", NUMBER)
                .optionalForceNew("to_port", NUMBER)
                .build());
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        NetworkAclEntries.protocolNumber(Plain.string(proposed, "protocol"));
        Map<String, Object> planned = new LinkedHashMap<>(super.plan(aws, prior, proposed));
        // The provider suppresses the diff between a protocol name and its number, and between cases of the action.
        if (prior != null && NetworkAclEntries.sameProtocol(prior.get("protocol"), planned.get("protocol"))) {
            planned.put("protocol", prior.get("protocol"));
        }
        if (prior != null && prior.get("rule_action") instanceof String before && planned.get("rule_action") instanceof String after
                && before.equalsIgnoreCase(after)) {
            planned.put("rule_action", before);
        }
        return planned;
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String acl = Plain.string(planned, "network_acl_id");
        boolean egress = Plain.bool(planned, "egress");
        int number = Plain.integer(planned, "rule_number");
        if (NetworkAclEntries.find(aws, acl, egress, number).isPresent()) {
            // The provider's own API-style error (5.x, SDK v1 awserr): code, colon, message.
            throw new ProviderException("NetworkAclEntryAlreadyExists: " + NetworkAclEntries.describe(acl, egress, number) + " already exists");
        }
        NetworkAclEntries.create(aws, acl, egress, planned, "rule_number", "rule_action");
        return created(aws, planned, ProviderIds.networkAclRule(acl, number, egress, Plain.string(planned, "protocol")));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<NetworkAclEntry> found = NetworkAclEntries.find(aws, Plain.string(prior, "network_acl_id"),
                Plain.bool(prior, "egress"), Plain.integer(prior, "rule_number"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NetworkAclEntry entry = found.get();
        Map<String, Object> state = newState(prior);
        state.put("cidr_block", States.str(entry.cidrBlock()));
        state.put("egress", States.bool(entry.egress()));
        state.put("ipv6_cidr_block", States.str(entry.ipv6CidrBlock()));
        if (entry.icmpTypeCode() != null) {
            state.put("icmp_code", States.num(entry.icmpTypeCode().code()));
            state.put("icmp_type", States.num(entry.icmpTypeCode().type()));
        }
        if (entry.portRange() != null) {
            state.put("from_port", States.num(entry.portRange().from()));
            state.put("to_port", States.num(entry.portRange().to()));
        }
        state.put("rule_action", States.str(entry.ruleActionAsString()));
        state.put("rule_number", States.num(entry.ruleNumber()));
        state.put("protocol", entry.protocol() == null ? ""
                : Integer.toString(NetworkAclEntries.protocolNumber(entry.protocol().toLowerCase(Locale.ROOT))));
        return Optional.of(state);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        throw new ProviderException("updating " + label + " (" + id(prior) + "): every argument forces a new rule");
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        NetworkAclEntries.delete(aws, Plain.string(state, "network_acl_id"), Plain.bool(state, "egress"),
                Plain.integer(state, "rule_number"), "deleting " + label + " (" + id(state) + ")");
    }
}
