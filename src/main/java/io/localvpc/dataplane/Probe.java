package io.localvpc.dataplane;

import io.localvpc.model.Ipv4;

/**
 * One packet an instance sends and expects an answer to: an ICMP echo request (ping), a TCP SYN
 * (curl, nc) or a UDP datagram (dig, traceroute), with the TTL it leaves with.
 *
 * @param port destination port for TCP and UDP; ignored for ICMP
 * @param ttl time to live; a small TTL makes the hop where it runs out answer (traceroute)
 */
public record Probe(Protocol protocol, Ipv4 destination, int port, int ttl) {
    public static final int DEFAULT_TTL = 64;

    public static Probe ping(Ipv4 destination) {
        return new Probe(Protocol.ICMP, destination, 0, DEFAULT_TTL);
    }

    public static Probe tcp(Ipv4 destination, int port) {
        return new Probe(Protocol.TCP, destination, port, DEFAULT_TTL);
    }

    public static Probe udp(Ipv4 destination, int port) {
        return new Probe(Protocol.UDP, destination, port, DEFAULT_TTL);
    }

    public Probe withTtl(int newTtl) {
        return new Probe(protocol, destination, port, newTtl);
    }
}
