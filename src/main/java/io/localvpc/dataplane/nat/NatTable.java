package io.localvpc.dataplane.nat;

import io.localvpc.dataplane.Protocol;

/**
 * The translation table of one NAT gateway: source NAT of TCP, UDP and ICMP flows from instances
 * to the gateway's private address(es), the way AWS documents it.
 *
 * <ul>
 *   <li>A new flow (protocol, source IP/port, destination IP/port) gets a NAT address and a port
 *       from 1024–65535. For ICMP echo the identifier plays the source port and the destination
 *       port is 0; the reply's identifier plays the NAT port.
 *   <li>At most 55,000 simultaneous sessions per NAT address to one destination (IP, port,
 *       protocol). The primary address is tried first, then the secondaries; when all are full the
 *       flow fails with {@link NatResult#PORT_ALLOCATION_ERROR} and ErrorPortAllocation is counted.
 *       Other destinations are unaffected.
 *   <li>A flow keeps its translation while active (endpoint-dependent mapping). Replies are
 *       translated back; inbound packets with no translation are dropped and counted.
 *   <li>A session with no packet either way for 350 s expires (IdleTimeoutCount). A TCP packet
 *       from the instance on it afterwards gets {@link NatResult#EXPIRED}: the engine answers it
 *       with a RST, as AWS does. UDP and ICMP simply get a fresh translation.
 * </ul>
 *
 * <h2>How the packet engine calls it</h2>
 * For a packet an instance sends to the gateway: {@code r = outbound(protocol, srcIp, srcPort,
 * dstIp, dstPort, nowMillis)}; if {@link NatResult#isTranslation(long) r >= 0} forward it from
 * {@link NatResult#ip(long)}:{@link NatResult#port(long)}, otherwise stop the walk with the reason
 * ({@code PORT_ALLOCATION_ERROR}: drop; {@code EXPIRED}: RST to the instance). For a reply
 * arriving at the gateway's address: {@code r = inbound(protocol, remoteIp, remotePort, natIp,
 * natPort, nowMillis)}; on a translation deliver it to the instance address and port packed in
 * {@code r}, otherwise drop it. On a TCP FIN or RST call {@link #close}. Time comes from the
 * simulation clock ({@code SimClock}), in milliseconds; the table never reads the system time.
 * Expiry happens on every call (the idle wheel walks only the milliseconds elapsed since the last
 * call, at most one timeout's worth), and {@link #expire(long)} lets a timer drive it when no
 * packets flow.
 *
 * <p>Addresses are {@code int}s as in {@code Ipv4.bits()}. Lookups and translations on
 * established sessions allocate nothing. Not thread-safe: the engine serialises packets of one
 * gateway (one gateway's table, one lock or one thread).
 */
public final class NatTable {
    private static final int TCP = Protocol.TCP.ordinal();
    private static final int ICMP = Protocol.ICMP.ordinal();

    private final NatConfig config;
    private final NatAddresses addresses;
    private final NatSessions sessions;
    private final OutboundIndex outbound;
    private final InboundIndex inbound;
    private final DestinationCounts destinations = new DestinationCounts();
    private final IdleWheel idleWheel;
    private final IdleWheel.Expiry idleOut = this::idleOut;

    /** The latest time seen: time passed in never goes back, which the idle wheel relies on. */
    private long nowMillis = Long.MIN_VALUE;

    private long active;
    private long opened;
    private long closed;
    private long portAllocationErrors;
    private long unsolicitedInboundDrops;
    private long idleTimeouts;
    private long expiredTcpResets;

    public NatTable(int primaryAddress, NatConfig config) {
        this.config = config;
        this.addresses = new NatAddresses(primaryAddress);
        this.sessions = new NatSessions(config.initialSessions());
        this.outbound = new OutboundIndex(sessions, config.initialSessions());
        this.inbound = new InboundIndex(sessions, config.initialSessions());
        this.idleWheel = new IdleWheel(sessions, config.idleTimeoutMillis());
    }

    /** A table with AWS's limits and timeout and the given primary and secondary addresses. */
    public static NatTable aws(int primaryAddress, int... secondaryAddresses) {
        NatTable table = new NatTable(primaryAddress, NatConfig.aws());
        for (int secondary : secondaryAddresses) {
            table.addAddress(secondary);
        }
        return table;
    }

    /** Adds a secondary address, which adds 55,000 sessions per destination; false if already in use. */
    public boolean addAddress(int ip) {
        return addresses.add(ip);
    }

    /** Stops new sessions on an address; its existing sessions keep translating until they end. */
    public boolean removeAddress(int ip) {
        return addresses.remove(ip);
    }

    /** The addresses that take new sessions, primary first. */
    public int[] addresses() {
        return addresses.allocatingAddresses();
    }

    /**
     * Translates a packet from an instance. Returns the NAT address and port packed (see
     * {@link NatResult}), or {@link NatResult#PORT_ALLOCATION_ERROR}, or for TCP
     * {@link NatResult#EXPIRED} when the flow's translation idled out (answer with a RST).
     */
    public long outbound(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort, long nowMillis) {
        checkPort(srcPort);
        checkPort(dstPort);
        long now = advanceTo(nowMillis);
        int proto = protocol.ordinal();
        int ports = srcPort << 16 | (proto == ICMP ? 0 : dstPort);
        int s = outbound.find(proto, srcIp, ports, dstIp);
        if (s != NatSessions.NONE) {
            if (sessions.state(s) == NatSessions.ACTIVE) {
                sessions.lastSeen[s] = now;
                return NatResult.pack(addresses.ip(sessions.slot(s)), sessions.natPort(s));
            }
            forget(s);
            if (proto == TCP) {
                expiredTcpResets++;
                return NatResult.EXPIRED;
            }
        }
        return open(proto, srcIp, ports, dstIp, now);
    }

    /**
     * Translates a packet arriving at a NAT address back to the instance. Returns the instance's
     * address and port packed, or {@link NatResult#NO_SESSION} / {@link NatResult#EXPIRED} (both
     * dropped and counted as unsolicited).
     */
    public long inbound(Protocol protocol, int remoteIp, int remotePort, int natIp, int natPort, long nowMillis) {
        checkPort(remotePort);
        checkPort(natPort);
        long now = advanceTo(nowMillis);
        int slot = addresses.slotOf(natIp);
        int proto = protocol.ordinal();
        int s = slot < 0 ? NatSessions.NONE : inbound.find(proto, slot, remoteIp, proto == ICMP ? 0 : remotePort, natPort);
        if (s == NatSessions.NONE) {
            unsolicitedInboundDrops++;
            return NatResult.NO_SESSION;
        }
        if (sessions.state(s) != NatSessions.ACTIVE) {
            unsolicitedInboundDrops++;
            return NatResult.EXPIRED;
        }
        sessions.lastSeen[s] = now;
        return NatResult.pack(sessions.srcIp[s], sessions.srcPort(s));
    }

    /**
     * Ends a flow at once, as a TCP FIN or RST from either side does (not an idle timeout).
     * Returns whether there was a session (an expired one is forgotten too).
     */
    public boolean close(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort, long nowMillis) {
        checkPort(srcPort);
        checkPort(dstPort);
        advanceTo(nowMillis);
        int proto = protocol.ordinal();
        int s = outbound.find(proto, srcIp, srcPort << 16 | (proto == ICMP ? 0 : dstPort), dstIp);
        if (s == NatSessions.NONE) {
            return false;
        }
        if (sessions.state(s) == NatSessions.ACTIVE) {
            closed++;
        }
        forget(s);
        return true;
    }

    /** Expires every session idle for the timeout by {@code nowMillis}; returns how many expired now. */
    public long expire(long nowMillis) {
        long before = idleTimeouts;
        advanceTo(nowMillis);
        return idleTimeouts - before;
    }

    public long activeSessions() {
        return active;
    }

    /** Active sessions on one NAT address to one destination, for tests and the trace. */
    public int activeSessionsTo(int natIp, Protocol protocol, int dstIp, int dstPort) {
        int slot = addresses.slotOf(natIp);
        int proto = protocol.ordinal();
        return slot < 0 ? 0 : destinations.count(DestinationCounts.key(slot, proto, dstIp, proto == ICMP ? 0 : dstPort));
    }

    public NatCounters counters() {
        return new NatCounters(active, opened, closed, portAllocationErrors, unsolicitedInboundDrops, idleTimeouts, expiredTcpResets);
    }

    public NatConfig config() {
        return config;
    }

    /**
     * Heap held by the table's arrays (object headers aside): about 32 bytes a session slot, 4
     * bytes a slot of each of the two indexes, 16 a destination, and the idle wheel's 4 bytes a
     * millisecond of timeout. For the metrics layer and footprint checks.
     */
    public long approximateHeapBytes() {
        return sessions.arrayBytes() + outbound.arrayBytes() + inbound.arrayBytes() + destinations.arrayBytes()
                + idleWheel.arrayBytes();
    }

    /** Session slots currently reserved (grows by doubling), for footprint checks. */
    int sessionCapacity() {
        return sessions.capacity();
    }

    private long open(int proto, int srcIp, int ports, int dstIp, long now) {
        int dstPort = ports & 0xFFFF;
        int limit = config.maxConnectionsPerDestination();
        for (int slot = 0; slot < addresses.slotsInUse(); slot++) {
            if (!addresses.allocating(slot)) {
                continue;
            }
            long destination = DestinationCounts.key(slot, proto, dstIp, dstPort);
            if (destinations.count(destination) >= limit) {
                continue;
            }
            int natPort = freePort(proto, slot, dstIp, dstPort, destination);
            int s = sessions.allocate();
            sessions.srcIp[s] = srcIp;
            sessions.dstIp[s] = dstIp;
            sessions.ports[s] = ports;
            sessions.nat[s] = NatSessions.packNat(natPort, NatSessions.ACTIVE, slot, proto);
            sessions.lastSeen[s] = now;
            idleWheel.file(s, now);
            outbound.insert(s);
            inbound.insert(s);
            destinations.increment(destination, natPort == config.lastPort() ? config.firstPort() : natPort + 1);
            addresses.sessionOpened(slot);
            active++;
            opened++;
            return NatResult.pack(addresses.ip(slot), natPort);
        }
        portAllocationErrors++;
        return NatResult.PORT_ALLOCATION_ERROR;
    }

    /**
     * A port no live session to this destination uses on this address, searching from where the
     * last allocation stopped. One exists because the count is under the limit, which fits in the
     * range; a port still held by a remembered expired session is taken over (ending that memory).
     */
    private int freePort(int proto, int slot, int dstIp, int dstPort, long destination) {
        int first = config.firstPort();
        int range = config.portRangeSize();
        int start = destinations.cursor(destination);
        if (start < 0) {
            // A destination seen for the first time starts at a spread-out port, not always 1024.
            start = first + Math.floorMod(SessionIndex.mix(destination, 0xC0FFEE), range);
        }
        int port = start;
        for (int tried = 0; tried < range; tried++) {
            int holder = inbound.find(proto, slot, dstIp, dstPort, port);
            if (holder == NatSessions.NONE) {
                return port;
            }
            if (sessions.state(holder) == NatSessions.EXPIRED) {
                forget(holder);
                return port;
            }
            port = port == config.lastPort() ? first : port + 1;
        }
        throw new IllegalStateException("no free port although under the per-destination limit");
    }

    /** Moves time forward (never back) and expires what is due; returns the time to use. */
    private long advanceTo(long requestedMillis) {
        if (requestedMillis > nowMillis) {
            nowMillis = requestedMillis;
        }
        long now = nowMillis;
        idleWheel.sweep(now, idleOut);
        long remembered = config.idleTimeoutMillis() + config.expiredMemoryMillis();
        int s;
        while ((s = sessions.oldestExpired()) != NatSessions.NONE && now - sessions.lastSeen[s] >= remembered) {
            forget(s);
        }
        return now;
    }

    /**
     * Active → expired (the wheel has already let go of it): it no longer counts against the
     * limit, but is remembered for the RST. Expiring in deadline order keeps the expired list
     * sorted by last use.
     */
    private void idleOut(int s) {
        sessions.setState(s, NatSessions.EXPIRED);
        sessions.appendExpired(s);
        destinations.decrement(destinationOf(s));
        active--;
        idleTimeouts++;
    }

    /** Removes a session of any state from every structure and frees its id. */
    private void forget(int s) {
        if (sessions.state(s) == NatSessions.ACTIVE) {
            idleWheel.unfile(s);
            destinations.decrement(destinationOf(s));
            active--;
        } else {
            sessions.removeExpired(s);
        }
        outbound.remove(s);
        inbound.remove(s);
        addresses.sessionGone(sessions.slot(s));
        sessions.release(s);
    }

    private long destinationOf(int s) {
        return DestinationCounts.key(sessions.slot(s), sessions.protocol(s), sessions.dstIp[s], sessions.dstPort(s));
    }

    private static void checkPort(int port) {
        if ((port & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }
}
