package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Security group connection tracking: a flow an interface's groups allowed (either way) is
 * remembered, so its replies pass without a rule, until it has been idle for the protocol's
 * timeout (AWS defaults: TCP established 5 days, UDP 180 s; ICMP 30 s assumed).
 */
public final class ConnectionTracker {
    static final Map<Protocol, Duration> IDLE_TIMEOUTS = Map.of(
            Protocol.TCP, Duration.ofSeconds(432_000),
            Protocol.UDP, Duration.ofSeconds(180),
            Protocol.ICMP, Duration.ofSeconds(30));

    private record Key(String scope, Protocol protocol, Ipv4 local, int localPort, Ipv4 remote, int remotePort) {}

    private final Map<Key, Instant> lastSeen = new ConcurrentHashMap<>();

    /** Remembers the flow of a packet the interface sent ({@code outgoing}) or received. */
    public void track(String scope, Packet packet, boolean outgoing, Instant now) {
        lastSeen.put(key(scope, packet, outgoing), now);
    }

    /** Whether {@code packet} belongs to a live tracked flow of the interface, the other way round. */
    public boolean isTracked(String scope, Packet packet, boolean outgoing, Instant now) {
        Key key = key(scope, packet, outgoing);
        Instant seen = lastSeen.get(key);
        if (seen == null) {
            return false;
        }
        if (!now.isBefore(seen.plus(IDLE_TIMEOUTS.get(packet.protocol())))) {
            lastSeen.remove(key, seen);
            return false;
        }
        lastSeen.put(key, now);
        return true;
    }

    private static Key key(String scope, Packet p, boolean outgoing) {
        return outgoing
                ? new Key(scope, p.protocol(), p.source(), p.sourcePort(), p.destination(), p.destinationPort())
                : new Key(scope, p.protocol(), p.destination(), p.destinationPort(), p.source(), p.sourcePort());
    }
}
