package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Trace;

/**
 * Where one forwarded packet ended up, without the hops of a trace: delivered to an interface,
 * reached an internet host, answered by a link-local service, out of TTL, reset by a NAT gateway,
 * or dropped (and why).
 *
 * @param packet the packet as it arrived (translated on the way); null when dropped
 * @param why the reason for a drop or an expired TTL; null otherwise
 */
public record Forwarded(Outcome outcome, Packet packet, Trace.Explanation why) {

    public enum Outcome { DELIVERED, REACHED_HOST, LINK_LOCAL, TTL_EXCEEDED, RESET, DROPPED }

    public boolean arrived() {
        return outcome == Outcome.DELIVERED || outcome == Outcome.REACHED_HOST || outcome == Outcome.LINK_LOCAL;
    }
}
