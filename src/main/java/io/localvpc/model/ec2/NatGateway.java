package io.localvpc.model.ec2;

import io.localvpc.model.Ipv4;
import io.localvpc.model.Resource;
import io.localvpc.model.Timed;
import java.time.Instant;
import java.util.List;

/**
 * A zonal NAT gateway. It lives in one subnet, owns one requester-managed network interface per
 * address, and moves pending → available (or failed) and deleting → deleted on its own; a deleted
 * gateway stays visible for an hour.
 */
public record NatGateway(
        String id,
        String subnetId,
        String vpcId,
        String ownerId,
        String connectivityType,
        String state,
        String failureCode,
        String failureMessage,
        List<NatAddress> addresses,
        Instant createTime,
        Instant deleteTime,
        Instant dueAt,
        String clientToken)
        implements Timed {

    public NatGateway {
        addresses = List.copyOf(addresses);
    }

    /** One address of the gateway: a private IP on its interface and, if public, an Elastic IP. */
    public record NatAddress(
            String allocationId,
            String associationId,
            String networkInterfaceId,
            Ipv4 privateIp,
            Ipv4 publicIp,
            boolean isPrimary,
            String status) {}

    public boolean isPublic() {
        return "public".equals(connectivityType);
    }

    public NatGateway withState(String newState, Instant nextDue) {
        return new NatGateway(id, subnetId, vpcId, ownerId, connectivityType, newState, failureCode, failureMessage,
                addresses, createTime, deleteTime, nextDue, clientToken);
    }

    public NatGateway failed(String code, String message, Instant nextDue) {
        return new NatGateway(id, subnetId, vpcId, ownerId, connectivityType, "failed", code, message, addresses,
                createTime, deleteTime, nextDue, clientToken);
    }

    public NatGateway deleting(Instant at, Instant nextDue) {
        return new NatGateway(id, subnetId, vpcId, ownerId, connectivityType, "deleting", failureCode, failureMessage,
                addresses, createTime, at, nextDue, clientToken);
    }

    public NatGateway withAddresses(List<NatAddress> newAddresses) {
        return new NatGateway(id, subnetId, vpcId, ownerId, connectivityType, state, failureCode, failureMessage,
                newAddresses, createTime, deleteTime, dueAt, clientToken);
    }
}
