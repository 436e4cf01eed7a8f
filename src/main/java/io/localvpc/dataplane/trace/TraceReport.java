package io.localvpc.dataplane.trace;

import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Trace;
import java.util.List;

/** The answer to a {@link TraceRequest}: the endpoints as resolved, the probe's outcome, and its trace. */
public record TraceReport(
        String source,
        String sourceAddress,
        String destination,
        String destinationAddress,
        String protocol,
        Integer port,
        boolean reachable,
        String outcome,
        String observedSource,
        Double roundTripMillis,
        Trace.Explanation explanation,
        List<Trace.Hop> hops) {

    static TraceReport of(TraceRequest request, String sourceAddress, String destinationAddress, String protocol,
            Integer port, ProbeResult result) {
        Trace trace = result.trace();
        return new TraceReport(request.source(), sourceAddress, request.destination(), destinationAddress, protocol, port,
                trace.reachable(), result.outcome().name(),
                result.observedSource() == null ? null : result.observedSource().toString(),
                result.roundTrip() == null ? null : result.roundTrip().toNanos() / 1_000_000.0,
                trace.explanation(), trace.hops());
    }
}
