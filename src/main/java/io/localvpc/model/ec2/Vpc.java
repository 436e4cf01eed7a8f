package io.localvpc.model.ec2;

import io.localvpc.model.Cidr;
import io.localvpc.model.Resource;
import java.time.Instant;

/** A VPC: its primary IPv4 block, tenancy and DNS attributes. */
public record Vpc(
        String id,
        String ownerId,
        Cidr cidrBlock,
        String cidrAssociationId,
        boolean isDefault,
        String instanceTenancy,
        String dhcpOptionsId,
        boolean enableDnsSupport,
        boolean enableDnsHostnames,
        boolean enableNetworkAddressUsageMetrics,
        Instant createdAt)
        implements Resource {

    /** The Amazon DNS resolver: the VPC's primary block base + 2. */
    public io.localvpc.model.Ipv4 dnsResolver() {
        return cidrBlock.base().plus(2);
    }

    public Vpc withDnsSupport(boolean on) {
        return new Vpc(id, ownerId, cidrBlock, cidrAssociationId, isDefault, instanceTenancy, dhcpOptionsId, on,
                enableDnsHostnames, enableNetworkAddressUsageMetrics, createdAt);
    }

    public Vpc withDnsHostnames(boolean on) {
        return new Vpc(id, ownerId, cidrBlock, cidrAssociationId, isDefault, instanceTenancy, dhcpOptionsId,
                enableDnsSupport, on, enableNetworkAddressUsageMetrics, createdAt);
    }

    public Vpc withNetworkAddressUsageMetrics(boolean on) {
        return new Vpc(id, ownerId, cidrBlock, cidrAssociationId, isDefault, instanceTenancy, dhcpOptionsId,
                enableDnsSupport, enableDnsHostnames, on, createdAt);
    }
}
