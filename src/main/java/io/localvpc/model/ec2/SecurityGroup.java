package io.localvpc.model.ec2;

import io.localvpc.model.Resource;
import java.util.List;
import java.util.Objects;

/** A security group and its rules. Rules are allow-only; each has its own {@code sgr-} id. */
public record SecurityGroup(String id, String name, String description, String vpcId, String ownerId, List<Rule> rules)
        implements Resource {

    public SecurityGroup {
        rules = List.copyOf(rules);
    }

    /**
     * One rule, as DescribeSecurityGroupRules shows it: exactly one peer (an IPv4 or IPv6 block, a
     * group, or a prefix list). {@code protocol} is kept as EC2 reports it ("tcp", "-1", "50");
     * ports are null where the protocol has none (-1 and protocols other than TCP, UDP and ICMP).
     */
    public record Rule(
            String id,
            boolean egress,
            String protocol,
            Integer fromPort,
            Integer toPort,
            String cidrIpv4,
            String cidrIpv6,
            String referencedGroupId,
            String prefixListId,
            String description) {

        /** Whether both rules allow the same traffic: everything but the id and description agree. */
        public boolean sameTrafficAs(Rule other) {
            return egress == other.egress
                    && protocol.equals(other.protocol)
                    && Objects.equals(fromPort, other.fromPort)
                    && Objects.equals(toPort, other.toPort)
                    && Objects.equals(cidrIpv4, other.cidrIpv4)
                    && Objects.equals(cidrIpv6, other.cidrIpv6)
                    && Objects.equals(referencedGroupId, other.referencedGroupId)
                    && Objects.equals(prefixListId, other.prefixListId);
        }

        public Rule withId(String newId) {
            return new Rule(newId, egress, protocol, fromPort, toPort, cidrIpv4, cidrIpv6, referencedGroupId,
                    prefixListId, description);
        }

        public Rule withDescription(String newDescription) {
            return new Rule(id, egress, protocol, fromPort, toPort, cidrIpv4, cidrIpv6, referencedGroupId,
                    prefixListId, newDescription);
        }
    }

    public SecurityGroup withRules(List<Rule> newRules) {
        return new SecurityGroup(id, name, description, vpcId, ownerId, newRules);
    }

    /** The rules of one direction, in the order they were added. */
    public List<Rule> rules(boolean egress) {
        return rules.stream().filter(r -> r.egress() == egress).toList();
    }
}
