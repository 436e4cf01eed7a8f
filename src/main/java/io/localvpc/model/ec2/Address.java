package io.localvpc.model.ec2;

import io.localvpc.model.Ipv4;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.Resource;
import java.util.Optional;

/**
 * An Elastic IP (domain vpc). Its id is the allocation id; while associated it maps to one
 * private address of one network interface (an instance's, or a NAT gateway's).
 */
public record Address(
        String id,
        Ipv4 publicIp,
        String ownerId,
        String networkBorderGroup,
        String associationId,
        String networkInterfaceId,
        String networkInterfaceOwnerId,
        Ipv4 privateIp,
        String instanceId)
        implements Resource, PublicIpPool.Holder {

    @Override
    public Optional<Ipv4> heldPublicIp() {
        return Optional.of(publicIp);
    }

    public boolean isAssociated() {
        return associationId != null;
    }

    public Address associate(String newAssociationId, String eniId, String eniOwnerId, Ipv4 privateAddress, String instance) {
        return new Address(id, publicIp, ownerId, networkBorderGroup, newAssociationId, eniId, eniOwnerId, privateAddress, instance);
    }

    public Address disassociate() {
        return new Address(id, publicIp, ownerId, networkBorderGroup, null, null, null, null, null);
    }
}
