package io.localvpc.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the emulator. Every timer (state transitions, retention, later NAT idle
 * timeouts and metrics) reads it, so tests and the control API can move time forward instead of
 * sleeping. It is real time plus an offset that only ever grows, or a frozen instant plus that
 * offset.
 */
public final class SimClock {
    private final Clock base;
    private final AtomicLong offsetNanos = new AtomicLong();

    private SimClock(Clock base) {
        this.base = base;
    }

    /** Wall-clock time that can still be advanced. */
    public static SimClock system() {
        return new SimClock(Clock.systemUTC());
    }

    /** Time that stands still until {@link #advance(Duration)} is called: for deterministic tests. */
    public static SimClock frozenAt(Instant start) {
        return new SimClock(Clock.fixed(start, java.time.ZoneOffset.UTC));
    }

    public Instant now() {
        return base.instant().plusNanos(offsetNanos.get());
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        long nanos = by.toNanos();
        // addExact: an offset past ~292 years must fail, not wrap round and send time backwards.
        offsetNanos.updateAndGet(offset -> Math.addExact(offset, nanos));
    }

    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }
}
