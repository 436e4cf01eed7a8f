package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;

/**
 * Network ACL entries as both {@code aws_network_acl_rule} and the inline {@code ingress} /
 * {@code egress} blocks of {@code aws_network_acl} make them: protocols by IANA name or number
 * (the API and the state speak numbers), ports always sent, ICMP type and code for ICMP.
 */
final class NetworkAclEntries {
    private NetworkAclEntries() {}

    /** The rule numbers of the default deny entries AWS adds, which the provider never shows. */
    static boolean isDefault(NetworkAclEntry entry) {
        return entry.ruleNumber() != null && (entry.ruleNumber() == 32767 || entry.ruleNumber() == 32768);
    }

    /** The IANA names the provider accepts for the protocols a network ACL can filter on. */
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("all", -1), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ipv6-icmp", 58), Map.entry("sctp", 132));

    /** A protocol name or number as the number the API takes; an unknown one fails as the provider's validation does. */
    static int protocolNumber(String protocol) {
        return number(protocol).orElseThrow(() -> new ProviderException("\"protocol\" : unsupported NACL protocol: " + protocol));
    }

    static Optional<Integer> number(String protocol) {
        if (protocol == null) {
            return Optional.empty();
        }
        if (protocol.matches("-?\\d+")) {
            int number = Integer.parseInt(protocol);
            return number >= -1 && number <= 255 ? Optional.of(number) : Optional.empty();
        }
        return Optional.ofNullable(PROTOCOLS.get(protocol.toLowerCase(Locale.ROOT)));
    }

    /** Two ways of writing the same protocol ({@code tcp} and {@code 6}) are no change. */
    static boolean sameProtocol(Object a, Object b) {
        return a != null && b != null && number(a.toString()).isPresent() && number(a.toString()).equals(number(b.toString()));
    }

    /**
     * CreateNetworkAclEntry for one rule. {@code names} maps the rule's fields: the resource says
     * {@code rule_number}/{@code rule_action}, the inline blocks {@code rule_no}/{@code action}.
     */
    static void create(AwsContext aws, String aclId, boolean egress, Map<String, Object> rule, String numberField, String actionField) {
        int protocol = protocolNumber(Plain.string(rule, "protocol"));
        int number = Plain.integer(rule, numberField);
        CreateNetworkAclEntryRequest.Builder request = CreateNetworkAclEntryRequest.builder()
                .networkAclId(aclId)
                .egress(egress)
                .ruleNumber(number)
                .ruleAction(Plain.string(rule, actionField))
                .protocol(Integer.toString(protocol))
                .portRange(PortRange.builder().from(orZero(Plain.integer(rule, "from_port"))).to(orZero(Plain.integer(rule, "to_port"))).build())
                .cidrBlock(Ec2Resource.set(rule, "cidr_block"))
                .ipv6CidrBlock(Ec2Resource.set(rule, "ipv6_cidr_block"));
        if (protocol == 1 || protocol == 58) {
            request.icmpTypeCode(IcmpTypeCode.builder()
                    .code(orZero(Plain.integer(rule, "icmp_code"))).type(orZero(Plain.integer(rule, "icmp_type"))).build());
        }
        Errors.call("creating " + describe(aclId, egress, number), () -> aws.ec2().createNetworkAclEntry(request.build()));
    }

    /** DeleteNetworkAclEntry; an entry or ACL already gone is no error. */
    static void delete(AwsContext aws, String aclId, boolean egress, int number, String doing) {
        Errors.find(doing, Set.of("InvalidNetworkAclID.NotFound", "InvalidNetworkAclEntry.NotFound"),
                () -> aws.ec2().deleteNetworkAclEntry(r -> r.networkAclId(aclId).egress(egress).ruleNumber(number)));
    }

    /** The entry of {@code aclId} with that direction and number. */
    static Optional<NetworkAclEntry> find(AwsContext aws, String aclId, boolean egress, int number) {
        return Ec2Find.networkAcl(aws, aclId).flatMap(acl -> acl.entries().stream()
                .filter(e -> Boolean.valueOf(egress).equals(e.egress()) && Integer.valueOf(number).equals(e.ruleNumber()))
                .findFirst());
    }

    /** {@code EC2 Network ACL (acl-1) Rule (egress: false)(100)}, as the provider names an entry. */
    static String describe(String aclId, boolean egress, int number) {
        return "EC2 Network ACL (" + aclId + ") Rule (egress: " + egress + ")(" + number + ")";
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
