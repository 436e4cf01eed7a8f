package io.localvpc.model.ec2;

import io.localvpc.model.Cidr;
import io.localvpc.model.Resource;
import java.util.List;

/**
 * A network ACL: numbered allow/deny entries per direction, evaluated lowest number first, and the
 * subnets it guards. The final {@code *} deny (shown as rule 32767) is implicit, not stored.
 */
public record NetworkAcl(
        String id, String vpcId, String ownerId, boolean isDefault, List<Entry> entries, List<Association> associations)
        implements Resource {

    public static final int DEFAULT_RULE_NUMBER = 32767;

    public NetworkAcl {
        entries = List.copyOf(entries);
        associations = List.copyOf(associations);
    }

    /**
     * One rule. {@code protocol} is the IANA number as text, or "-1" for all; ports apply to TCP
     * and UDP, ICMP type and code to ICMP.
     */
    public record Entry(
            int ruleNumber,
            boolean egress,
            String protocol,
            boolean allow,
            Cidr cidrBlock,
            Integer fromPort,
            Integer toPort,
            Integer icmpType,
            Integer icmpCode) {}

    /** A subnet guarded by this ACL. */
    public record Association(String id, String subnetId) {}

    public NetworkAcl withEntries(List<Entry> newEntries) {
        return new NetworkAcl(id, vpcId, ownerId, isDefault, newEntries, associations);
    }

    public NetworkAcl withAssociations(List<Association> newAssociations) {
        return new NetworkAcl(id, vpcId, ownerId, isDefault, entries, newAssociations);
    }
}
