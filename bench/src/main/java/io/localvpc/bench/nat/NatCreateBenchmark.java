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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Creating sessions, one thread: each operation is the first packet of a new flow (lookup miss,
 * port search, session and both index entries written). Each invocation fills a fresh table from
 * its default size to 100,000 sessions, so the cost of growing by doubling is included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NatCreateBenchmark {
    private static final int SESSIONS = 100_000;

    private NatTable table;

    @Setup(Level.Invocation)
    public void emptyTable() {
        table = Flows.newTable();
    }

    @Benchmark
    @OperationsPerInvocation(SESSIONS)
    public long createSessions() {
        long sum = 0;
        for (int i = 0; i < SESSIONS; i++) {
            sum += table.outbound(Protocol.TCP, Flows.srcIp(i), Flows.srcPort(i), Flows.dstIp(i), Flows.SERVER_PORT, 0);
        }
        return sum;
    }
}
