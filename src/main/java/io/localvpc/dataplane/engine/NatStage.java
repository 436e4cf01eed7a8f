package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Trace;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.Subnet;
import java.util.Optional;

/**
 * A NAT gateway: the NAT subnet's ACL, source NAT to the gateway's private IP with an ephemeral
 * port on the way out (the internet gateway then swaps that IP for the Elastic IP), and the way
 * back for replies of live sessions only; unsolicited inbound is dropped and counted.
 */
final class NatStage {
    static final double PROCESSING_MILLIS = 0.1;
    static final double CROSS_AZ_MILLIS = 0.4;

    private final Fabric fabric;

    NatStage(Fabric fabric) {
        this.fabric = fabric;
    }

    Step enter(Step.EnterNat e, Walk walk) {
        NatGateway nat = e.nat();
        Packet p = e.packet();
        Topology topology = e.site().topology();
        NatGateways.Counters counters = fabric.nats().counters(e.site(), nat.id());
        Optional<NatGateway.NatAddress> primary = nat.addresses().stream()
                .filter(a -> a.isPrimary() && a.privateIp() != null).findFirst();
        if (!"available".equals(nat.state()) || primary.isEmpty()) {
            counters.packetsDropped.incrementAndGet();
            return Step.drop(Codes.BAD_STATE, "NAT gateway " + nat.id() + " is " + nat.state() + ", not available.",
                    nat.id());
        }
        Subnet natSubnet = topology.subnet(nat.subnetId()).orElseThrow();
        if (!natSubnet.id().equals(e.fromSubnet().id())) {
            Optional<Step> denied = InterfaceStage.aclCheck(topology, natSubnet, p, false, walk);
            if (denied.isPresent()) {
                counters.packetsDropped.incrementAndGet();
                return denied.get();
            }
        }
        Ipv4 natIp = primary.get().privateIp();
        if (p.ttl() <= 1) {
            return new Step.TtlExceeded(natIp, p);
        }
        Packet hopped = p.decrementTtl();
        if (!natSubnet.availabilityZone().equals(e.fromZone())) {
            counters.crossAzPackets.incrementAndGet();
            walk.addLatency(CROSS_AZ_MILLIS);
            walk.hop(nat.id(), "nat-gateway", "cross-az", "AVAILABILITY_ZONE_CROSSED: " + e.fromZone() + " → "
                    + natSubnet.availabilityZone() + " (charged as cross-AZ data transfer)");
        }
        Translator translator = fabric.nats().translator(e.site(), nat.id(), addresses(nat));
        counters.connectionAttempts.incrementAndGet();
        long translation = translator.outbound(p.protocol().number(), p.source().bits(), p.sourcePort(),
                p.destination().bits(), p.destinationPort(), walk.nowMillis());
        Trace.Explanation idledOut = new Trace.Explanation(Codes.NGW_IDLE_TIMEOUT_RESET, "NAT gateway " + nat.id()
                + " answered " + p.describe() + " with a TCP RST: the connection's translation idled out after "
                + Translator.IDLE_TIMEOUT_MILLIS / 1000 + " s (IdleTimeoutCount).", nat.id());
        if (translation == Translator.EXPIRED) {
            counters.packetsDropped.incrementAndGet();
            return new Step.Reset(natIp, idledOut);
        }
        if (translation == Translator.NO_PORT) {
            counters.portAllocationErrors.incrementAndGet();
            counters.packetsDropped.incrementAndGet();
            return Step.drop(Codes.NGW_PORT_ALLOCATION_ERROR, "NAT gateway " + nat.id() + " has no free port to "
                    + p.destinationText() + " (" + Translator.MAX_PER_DESTINATION
                    + " simultaneous connections per destination); ErrorPortAllocation counted.", nat.id());
        }
        walk.effect(new FlowEffect.NatSession(translator, counters, p, translation,
                !natSubnet.availabilityZone().equals(e.fromZone()), idledOut));
        Ipv4 sourceIp = new Ipv4(Translator.address(translation));
        int port = Translator.port(translation);
        Packet translated = hopped.withSource(sourceIp, port);
        walk.translation(nat.id(), "nat-gateway", "translate source",
                "NGW_SOURCE_ADDRESS_REASSIGN, REMAP_EPHEMERAL_PORT, NGW_DEST_ADDRESS_PRESERVATION",
                p.sourceText() + " → " + sourceIp + ":" + port);
        walk.addLatency(PROCESSING_MILLIS);
        counters.packetsOutToDestination.incrementAndGet();
        if (!natSubnet.cidrBlock().contains(translated.destination())) {
            Optional<Step> denied = InterfaceStage.aclCheck(topology, natSubnet, translated, true, walk);
            if (denied.isPresent()) {
                return denied.get();
            }
        }
        return new Step.Route(e.site(), natSubnet, translated);
    }

    Step back(Step.ReturnThroughNat r, Walk walk) {
        // The inbound session lookup and its counters are not replayed by the flow cache.
        walk.notRepeatable();
        NatGateway nat = r.nat();
        Packet p = r.packet();
        Topology topology = r.site().topology();
        NatGateways.Counters counters = fabric.nats().counters(r.site(), nat.id());
        Subnet natSubnet = topology.subnet(nat.subnetId()).orElseThrow();
        Optional<Step> denied = InterfaceStage.aclCheck(topology, natSubnet, p, false, walk);
        if (denied.isPresent()) {
            counters.packetsDropped.incrementAndGet();
            return denied.get();
        }
        Translator translator = fabric.nats().translator(r.site(), nat.id(), addresses(nat));
        long original = translator.inbound(p.protocol().number(), p.source().bits(), p.sourcePort(),
                p.destination().bits(), p.destinationPort(),
                walk.nowMillis());
        if (original == Translator.NO_SESSION) {
            counters.unsolicitedDropped.incrementAndGet();
            counters.packetsDropped.incrementAndGet();
            return Step.drop(Codes.NGW_REQUIRES_SOURCE_IN_VPC, "NAT gateway " + nat.id() + " has no session for "
                    + p.describe() + ": connections must start inside the VPC (or the session expired after "
                    + Translator.IDLE_TIMEOUT_MILLIS / 1000 + " s idle); dropped and counted.", nat.id());
        }
        Ipv4 originalIp = new Ipv4((int) (original >>> 32));
        int originalPort = (int) (original & 0xFFFF_FFFFL);
        Packet back = p.decrementTtl().withDestination(originalIp, originalPort);
        walk.translation(nat.id(), "nat-gateway", "translate destination", "reply of a NAT session",
                p.destinationText() + " → " + back.destinationText());
        walk.addLatency(PROCESSING_MILLIS);
        counters.packetsInFromDestination.incrementAndGet();
        if (!natSubnet.cidrBlock().contains(back.destination())) {
            Optional<Step> outDenied = InterfaceStage.aclCheck(topology, natSubnet, back, true, walk);
            if (outDenied.isPresent()) {
                return outDenied.get();
            }
        }
        return new Step.Route(r.site(), natSubnet, back);
    }

    /** The gateway's private addresses, primary first: each adds 55,000 connections per destination. */
    static int[] addresses(NatGateway nat) {
        return nat.addresses().stream()
                .filter(a -> a.privateIp() != null)
                .sorted(java.util.Comparator.comparing(a -> !a.isPrimary()))
                .mapToInt(a -> a.privateIp().bits())
                .toArray();
    }
}
