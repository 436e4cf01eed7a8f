package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;

/**
 * What an instance's packet says about itself beyond its source address: protocol, source port
 * (the echo identifier for ICMP), destination and port (ignored for ICMP) and the TTL it leaves
 * with. Packets of one flow take one path, which is what {@link PacketEngine#forward} caches.
 */
public record Flow(Protocol protocol, int sourcePort, Ipv4 destination, int destinationPort, int ttl) {

    public static Flow ping(int echoId, Ipv4 destination) {
        return new Flow(Protocol.ICMP, echoId, destination, 0, Probe.DEFAULT_TTL);
    }

    public static Flow tcp(int sourcePort, Ipv4 destination, int destinationPort) {
        return new Flow(Protocol.TCP, sourcePort, destination, destinationPort, Probe.DEFAULT_TTL);
    }

    Packet packetFrom(Ipv4 source) {
        return new Packet(protocol, source, sourcePort, destination, protocol == Protocol.ICMP ? 0 : destinationPort, ttl,
                false);
    }
}
