package io.localvpc.dataplane.engine;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A plain {@link Translator}: hash maps behind one lock. Ports are allocated per destination
 * (protocol, IP, port) from a rotating cursor over 1024–65535, so a destination's sessions stay
 * apart while the same port can serve different destinations.
 */
public final class HashMapTranslator implements Translator {
    private record Flow(int protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort) {}

    private record Destination(int protocol, int ip, int port) {}

    private record Reverse(int protocol, int remoteIp, int remotePort, int translatedPort) {}

    private static final class Session {
        final Flow flow;
        final int translatedPort;
        long lastSeen;

        Session(Flow flow, int translatedPort, long lastSeen) {
            this.flow = flow;
            this.translatedPort = translatedPort;
            this.lastSeen = lastSeen;
        }
    }

    private static final class Ports {
        final BitSet used = new BitSet(LAST_PORT + 1);
        int count;
        int cursor = FIRST_PORT;
    }

    private final Map<Flow, Session> byFlow = new HashMap<>();
    private final Map<Reverse, Session> byReverse = new HashMap<>();
    private final Map<Destination, Ports> ports = new HashMap<>();
    private long idleTimeouts;

    @Override
    public synchronized int outbound(int protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort,
            long nowMillis) {
        Flow flow = new Flow(protocol, sourceIp, sourcePort, destinationIp, destinationPort);
        Session session = byFlow.get(flow);
        if (session != null && !expired(session, nowMillis)) {
            session.lastSeen = nowMillis;
            return session.translatedPort;
        }
        if (session != null) {
            remove(session);
            idleTimeouts++;
        }
        Destination destination = new Destination(protocol, destinationIp, destinationPort);
        Ports taken = ports.computeIfAbsent(destination, d -> new Ports());
        if (taken.count >= MAX_PER_DESTINATION) {
            expireAll(nowMillis);
            if (taken.count >= MAX_PER_DESTINATION) {
                return NO_PORT;
            }
        }
        int port = taken.used.nextClearBit(taken.cursor);
        if (port > LAST_PORT) {
            port = taken.used.nextClearBit(FIRST_PORT);
        }
        taken.used.set(port);
        taken.count++;
        taken.cursor = port == LAST_PORT ? FIRST_PORT : port + 1;
        Session fresh = new Session(flow, port, nowMillis);
        byFlow.put(flow, fresh);
        byReverse.put(new Reverse(protocol, destinationIp, destinationPort, port), fresh);
        return port;
    }

    @Override
    public synchronized long inbound(int protocol, int remoteIp, int remotePort, int translatedPort, long nowMillis) {
        Session session = byReverse.get(new Reverse(protocol, remoteIp, remotePort, translatedPort));
        if (session == null) {
            return NO_SESSION;
        }
        if (expired(session, nowMillis)) {
            remove(session);
            idleTimeouts++;
            return NO_SESSION;
        }
        session.lastSeen = nowMillis;
        return (Integer.toUnsignedLong(session.flow.sourceIp) << 32) | session.flow.sourcePort;
    }

    @Override
    public synchronized int activeSessions(long nowMillis) {
        expireAll(nowMillis);
        return byFlow.size();
    }

    @Override
    public synchronized long idleTimeouts() {
        return idleTimeouts;
    }

    private static boolean expired(Session session, long nowMillis) {
        return nowMillis - session.lastSeen >= IDLE_TIMEOUT_MILLIS;
    }

    private void expireAll(long nowMillis) {
        for (Iterator<Session> it = byFlow.values().iterator(); it.hasNext(); ) {
            Session session = it.next();
            if (expired(session, nowMillis)) {
                it.remove();
                release(session);
                idleTimeouts++;
            }
        }
    }

    private void remove(Session session) {
        byFlow.remove(session.flow);
        release(session);
    }

    private void release(Session session) {
        Flow f = session.flow;
        byReverse.remove(new Reverse(f.protocol, f.destinationIp, f.destinationPort, session.translatedPort));
        Ports taken = ports.get(new Destination(f.protocol, f.destinationIp, f.destinationPort));
        if (taken != null && taken.used.get(session.translatedPort)) {
            taken.used.clear(session.translatedPort);
            taken.count--;
        }
    }
}
