package io.localvpc.bench.nat;

import io.localvpc.dataplane.nat.NatTable;
import java.lang.ref.Reference;

/**
 * Heap taken by one NAT table holding 1,000,000 active sessions: used heap after full GCs, before
 * and after filling it. Run it alone in its own JVM (scripts/bench-nat.sh does), since anything
 * else allocated meanwhile would be counted.
 */
public final class NatHeapFootprint {
    private static final int SESSIONS = 1_000_000;

    private NatHeapFootprint() {}

    public static void main(String[] args) {
        long before = usedAfterGc();
        NatTable table = Flows.newTable();
        Flows.open(table, SESSIONS);
        long after = usedAfterGc();
        long bytes = after - before;
        System.out.printf("NAT table, %,d active sessions: %,d bytes of heap (%.1f MiB), %.1f bytes per session%n",
                table.activeSessions(), bytes, bytes / 1048576.0, (double) bytes / SESSIONS);
        Reference.reachabilityFence(table);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several rounds: the minimum is the live set once nothing is left to collect.
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
