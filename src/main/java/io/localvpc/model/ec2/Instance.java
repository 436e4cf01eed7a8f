package io.localvpc.model.ec2;

import io.localvpc.model.Ipv4;
import io.localvpc.model.Timed;
import java.time.Instant;
import java.util.List;

/**
 * An EC2 instance. Its addresses and groups live on its primary network interface; this record
 * keeps what belongs to the instance itself. States move pending → running, stopping → stopped,
 * shutting-down → terminated on their own; a terminated instance stays visible for an hour.
 */
public record Instance(
        String id,
        String reservationId,
        String ownerId,
        String imageId,
        String instanceType,
        String state,
        String stateReason,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String primaryNetworkInterfaceId,
        Ipv4 privateIp,
        String keyName,
        IamProfile iamInstanceProfile,
        List<BlockDevice> blockDevices,
        Settings settings,
        Instant launchTime,
        Instant stateChangedAt,
        Instant dueAt,
        String clientToken)
        implements Timed {

    public Instance {
        blockDevices = List.copyOf(blockDevices);
    }

    /** The instance profile as EC2 reports it: its ARN and id. */
    public record IamProfile(String arn, String id) {}

    /** An EBS volume attached at a device name. */
    public record BlockDevice(String deviceName, String volumeId, boolean deleteOnTermination, Instant attachTime) {}

    /** Attributes set at launch and changed with ModifyInstanceAttribute. */
    public record Settings(
            String userData,
            boolean disableApiTermination,
            boolean disableApiStop,
            String shutdownBehavior,
            boolean ebsOptimized,
            boolean monitoring,
            String cpuCredits,
            String tenancy,
            String rootDeviceName,
            String httpTokens,
            int httpPutResponseHopLimit,
            String httpEndpoint) {}

    /** The numeric state code AWS pairs with each state name. */
    public int stateCode() {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalStateException("unknown instance state " + state);
        };
    }

    public Instance inState(String newState, String reason, Instant at, Instant nextDue) {
        return new Instance(id, reservationId, ownerId, imageId, instanceType, newState, reason, subnetId, vpcId,
                availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                settings, launchTime, at, nextDue, clientToken);
    }

    public Instance withSettings(Settings newSettings) {
        return new Instance(id, reservationId, ownerId, imageId, instanceType, state, stateReason, subnetId, vpcId,
                availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                newSettings, launchTime, stateChangedAt, dueAt, clientToken);
    }

    public Instance withInstanceType(String newType) {
        return new Instance(id, reservationId, ownerId, imageId, newType, state, stateReason, subnetId, vpcId,
                availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                settings, launchTime, stateChangedAt, dueAt, clientToken);
    }

    public Instance withIamInstanceProfile(IamProfile profile) {
        return new Instance(id, reservationId, ownerId, imageId, instanceType, state, stateReason, subnetId, vpcId,
                availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, profile, blockDevices,
                settings, launchTime, stateChangedAt, dueAt, clientToken);
    }
}
