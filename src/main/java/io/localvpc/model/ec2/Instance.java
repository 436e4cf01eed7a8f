package io.localvpc.model.ec2;

import io.localvpc.model.Ipv4;
import io.localvpc.model.Timed;
import java.time.Instant;
import java.util.List;

/**
 * An EC2 instance. Its addresses and groups live on its network interfaces; this record keeps
 * what belongs to the instance itself. States move pending → running, stopping → stopped,
 * shutting-down → terminated on their own; a terminated instance stays visible for an hour.
 * {@code stateReason} is the code of the last state change's reason (e.g.
 * {@code Client.UserInitiatedShutdown}), or null for a launch.
 */
public record Instance(
        String id,
        String reservationId,
        String ownerId,
        int launchIndex,
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

    /** The instance profile as EC2 reports it: its ARN and id, and the association that put it there, and when. */
    public record IamProfile(String arn, String id, String associationId, Instant associatedAt) {}

    /** An EBS volume attached at a device name. */
    public record BlockDevice(String deviceName, String volumeId, boolean deleteOnTermination, Instant attachTime) {}

    /**
     * Attributes set at launch and changed with ModifyInstanceAttribute and friends.
     * {@code publicIpOnLaunch}: whether each start gives the primary interface a public address.
     */
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
            MetadataOptions metadataOptions,
            boolean publicIpOnLaunch) {

        public Settings {
            // State written before metadata options were one record has none: EC2's launch defaults stand in.
            if (metadataOptions == null) {
                metadataOptions = new MetadataOptions("optional", 1, "enabled", "disabled", "disabled", null);
            }
        }

        public Settings withUserData(String value) {
            return new Settings(value, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        public Settings withDisableApiTermination(boolean value) {
            return new Settings(userData, value, disableApiStop, shutdownBehavior, ebsOptimized, monitoring,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        public Settings withDisableApiStop(boolean value) {
            return new Settings(userData, disableApiTermination, value, shutdownBehavior, ebsOptimized, monitoring,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        public Settings withShutdownBehavior(String value) {
            return new Settings(userData, disableApiTermination, disableApiStop, value, ebsOptimized, monitoring,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        public Settings withEbsOptimized(boolean value) {
            return new Settings(userData, disableApiTermination, disableApiStop, shutdownBehavior, value, monitoring,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        /** Where the launch decided them: tenancy from the VPC, the public address from the subnet. */
        public Settings placedWith(String newTenancy, boolean newPublicIpOnLaunch) {
            return new Settings(userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring,
                    cpuCredits, newTenancy, rootDeviceName, metadataOptions,
                    newPublicIpOnLaunch);
        }

        public Settings withMonitoring(boolean value) {
            return new Settings(userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, value,
                    cpuCredits, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }

        public Settings withMetadataOptions(MetadataOptions value) {
            return new Settings(userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring,
                    cpuCredits, tenancy, rootDeviceName, value, publicIpOnLaunch);
        }

        public Settings withCpuCredits(String value) {
            return new Settings(userData, disableApiTermination, disableApiStop, shutdownBehavior, ebsOptimized, monitoring,
                    value, tenancy, rootDeviceName, metadataOptions, publicIpOnLaunch);
        }
    }

    /**
     * The instance metadata service options. A change is in force at once but reported as
     * {@code pending} until {@code appliedAt}, as EC2 reports it while it propagates; null means applied.
     */
    public record MetadataOptions(
            String httpTokens,
            int httpPutResponseHopLimit,
            String httpEndpoint,
            String httpProtocolIpv6,
            String instanceMetadataTags,
            Instant appliedAt) {

        public String state(Instant now) {
            return appliedAt != null && now.isBefore(appliedAt) ? "pending" : "applied";
        }
    }

    /** The numeric state code AWS pairs with each state name. */
    public static int stateCode(String state) {
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

    public int stateCode() {
        return stateCode(state);
    }

    public Instance inState(String newState, String reason, Instant at, Instant nextDue) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, instanceType, newState, reason, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                settings, launchTime, at, nextDue, clientToken);
    }

    /** A start is a new launch as far as launchTime is concerned. */
    public Instance started(Instant at, Instant nextDue) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, instanceType, "pending", null, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                settings, at, at, nextDue, clientToken);
    }

    public Instance withSettings(Settings newSettings) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, instanceType, state, stateReason, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                newSettings, launchTime, stateChangedAt, dueAt, clientToken);
    }

    public Instance withInstanceType(String newType) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, newType, state, stateReason, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, blockDevices,
                settings, launchTime, stateChangedAt, dueAt, clientToken);
    }

    public Instance withIamInstanceProfile(IamProfile profile) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, instanceType, state, stateReason, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, profile, blockDevices,
                settings, launchTime, stateChangedAt, dueAt, clientToken);
    }

    public Instance withBlockDevices(List<BlockDevice> devices) {
        return new Instance(id, reservationId, ownerId, launchIndex, imageId, instanceType, state, stateReason, subnetId,
                vpcId, availabilityZone, primaryNetworkInterfaceId, privateIp, keyName, iamInstanceProfile, devices,
                settings, launchTime, stateChangedAt, dueAt, clientToken);
    }
}
