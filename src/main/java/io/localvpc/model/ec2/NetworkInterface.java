package io.localvpc.model.ec2;

import io.localvpc.model.Ipv4;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A network interface in one subnet: the thing that holds private addresses and security groups.
 * Instances have one at device index 0; NAT gateways and endpoints have requester-managed ones.
 * {@code publicIp} is an auto-assigned (not Elastic) public address, released on stop.
 */
public record NetworkInterface(
        String id,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String ownerId,
        String description,
        String interfaceType,
        boolean requesterManaged,
        String requesterId,
        Ipv4 privateIp,
        List<Ipv4> secondaryPrivateIps,
        List<String> groupIds,
        boolean sourceDestCheck,
        String macAddress,
        Attachment attachment,
        Ipv4 publicIp)
        implements Resource, PublicIpPool.Holder {

    public NetworkInterface {
        secondaryPrivateIps = List.copyOf(secondaryPrivateIps);
        groupIds = List.copyOf(groupIds);
    }

    /** Where the interface is attached: an instance (or AWS itself, for a NAT gateway's). */
    public record Attachment(
            String id, String instanceId, String instanceOwnerId, int deviceIndex, String status,
            Instant attachTime, boolean deleteOnTermination) {}

    @Override
    public Optional<Ipv4> heldPublicIp() {
        return Optional.ofNullable(publicIp);
    }

    public String status() {
        return attachment == null ? "available" : "in-use";
    }

    /** Every private address of the interface, primary first. */
    public List<Ipv4> privateIps() {
        var all = new java.util.ArrayList<Ipv4>();
        all.add(privateIp);
        all.addAll(secondaryPrivateIps);
        return all;
    }

    public NetworkInterface withPublicIp(Ipv4 address) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, description, interfaceType,
                requesterManaged, requesterId, privateIp, secondaryPrivateIps, groupIds, sourceDestCheck, macAddress,
                attachment, address);
    }

    public NetworkInterface withGroups(List<String> newGroupIds) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, description, interfaceType,
                requesterManaged, requesterId, privateIp, secondaryPrivateIps, newGroupIds, sourceDestCheck,
                macAddress, attachment, publicIp);
    }

    public NetworkInterface withSourceDestCheck(boolean on) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, description, interfaceType,
                requesterManaged, requesterId, privateIp, secondaryPrivateIps, groupIds, on, macAddress,
                attachment, publicIp);
    }

    public NetworkInterface withAttachment(Attachment newAttachment) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, description, interfaceType,
                requesterManaged, requesterId, privateIp, secondaryPrivateIps, groupIds, sourceDestCheck, macAddress,
                newAttachment, publicIp);
    }

    public NetworkInterface withDescription(String newDescription) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, newDescription, interfaceType,
                requesterManaged, requesterId, privateIp, secondaryPrivateIps, groupIds, sourceDestCheck, macAddress,
                attachment, publicIp);
    }

    public NetworkInterface withSecondaryPrivateIps(List<Ipv4> newSecondaries) {
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, ownerId, description, interfaceType,
                requesterManaged, requesterId, privateIp, newSecondaries, groupIds, sourceDestCheck, macAddress,
                attachment, publicIp);
    }
}
