package io.localvpc.dataplane.nat;

import java.time.Duration;

/**
 * The knobs of one NAT gateway's translation table. {@link #aws()} holds AWS's documented values;
 * tests shrink the port range and the per-destination limit to reach exhaustion quickly.
 *
 * @param idleTimeoutMillis a session with no packet in either direction for this long is gone
 *     (AWS: 350 s; a TCP packet on it afterwards gets a RST); at most one hour
 * @param maxConnectionsPerDestination simultaneous sessions per NAT address to one destination
 *     (IP, port, protocol) (AWS: 55,000)
 * @param firstPort lowest translated port or ICMP identifier (AWS: 1024)
 * @param lastPort highest translated port or ICMP identifier (AWS: 65535)
 * @param expiredMemoryMillis how long an idle-expired session is still recognised, so that a late
 *     TCP packet is answered with a RST instead of being treated as never seen; its port may be
 *     reused earlier, which ends the memory at once. AWS does not document this; it is an
 *     emulator choice.
 * @param initialSessions session slots reserved up front; the table doubles past it
 */
public record NatConfig(
        long idleTimeoutMillis,
        int maxConnectionsPerDestination,
        int firstPort,
        int lastPort,
        long expiredMemoryMillis,
        int initialSessions) {

    public static final long AWS_IDLE_TIMEOUT_MILLIS = Duration.ofSeconds(350).toMillis();
    public static final int AWS_MAX_CONNECTIONS_PER_DESTINATION = 55_000;
    /** 1 primary + 7 secondary addresses per zonal NAT gateway; also what a session's 4-bit slot field holds. */
    public static final int MAX_ADDRESSES = 8;
    public static final long MAX_IDLE_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();

    public NatConfig {
        if (idleTimeoutMillis <= 0 || expiredMemoryMillis < 0) {
            throw new IllegalArgumentException("timeouts must be positive: " + idleTimeoutMillis + ", " + expiredMemoryMillis);
        }
        // The idle wheel has a 4-byte bucket per millisecond of timeout (1.4 MB at 350 s).
        if (idleTimeoutMillis > MAX_IDLE_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("idle timeout above one hour: " + idleTimeoutMillis);
        }
        if (firstPort < 0 || lastPort > 0xFFFF || firstPort > lastPort) {
            throw new IllegalArgumentException("bad port range " + firstPort + "-" + lastPort);
        }
        // The port search relies on a free port existing whenever the count is under the limit.
        if (maxConnectionsPerDestination < 1 || maxConnectionsPerDestination > lastPort - firstPort + 1) {
            throw new IllegalArgumentException("per-destination limit must fit in the port range: " + maxConnectionsPerDestination);
        }
        if (initialSessions < 1) {
            throw new IllegalArgumentException("initialSessions must be positive: " + initialSessions);
        }
    }

    /** AWS's values: 350 s idle timeout, 55,000 per destination, ports 1024–65535. */
    public static NatConfig aws() {
        return new NatConfig(AWS_IDLE_TIMEOUT_MILLIS, AWS_MAX_CONNECTIONS_PER_DESTINATION, 1024, 0xFFFF,
                AWS_IDLE_TIMEOUT_MILLIS, 1024);
    }

    public NatConfig withPorts(int first, int last, int maxPerDestination) {
        return new NatConfig(idleTimeoutMillis, maxPerDestination, first, last, expiredMemoryMillis, initialSessions);
    }

    public NatConfig withInitialSessions(int sessions) {
        return new NatConfig(idleTimeoutMillis, maxConnectionsPerDestination, firstPort, lastPort, expiredMemoryMillis, sessions);
    }

    int portRangeSize() {
        return lastPort - firstPort + 1;
    }
}
