package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Trace;
import java.time.Instant;

/**
 * Something a packet changes on its way besides its own headers (a tracked connection, a NAT
 * session and its counters), which every later packet of the same flow must change again even when
 * its path comes from the flow cache. {@link #repeat} says whether that worked, or that the flow's
 * live state no longer matches what was cached (the packet must take the full walk instead), or
 * that the packet ends here with a reset.
 */
interface FlowEffect {
    /** How replaying an effect went. */
    enum Replay { REPEATED, WALK_AGAIN, RESET }

    Replay repeat(Instant now);

    /** Why the packet was reset, when {@link #repeat} answered {@link Replay#RESET}. */
    default Trace.Explanation resetReason() {
        throw new IllegalStateException(getClass().getSimpleName() + " never resets a packet");
    }

    /** The security group connection tracking refresh of an interface the packet left or entered. */
    record TrackedConnection(ConnectionTracker tracker, String eniId, Packet packet, boolean outgoing)
            implements FlowEffect {
        @Override
        public Replay repeat(Instant now) {
            return tracker.isTracked(eniId, packet, outgoing, now) ? Replay.REPEATED : Replay.WALK_AGAIN;
        }
    }

    /** The NAT gateway's source translation: the session refreshed on the same port, and the counters. */
    record NatSession(
            Translator translator, NatGateways.Counters counters, Packet original, long translation, boolean crossAz,
            Trace.Explanation resetReason)
            implements FlowEffect {
        @Override
        public Replay repeat(Instant now) {
            long again = translator.outbound(original.protocol().number(), original.source().bits(), original.sourcePort(),
                    original.destination().bits(), original.destinationPort(), now.toEpochMilli());
            if (again == Translator.EXPIRED) {
                counters.packetsDropped.incrementAndGet();
                return Replay.RESET;
            }
            if (again != translation) {
                return Replay.WALK_AGAIN;
            }
            counters.connectionAttempts.incrementAndGet();
            counters.packetsOutToDestination.incrementAndGet();
            if (crossAz) {
                counters.crossAzPackets.incrementAndGet();
            }
            return Replay.REPEATED;
        }
    }
}
