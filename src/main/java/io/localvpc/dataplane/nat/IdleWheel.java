package io.localvpc.dataplane.nat;

import java.util.Arrays;

/**
 * Finds active sessions that have been idle for the timeout, exactly to the millisecond, without
 * any work on the packet path: a packet only writes its session's {@code lastSeen}.
 *
 * <p>A timing wheel with one bucket per millisecond, {@code timeout + 1} buckets, so every
 * deadline within one timeout of now has a bucket of its own. A session is filed under the
 * deadline it had when filed ({@code lastSeen + timeout}); that never exceeds its real deadline.
 * When time passes a bucket, each session in it either has really reached its deadline (it
 * expires) or was used since (it is filed again under its new deadline). A session whose real
 * deadline has passed therefore always sits in a bucket already passed, so expiry is exact, and
 * each session is looked at about once per timeout however many packets it carries.
 */
final class IdleWheel {
    private final NatSessions sessions;
    private final long timeoutMillis;
    private final int[] heads;
    /** Every millisecond up to here has been swept. */
    private long sweptUpTo = Long.MIN_VALUE;
    /** Sessions in the wheel; with none, a sweep has nothing to walk. */
    private int filed;

    /** What to do with a session whose deadline has come. */
    interface Expiry {
        void expired(int session);
    }

    IdleWheel(NatSessions sessions, long timeoutMillis) {
        this.sessions = sessions;
        this.timeoutMillis = timeoutMillis;
        this.heads = new int[Math.toIntExact(timeoutMillis + 1)];
        Arrays.fill(heads, NatSessions.NONE);
    }

    /** Files a session just created or used at {@code nowMillis} (not later than the last sweep's time). */
    void file(int id, long nowMillis) {
        int bucket = bucketOf(nowMillis + timeoutMillis);
        int first = heads[bucket];
        filed++;
        sessions.next[id] = first;
        sessions.prev[id] = -2 - bucket;
        if (first != NatSessions.NONE) {
            sessions.prev[first] = id;
        }
        heads[bucket] = id;
    }

    void unfile(int id) {
        filed--;
        int before = sessions.prev[id];
        int after = sessions.next[id];
        if (before < NatSessions.NONE) {
            heads[-2 - before] = after;
        } else {
            sessions.next[before] = after;
        }
        if (after != NatSessions.NONE) {
            sessions.prev[after] = before;
        }
    }

    /**
     * Sweeps the buckets from the last sweep up to {@code nowMillis}, handing each session idle for
     * the timeout to {@code expiry}, in the order of their deadlines (so in order of last use).
     */
    void sweep(long nowMillis, Expiry expiry) {
        if (sweptUpTo == Long.MIN_VALUE) {
            sweptUpTo = nowMillis;
            return;
        }
        // Every filed deadline lies within one timeout of the last sweep (no packet has been seen
        // after it), so one turn of the wheel from there reaches them all, however far time jumped.
        long until = filed == 0 ? sweptUpTo : Math.min(nowMillis, sweptUpTo + heads.length);
        for (long t = sweptUpTo + 1; t <= until; t++) {
            int bucket = bucketOf(t);
            int id = heads[bucket];
            if (id == NatSessions.NONE) {
                continue;
            }
            // Detach the bucket first: a session filed again never lands in it (its deadline is
            // later than t, and less than a turn away), but the chain must not change under us.
            heads[bucket] = NatSessions.NONE;
            while (id != NatSessions.NONE) {
                int following = sessions.next[id];
                filed--;
                long deadline = sessions.lastSeen[id] + timeoutMillis;
                if (deadline <= t) {
                    expiry.expired(id);
                } else {
                    // Used since it was filed: file it under its real deadline, which this sweep
                    // reaches later if it is due by now.
                    file(id, sessions.lastSeen[id]);
                }
                id = following;
            }
        }
        sweptUpTo = Math.max(sweptUpTo, nowMillis);
    }

    long arrayBytes() {
        return (long) heads.length * Integer.BYTES;
    }

    private int bucketOf(long millis) {
        return (int) Math.floorMod(millis, (long) heads.length);
    }
}
