package io.localvpc.bench.nat;

import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.nat.NatConfig;
import io.localvpc.dataplane.nat.NatResult;
import io.localvpc.dataplane.nat.NatTable;
import java.util.SplittableRandom;

/**
 * The synthetic traffic of the benchmarks: flow {@code i} comes from its own (instance, source
 * port) and goes to one of 100 web servers on port 443, so every server stays far below the
 * 55,000-per-destination limit even at a million sessions.
 */
final class Flows {
    static final int NAT_IP = 0x0A000A0C; // 10.0.10.12
    static final int DESTINATIONS = 100;
    static final int SERVER_PORT = 443;
    private static final int FIRST_INSTANCE = 0x0A001400; // 10.0.20.0
    private static final int FIRST_SERVER = 0x5DB8D800; // 93.184.216.0
    private static final int PORTS_PER_INSTANCE = 50_000;

    private Flows() {}

    static int srcIp(int flow) {
        return FIRST_INSTANCE + flow / PORTS_PER_INSTANCE;
    }

    static int srcPort(int flow) {
        return 10_000 + flow % PORTS_PER_INSTANCE;
    }

    static int dstIp(int flow) {
        return FIRST_SERVER + flow % DESTINATIONS;
    }

    /** A table holding flows {@code 0 .. count-1}, all opened at time 0; returns their NAT ports. */
    static int[] open(NatTable table, int count) {
        int[] natPorts = new int[count];
        for (int i = 0; i < count; i++) {
            long out = table.outbound(Protocol.TCP, srcIp(i), srcPort(i), dstIp(i), SERVER_PORT, 0);
            if (!NatResult.isTranslation(out)) {
                throw new IllegalStateException("flow " + i + ": " + NatResult.describe(out));
            }
            natPorts[i] = NatResult.port(out);
        }
        return natPorts;
    }

    static NatTable newTable() {
        return new NatTable(NAT_IP, NatConfig.aws());
    }

    /** A seeded random visiting order, so packets hit sessions the way interleaved flows do, not in memory order. */
    static int[] shuffledOrder(int count, long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
