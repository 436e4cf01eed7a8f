package io.localvpc.bench.nat;

import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.nat.NatTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Packets on established sessions, one thread: each operation is one packet looked up, its
 * session refreshed (moved to the newest end of the idle list) and its translation returned.
 * Sessions are visited in a shuffled order, so a large table is measured with its cache misses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NatTranslateBenchmark {
    private static final int BATCH = 1024;
    /** Well inside the 350 s idle timeout of sessions opened at 0: nothing expires while measuring. */
    private static final long NOW_MILLIS = 1_000;

    @Param({"10000", "1000000"})
    public int sessions;

    private NatTable table;
    private int[] natPorts;
    private int[] order;
    private int cursor;

    @Setup(Level.Trial)
    public void openSessions() {
        table = Flows.newTable();
        natPorts = Flows.open(table, sessions);
        order = Flows.shuffledOrder(sessions, 42);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long outboundPackets() {
        long sum = 0;
        int c = cursor;
        for (int k = 0; k < BATCH; k++) {
            int i = order[c];
            c = c + 1 == order.length ? 0 : c + 1;
            sum += table.outbound(Protocol.TCP, Flows.srcIp(i), Flows.srcPort(i), Flows.dstIp(i), Flows.SERVER_PORT, NOW_MILLIS);
        }
        cursor = c;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long inboundReplies() {
        long sum = 0;
        int c = cursor;
        for (int k = 0; k < BATCH; k++) {
            int i = order[c];
            c = c + 1 == order.length ? 0 : c + 1;
            sum += table.inbound(Protocol.TCP, Flows.dstIp(i), Flows.SERVER_PORT, Flows.NAT_IP, natPorts[i], NOW_MILLIS);
        }
        cursor = c;
        return sum;
    }
}
