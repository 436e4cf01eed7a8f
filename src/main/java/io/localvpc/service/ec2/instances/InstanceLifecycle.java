package io.localvpc.service.ec2.instances;

import io.localvpc.model.Ipv4;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Volume;
import io.localvpc.model.ec2.VolumeModification;
import io.localvpc.service.Timings;
import java.time.Instant;
import java.util.List;

/**
 * An instance's state machine: what each request starts (stopping, pending, shutting-down) and
 * what the clock finishes (stopped, running, terminated, then gone after the retention period).
 * Auto-assigned public addresses go back to the pool on stop and terminate, as on AWS.
 */
public final class InstanceLifecycle {
    public static final String USER_SHUTDOWN = "Client.UserInitiatedShutdown";

    private final Timings timings;
    private final PublicIpPool publicIps;

    public InstanceLifecycle(Timings timings, PublicIpPool publicIps) {
        this.timings = timings;
        this.publicIps = publicIps;
    }

    /** The clock has reached an instance's due time: finish the transition under way. */
    public void evolve(Tx tx, Instance instance) {
        Instant at = instance.dueAt();
        switch (instance.state()) {
            case "pending" -> tx.put(instance.inState("running", null, at, null));
            case "stopping" -> tx.put(instance.inState("stopped", instance.stateReason(), at, null));
            case "shutting-down" -> {
                releaseResources(tx, instance);
                tx.put(instance.withBlockDevices(List.of())
                        .inState("terminated", instance.stateReason(), at, at.plus(timings.retention())));
            }
            case "terminated" -> tx.remove(instance);
            // Running and stopped instances have nothing due; clear a stray due time so it is not applied again.
            default -> tx.put(instance.inState(instance.state(), instance.stateReason(), instance.stateChangedAt(), null));
        }
    }

    public Instance stop(Tx tx, Instance instance) {
        releasePublicIp(tx, instance);
        return put(tx, instance.inState("stopping", USER_SHUTDOWN, tx.now(), due(tx)));
    }

    public Instance start(Tx tx, Instance instance) {
        if (instance.settings().publicIpOnLaunch()) {
            tx.find(NetworkInterface.class, instance.primaryNetworkInterfaceId()).ifPresent(eni -> tx.put(
                    eni.withPublicIp(claimPublicIp(tx))));
        }
        return put(tx, instance.started(tx.now(), due(tx)));
    }

    public Instance terminate(Tx tx, Instance instance) {
        releasePublicIp(tx, instance);
        return put(tx, instance.inState("shutting-down", USER_SHUTDOWN, tx.now(), due(tx)));
    }

    /** A public address for a new or restarting interface; the pool running dry is AWS's capacity error. */
    public Ipv4 claimPublicIp(Tx tx) {
        return publicIps.claim(tx).orElseThrow(() -> io.localvpc.api.AwsException.badRequest(
                "InsufficientAddressCapacity", "There are not enough public IP addresses available."));
    }

    /** The public address policy of a launch: the interface spec's wish, else the subnet's. */
    public static boolean wantsPublicIp(Boolean requested, Subnet subnet) {
        return requested != null ? requested : subnet.mapPublicIpOnLaunch();
    }

    private Instant due(Tx tx) {
        return tx.now().plus(timings.stateChange());
    }

    private static Instance put(Tx tx, Instance instance) {
        tx.put(instance);
        return instance;
    }

    private void releasePublicIp(Tx tx, Instance instance) {
        for (NetworkInterface eni : attachedInterfaces(tx, instance.id())) {
            if (eni.publicIp() != null) {
                publicIps.release(eni.publicIp(), tx);
                tx.put(eni.withPublicIp(null));
            }
        }
    }

    /**
     * A terminated instance lets go of everything: delete-on-termination volumes and interfaces go,
     * the rest are detached, and Elastic IPs on deleted interfaces are disassociated.
     */
    private void releaseResources(Tx tx, Instance instance) {
        releasePublicIp(tx, instance);
        for (Volume volume : List.copyOf(tx.all(Volume.class))) {
            if (volume.attachment() != null && volume.attachment().instanceId().equals(instance.id())) {
                if (volume.attachment().deleteOnTermination()) {
                    tx.remove(volume);
                    tx.find(VolumeModification.class, volume.id()).ifPresent(tx::remove);
                } else {
                    tx.put(volume.detached());
                }
            }
        }
        for (NetworkInterface eni : attachedInterfaces(tx, instance.id())) {
            if (eni.attachment().deleteOnTermination()) {
                for (Address address : List.copyOf(tx.all(Address.class))) {
                    if (eni.id().equals(address.networkInterfaceId())) {
                        tx.put(address.disassociate());
                    }
                }
                tx.remove(eni);
            } else {
                tx.put(eni.withAttachment(null));
            }
        }
    }

    static List<NetworkInterface> attachedInterfaces(io.localvpc.model.StateView state, String instanceId) {
        if (state instanceof io.localvpc.model.RegionState committed) {
            // Describes show interfaces for each instance: index them once per committed state.
            return committed.derived(INTERFACES_BY_INSTANCE, InstanceLifecycle::interfacesByInstance)
                    .getOrDefault(instanceId, List.of());
        }
        return state.all(NetworkInterface.class).stream()
                .filter(n -> n.attachment() != null && instanceId.equals(n.attachment().instanceId()))
                .sorted(java.util.Comparator.comparingInt(n -> n.attachment().deviceIndex()))
                .toList();
    }

    private static final Object INTERFACES_BY_INSTANCE = new Object();

    private static java.util.Map<String, List<NetworkInterface>> interfacesByInstance(io.localvpc.model.RegionState state) {
        java.util.Map<String, List<NetworkInterface>> byInstance = new java.util.HashMap<>();
        state.all(NetworkInterface.class).stream()
                .filter(n -> n.attachment() != null && n.attachment().instanceId() != null)
                .sorted(java.util.Comparator.comparingInt(n -> n.attachment().deviceIndex()))
                .forEach(n -> byInstance.computeIfAbsent(n.attachment().instanceId(), k -> new java.util.ArrayList<>()).add(n));
        return byInstance;
    }
}
