package io.localvpc.dataplane.internet;

import io.localvpc.model.Ipv4;
import java.util.List;
import java.util.Set;

/**
 * A host on the simulated internet: its address and name, what it answers (ICMP echo, TCP and UDP
 * ports, and what its web server says), where it is (for round-trip times), the network its
 * upstream routers belong to (for traceroute), and the TTL its answers leave with.
 *
 * @param location a region name for a host in one place, or {@link #ANYCAST} for one served near
 *     every region
 */
public record InternetHost(
        String name,
        Ipv4 address,
        boolean answersPing,
        Set<Integer> tcpPorts,
        Set<Integer> udpPorts,
        Web web,
        String location,
        List<String> upstreamPrefixes,
        int initialTtl) {

    public static final String ANYCAST = "anycast";

    public InternetHost {
        tcpPorts = Set.copyOf(tcpPorts);
        udpPorts = Set.copyOf(udpPorts);
        upstreamPrefixes = List.copyOf(upstreamPrefixes);
    }

    /** What a host's web server answers. */
    public enum Web {
        NONE,
        /** Answers the source address it sees, as checkip.amazonaws.com and ifconfig.me do. */
        ECHO_SOURCE,
        /** Answers a static page. */
        STATIC_PAGE,
        /** A public DNS resolver's HTTPS front page. */
        DNS_FRONT_PAGE,
        /** An AWS API endpoint answering an unsigned request. */
        AWS_API
    }

    /** An address nobody on the simulated internet uses: packets reach it, nothing answers. */
    public static InternetHost silent(Ipv4 address) {
        return new InternetHost(null, address, false, Set.of(), Set.of(), Web.NONE, ANYCAST, List.of("4.69"), 64);
    }

    public boolean listens(io.localvpc.dataplane.Protocol protocol, int port) {
        return switch (protocol) {
            case ICMP -> answersPing;
            case TCP -> tcpPorts.contains(port);
            case UDP -> udpPorts.contains(port);
        };
    }

    /** Whether anything answers here at all (a silent address neither answers nor refuses). */
    public boolean exists() {
        return name != null;
    }

    public String label() {
        return name == null ? address.toString() : address + " (" + name + ")";
    }
}
