package io.localvpc.dataplane;

import io.localvpc.model.Ipv4;
import java.time.Duration;

/**
 * What came back from a {@link Probe}.
 *
 * @param outcome whether the destination answered, a hop on the way did (TTL exceeded), the
 *     destination refused (TCP RST / ICMP port unreachable), or nothing came back at all
 * @param answeredBy the address the answer came from: the destination, or the hop whose TTL ran out
 * @param observedSource the source address the destination saw (the NAT gateway's Elastic IP for a
 *     private instance), or null when the packet never arrived
 * @param roundTrip simulated round-trip time; null when nothing came back
 * @param replyTtl the TTL of the answer as it arrived (ping prints it)
 * @param trace the forward walk, hop by hop, and if it stopped, where and why
 */
public record ProbeResult(
        Outcome outcome, Ipv4 answeredBy, Ipv4 observedSource, Duration roundTrip, int replyTtl, Trace trace) {

    /** How a probe ended. */
    public enum Outcome {
        ANSWERED,
        TTL_EXCEEDED,
        REFUSED,
        NO_ANSWER
    }

    public boolean answered() {
        return outcome == Outcome.ANSWERED;
    }
}
