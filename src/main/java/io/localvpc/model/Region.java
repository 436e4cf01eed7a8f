package io.localvpc.model;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One account's resources in one region. Writers take turns (one lock per region); each write is
 * journalled before it becomes visible; readers get the latest immutable {@link RegionState}.
 * Timed changes (pending → available) are applied first by whichever request comes after they
 * fall due, so time only needs a clock, not a background thread.
 */
public final class Region {
    /** Where committed changes go before they are visible. */
    public interface Journal {
        void append(String accountId, String region, java.util.List<Change> changes);
    }

    private final String accountId;
    private final String name;
    private final Journal journal;
    private final Map<Class<? extends Timed>, Timed.Evolution<? extends Timed>> evolutions;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile RegionState state;
    private volatile Instant nextDue;

    Region(String accountId, String name, RegionState state, Journal journal,
            Map<Class<? extends Timed>, Timed.Evolution<? extends Timed>> evolutions) {
        this.accountId = accountId;
        this.name = name;
        this.state = state;
        this.journal = journal;
        this.evolutions = evolutions;
        this.nextDue = earliestDue(state);
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    /** The committed state as of {@code now}, with any due timed changes applied first. */
    public RegionState read(Instant now) {
        Instant due = nextDue;
        if (due != null && !now.isBefore(due)) {
            write(now, tx -> null);
        }
        return state;
    }

    /** The committed state without applying timed changes (for persistence and diagnostics). */
    public RegionState current() {
        return state;
    }

    /**
     * Runs {@code work} as one transaction: all of it becomes durable and visible, or (if it
     * throws) none of it does.
     */
    public <R> R write(Instant now, Function<Tx, R> work) {
        writeLock.lock();
        try {
            Tx tx = new Tx(state, now);
            boolean committed = false;
            try {
                evolveDue(tx);
                R result = work.apply(tx);
                if (tx.hasChanges()) {
                    journal.append(accountId, name, tx.changes());
                    RegionState next = tx.result();
                    state = next;
                    // Only a write to a timed type can move the next due time; most writes (tags,
                    // routes, rules) leave it, and rescanning every instance on each is wasted work.
                    if (tx.wrote(evolutions.keySet())) {
                        nextDue = earliestDue(next);
                    }
                }
                committed = true;
                tx.commitActions().forEach(Runnable::run);
                return result;
            } finally {
                if (!committed) {
                    tx.abortActions().forEach(Runnable::run);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void evolveDue(Tx tx) {
        Instant due = nextDue;
        if (due == null || tx.now().isBefore(due)) {
            return;
        }
        // An evolution may make another change due at once (deleting → deleted → gone), so repeat.
        for (int round = 0; round < 8; round++) {
            boolean any = false;
            for (var entry : evolutions.entrySet()) {
                for (Timed resource : java.util.List.copyOf(tx.all(entry.getKey()))) {
                    Instant at = resource.dueAt();
                    if (at != null && !tx.now().isBefore(at)) {
                        ((Timed.Evolution) entry.getValue()).evolve(tx, resource);
                        any = true;
                    }
                }
            }
            if (!any) {
                return;
            }
        }
    }

    private Instant earliestDue(RegionState s) {
        Instant earliest = null;
        for (Class<? extends Timed> type : evolutions.keySet()) {
            for (Timed resource : s.all(type)) {
                Instant at = resource.dueAt();
                if (at != null && (earliest == null || at.isBefore(earliest))) {
                    earliest = at;
                }
            }
        }
        return earliest;
    }
}
