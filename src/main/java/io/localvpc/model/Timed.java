package io.localvpc.model;

import java.time.Instant;

/**
 * A resource whose state moves on by itself as time passes (a NAT gateway from pending to
 * available, an instance from pending to running, a terminated instance out of sight). The
 * region applies the registered {@link Evolution} once the clock reaches {@link #dueAt()}.
 */
public interface Timed extends Resource {
    /** When the next automatic change is due, or null if none is pending. */
    Instant dueAt();

    /** What happens to a timed resource of one type when its time comes. */
    @FunctionalInterface
    interface Evolution<T extends Timed> {
        void evolve(Tx tx, T resource);
    }
}
