package io.localvpc.service;

import java.time.Duration;

/**
 * How long the cloud's asynchronous changes take, in simulated time. AWS takes minutes to make a
 * NAT gateway available; the emulator defaults to a second so the pending state is visible but
 * nobody waits. Retention is as on AWS: deleted NAT gateways and terminated instances stay
 * visible for an hour.
 */
public record Timings(Duration stateChange, Duration retention) {
    public static final Timings DEFAULT = new Timings(Duration.ofSeconds(1), Duration.ofHours(1));

    public static Timings withStateChange(Duration stateChange) {
        return new Timings(stateChange, DEFAULT.retention());
    }
}
