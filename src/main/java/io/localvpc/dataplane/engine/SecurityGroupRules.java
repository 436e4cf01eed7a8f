package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.SecurityGroup.Rule;
import io.localvpc.model.ec2.SecurityGroup;
import java.util.List;
import java.util.Optional;

/**
 * Security group evaluation for one direction of one interface: the union of the rules of all its
 * groups, allow-only. A CIDR peer matches the far address; a group peer matches when the far
 * address is the private IP of an interface in that group (never a public IP or Elastic IP); an
 * AWS-managed prefix list (S3's, DynamoDB's) matches its blocks. Customer-managed prefix lists are
 * not modelled and match nothing.
 */
public final class SecurityGroupRules {
    private SecurityGroupRules() {}

    /** The outcome: the group and rule that allowed the packet, or why none did. */
    public record Verdict(boolean allowed, String groupId, Rule rule, String code) {
        static Verdict allowedBy(String groupId, Rule rule) {
            return new Verdict(true, groupId, rule, null);
        }

        static Verdict denied(String groupId, String code) {
            return new Verdict(false, groupId, null, code);
        }
    }

    /**
     * @param peer the far address: the destination for egress, the source for ingress
     * @param port the destination port (for ICMP, the ICMP type)
     */
    public static Verdict evaluate(Topology topology, List<String> groupIds, boolean egress, Protocol protocol, int port,
            Ipv4 peer) {
        boolean anyRule = false;
        for (String groupId : groupIds) {
            Optional<SecurityGroup> group = topology.group(groupId);
            if (group.isEmpty()) {
                continue;
            }
            for (Rule rule : group.get().rules(egress)) {
                anyRule = true;
                if (matchesTraffic(rule, protocol, port) && matchesPeer(topology, rule, peer)) {
                    return Verdict.allowedBy(groupId, rule);
                }
            }
        }
        String first = groupIds.isEmpty() ? null : groupIds.get(0);
        return Verdict.denied(first, anyRule ? "ENI_SG_RULES_MISMATCH" : "SG_HAS_NO_RULES");
    }

    static boolean matchesTraffic(Rule rule, Protocol protocol, int port) {
        String p = rule.protocol();
        if ("-1".equals(p)) {
            return true;
        }
        if (!p.equals(protocol.lowerName()) && !p.equals(Integer.toString(protocol.number()))) {
            return false;
        }
        Integer from = rule.fromPort();
        Integer to = rule.toPort();
        if (protocol == Protocol.ICMP) {
            // FromPort is the ICMP type (-1 any); ToPort the code, and echo messages have code 0.
            return from == null || from == -1 || from == port;
        }
        return from == null || to == null || (port >= from && port <= to);
    }

    static boolean matchesPeer(Topology topology, Rule rule, Ipv4 peer) {
        if (rule.cidrIpv4() != null) {
            return Cidr.tryParse(rule.cidrIpv4()).map(c -> c.contains(peer)).orElse(false);
        }
        if (rule.referencedGroupId() != null) {
            return topology.isMemberAddress(rule.referencedGroupId(), peer);
        }
        if (rule.prefixListId() != null) {
            return AwsPublicRanges.managedPrefixList(rule.prefixListId()).map(list -> list.contains(peer)).orElse(false);
        }
        return false;
    }

    /** {@code sgr-… tcp 443 to 0.0.0.0/0}, for trace hops. */
    public static String describe(Rule rule) {
        String ports = "-1".equals(rule.protocol()) ? "all traffic"
                : rule.protocol() + (rule.fromPort() == null ? "" : " " + ports(rule));
        String peer = rule.cidrIpv4() != null ? rule.cidrIpv4()
                : rule.referencedGroupId() != null ? rule.referencedGroupId()
                : rule.prefixListId() != null ? rule.prefixListId() : rule.cidrIpv6();
        return rule.id() + " " + ports + (rule.egress() ? " to " : " from ") + peer;
    }

    private static String ports(Rule rule) {
        if ("icmp".equals(rule.protocol())) {
            return rule.fromPort() == -1 ? "all" : "type " + rule.fromPort();
        }
        return rule.fromPort().equals(rule.toPort()) ? rule.fromPort().toString() : rule.fromPort() + "-" + rule.toPort();
    }
}
