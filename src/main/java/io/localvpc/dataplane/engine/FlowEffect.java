package io.localvpc.dataplane.engine;

import java.time.Instant;

/**
 * Something a packet changes on its way besides its own headers (a tracked connection, a NAT
 * session and its counters), which every later packet of the same flow must change again even when
 * its path comes from the flow cache. {@link #repeat} answers false when the flow's live state no
 * longer matches what was cached (the connection or the session expired), so the packet must take
 * the full walk instead.
 */
interface FlowEffect {
    boolean repeat(Instant now);

    /** The security group connection tracking refresh of an interface the packet left or entered. */
    record TrackedConnection(ConnectionTracker tracker, String eniId, Packet packet, boolean outgoing)
            implements FlowEffect {
        @Override
        public boolean repeat(Instant now) {
            return tracker.isTracked(eniId, packet, outgoing, now);
        }
    }

    /** The NAT gateway's source translation: the session refreshed on the same port, and the counters. */
    record NatSession(Translator translator, NatGateways.Counters counters, Packet original, int port, boolean crossAz)
            implements FlowEffect {
        @Override
        public boolean repeat(Instant now) {
            int again = translator.outbound(original.protocol().number(), original.source().bits(), original.sourcePort(),
                    original.destination().bits(), original.destinationPort(), now.toEpochMilli());
            if (again != port) {
                return false;
            }
            counters.connectionAttempts.incrementAndGet();
            counters.packetsOutToDestination.incrementAndGet();
            if (crossAz) {
                counters.crossAzPackets.incrementAndGet();
            }
            return true;
        }
    }
}
