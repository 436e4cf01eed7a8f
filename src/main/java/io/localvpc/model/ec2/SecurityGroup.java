package io.localvpc.model.ec2;

import io.localvpc.model.Resource;
import java.util.List;

/** A security group and its rules. Rules are allow-only; each has its own {@code sgr-} id. */
public record SecurityGroup(String id, String name, String description, String vpcId, String ownerId, List<Rule> rules)
        implements Resource {

    public SecurityGroup {
        rules = List.copyOf(rules);
    }

    /**
     * One rule, as DescribeSecurityGroupRules shows it: exactly one peer (an IPv4 or IPv6 block, a
     * group, or a prefix list). {@code protocol} is kept as the caller wrote it ("tcp", "-1", "6").
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
            String description) {}

    public SecurityGroup withRules(List<Rule> newRules) {
        return new SecurityGroup(id, name, description, vpcId, ownerId, newRules);
    }
}
