package io.localvpc.model.ec2;

import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import io.localvpc.model.Resource;

/**
 * A subnet in one availability zone. AWS reserves five addresses in each: the network address,
 * base+1 (router), base+2 (DNS), base+3 (future use) and the last (broadcast).
 */
public record Subnet(
        String id,
        String vpcId,
        String ownerId,
        Cidr cidrBlock,
        String availabilityZone,
        String availabilityZoneId,
        boolean defaultForAz,
        boolean mapPublicIpOnLaunch)
        implements Resource {

    public static final int RESERVED_ADDRESSES = 5;

    public boolean isReserved(Ipv4 address) {
        long offset = address.unsigned() - cidrBlock.base().unsigned();
        return offset < 4 || offset == cidrBlock.size() - 1;
    }

    public Subnet withMapPublicIpOnLaunch(boolean on) {
        return new Subnet(id, vpcId, ownerId, cidrBlock, availabilityZone, availabilityZoneId, defaultForAz, on);
    }
}
