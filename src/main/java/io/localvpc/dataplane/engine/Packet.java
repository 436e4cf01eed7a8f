package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;

/**
 * One IPv4 packet as the engine moves it. For ICMP the echo identifier travels in
 * {@code sourcePort} of a request (and {@code destinationPort} of its reply), which is what NAT
 * gateways remap; {@code reply} tells an echo request (type 8) from an echo reply (type 0).
 */
public record Packet(
        Protocol protocol, Ipv4 source, int sourcePort, Ipv4 destination, int destinationPort, int ttl, boolean reply) {

    public static final int ECHO_REQUEST = 8;
    public static final int ECHO_REPLY = 0;

    public Packet withSource(Ipv4 address, int port) {
        return new Packet(protocol, address, port, destination, destinationPort, ttl, reply);
    }

    public Packet withDestination(Ipv4 address, int port) {
        return new Packet(protocol, source, sourcePort, address, port, ttl, reply);
    }

    public Packet decrementTtl() {
        return new Packet(protocol, source, sourcePort, destination, destinationPort, ttl - 1, reply);
    }

    /** The answer to this packet, leaving the answering side with {@code initialTtl}. */
    public Packet answer(int initialTtl) {
        return new Packet(protocol, destination, destinationPort, source, sourcePort, initialTtl, true);
    }

    /** ICMP type for ICMP packets; -1 otherwise. */
    public int icmpType() {
        return protocol == Protocol.ICMP ? (reply ? ECHO_REPLY : ECHO_REQUEST) : -1;
    }

    /** The port a rule about this packet's destination is matched against (ICMP: the type). */
    public int destinationRulePort() {
        return protocol == Protocol.ICMP ? icmpType() : destinationPort;
    }

    public String sourceText() {
        return protocol == Protocol.ICMP ? source.toString() + (reply ? "" : " id " + sourcePort) : source + ":" + sourcePort;
    }

    public String destinationText() {
        return protocol == Protocol.ICMP ? destination.toString() : destination + ":" + destinationPort;
    }

    /** {@code 10.0.20.5:40123 → 8.8.8.8:443 tcp}, for trace hops. */
    public String describe() {
        String what = protocol == Protocol.ICMP ? (reply ? "icmp echo-reply" : "icmp echo-request") : protocol.lowerName();
        return sourceText() + " → " + destinationText() + " " + what + " ttl " + ttl;
    }
}
