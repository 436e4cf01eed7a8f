package io.localvpc.dataplane.engine;

import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import java.util.Optional;

/** Leaving and arriving at a network interface: security groups (stateful) and the subnet's ACL (stateless). */
final class InterfaceStage {
    private final Fabric fabric;

    InterfaceStage(Fabric fabric) {
        this.fabric = fabric;
    }

    Step send(Step.Send s, Walk walk) {
        NetworkInterface eni = s.eni();
        Packet p = s.packet();
        Topology topology = s.site().topology();
        Subnet subnet = topology.subnet(eni.subnetId()).orElseThrow();
        walk.hop(eni.id(), "network-interface", "send", p.describe());
        if (hasGroups(eni)) {
            if (fabric.tracker().isTracked(eni.id(), p, true, walk.now())) {
                walk.hop(eni.groupIds().get(0), "security-group", "allow egress", "reply of a tracked connection");
            } else {
                SecurityGroupRules.Verdict verdict = SecurityGroupRules.evaluate(topology, eni.groupIds(), true,
                        p.protocol(), p.destinationRulePort(), p.destination());
                if (!verdict.allowed()) {
                    return groupDenied(verdict, eni, "egress", "to " + p.destinationText());
                }
                walk.hop(verdict.groupId(), "security-group", "allow egress", SecurityGroupRules.describe(verdict.rule()));
                fabric.tracker().track(eni.id(), p, true, walk.now());
            }
            walk.effect(new FlowEffect.TrackedConnection(fabric.tracker(), eni.id(), p, true));
        }
        if (!subnet.cidrBlock().contains(p.destination())) {
            Optional<Step> denied = aclCheck(topology, subnet, p, true, walk);
            if (denied.isPresent()) {
                return denied.get();
            }
        }
        return new Step.Route(s.site(), subnet, p);
    }

    Step arrive(Step.Arrive a, Walk walk) {
        NetworkInterface eni = a.eni();
        Packet p = a.packet();
        Topology topology = a.site().topology();
        Subnet subnet = topology.subnet(eni.subnetId()).orElseThrow();
        if (a.fromSubnet() == null || !a.fromSubnet().id().equals(subnet.id())) {
            Optional<Step> denied = aclCheck(topology, subnet, p, false, walk);
            if (denied.isPresent()) {
                return denied.get();
            }
        }
        if (hasGroups(eni)) {
            if (fabric.tracker().isTracked(eni.id(), p, false, walk.now())) {
                walk.hop(eni.groupIds().get(0), "security-group", "allow ingress", "reply of a tracked connection");
            } else {
                SecurityGroupRules.Verdict verdict = SecurityGroupRules.evaluate(topology, eni.groupIds(), false,
                        p.protocol(), p.destinationRulePort(), p.source());
                if (!verdict.allowed()) {
                    return groupDenied(verdict, eni, "ingress", "from " + p.source());
                }
                walk.hop(verdict.groupId(), "security-group", "allow ingress", SecurityGroupRules.describe(verdict.rule()));
                fabric.tracker().track(eni.id(), p, false, walk.now());
            }
            walk.effect(new FlowEffect.TrackedConnection(fabric.tracker(), eni.id(), p, false));
        }
        if (eni.privateIps().contains(p.destination())) {
            walk.hop(eni.id(), "network-interface", "receive", p.describe());
            return new Step.Delivered(a.site(), eni, p);
        }
        if (eni.sourceDestCheck()) {
            return Step.drop(Codes.ENI_SOURCE_DEST_CHECK_RESTRICTION, "Network interface " + eni.id()
                    + " has source/destination check on and is not " + p.destination() + ".", eni.id());
        }
        return Step.drop(Codes.APPLIANCE_FORWARDING_NOT_SIMULATED, "Network interface " + eni.id()
                + " would forward the packet on; LocalVPC does not simulate the operating system of a routing appliance.",
                eni.id());
    }

    private static boolean hasGroups(NetworkInterface eni) {
        return !"nat_gateway".equals(eni.interfaceType());
    }

    private static Step groupDenied(SecurityGroupRules.Verdict verdict, NetworkInterface eni, String direction, String peer) {
        String message = verdict.code().equals("SG_HAS_NO_RULES")
                ? "None of the security groups of " + eni.id() + " " + eni.groupIds() + " has any " + direction + " rule."
                : "No " + direction + " rule of the security groups of " + eni.id() + " " + eni.groupIds()
                        + " allows this traffic " + peer + ".";
        return Step.drop(verdict.code(), message, verdict.groupId() != null ? verdict.groupId() : eni.id());
    }

    /** The subnet ACL in one direction; a hop when allowed, the drop when denied. */
    static Optional<Step> aclCheck(Topology topology, Subnet subnet, Packet p, boolean egress, Walk walk) {
        Optional<NetworkAcl> acl = topology.aclOf(subnet);
        if (acl.isEmpty()) {
            return Optional.empty();
        }
        NetworkAclRules.Verdict verdict = NetworkAclRules.evaluate(acl.get(), egress, p.protocol(), p.destinationPort(),
                p.icmpType(), egress ? p.destination() : p.source());
        String described = NetworkAclRules.describe(verdict, egress);
        if (!verdict.allowed()) {
            return Optional.of(Step.drop(Codes.SUBNET_ACL_RESTRICTION, "Network ACL " + acl.get().id() + " of "
                    + subnet.id() + " denies " + (egress ? "outbound" : "inbound") + " " + p.describe() + ": "
                    + described + ".", acl.get().id()));
        }
        walk.hop(acl.get().id(), "network-acl", egress ? "allow egress" : "allow ingress", subnet.id() + " " + described);
        return Optional.empty();
    }
}
