package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The record of one packet walk: the hops crossed, the time spent on the way, and the moment it happened. */
public final class Walk {
    private final Instant now;
    private final String region;
    private final List<Trace.Hop> hops = new ArrayList<>();
    private double latencyMillis;
    private final List<FlowEffect> effects = new ArrayList<>();
    private boolean repeatable = true;

    /** A walk at {@code now} whose internet distances are measured from {@code region}. */
    public Walk(Instant now, String region) {
        this.now = now;
        this.region = region;
    }

    public String region() {
        return region;
    }

    public Instant now() {
        return now;
    }

    public long nowMillis() {
        return now.toEpochMilli();
    }

    public void hop(String component, String kind, String action, String detail) {
        hops.add(new Trace.Hop(component, kind, action, detail, null));
    }

    public void translation(String component, String kind, String action, String detail, String translation) {
        hops.add(new Trace.Hop(component, kind, action, detail, translation));
    }

    public void addLatency(double millis) {
        latencyMillis += millis;
    }

    public double latencyMillis() {
        return latencyMillis;
    }

    public List<Trace.Hop> hops() {
        return hops;
    }

    /** Something this packet changed that a later packet of its flow must change again (see {@link FlowEffect}). */
    void effect(FlowEffect effect) {
        effects.add(effect);
    }

    /** Marks a walk whose side effects cannot be replayed from the flow cache, so its path is not cached. */
    void notRepeatable() {
        repeatable = false;
    }

    boolean repeatable() {
        return repeatable;
    }

    List<FlowEffect> effects() {
        return effects;
    }
}
