package io.localvpc.bench.walk;

import io.localvpc.dataplane.engine.InProcessHandsOn;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.engine.Flow;
import io.localvpc.dataplane.engine.Forwarded;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full packet walk of the hands-on topology on one thread: the private instance (10.0.20.x)
 * sends to 8.8.8.8 through its security group's egress, the private subnet's ACL, the route
 * 0.0.0.0/0 → NAT gateway, the NAT gateway's source translation, the public subnet's route to the
 * internet gateway and its translation to the Elastic IP, and on to the internet host.
 *
 * <ul>
 *   <li>{@code establishedFlows}: packets of {@code flows} established TCP 443 flows in turn (the
 *       flow cache's path, connection tracking and the NAT session refreshed per packet);
 *   <li>{@code tracedProbe}: for comparison, a full traced round trip (ping and its reply, every hop
 *       written down) as {@code localvpc trace} and the instance shell do it, a new flow each time.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class PacketWalkBenchmark {
    private static final Ipv4 GOOGLE_DNS = Ipv4.parse("8.8.8.8");
    /** Clock step per traced probe: idle NAT sessions expire (350 s) long before 55,000 pile up per destination. */
    private static final Duration PROBE_SPACING = Duration.ofMillis(10);

    @Param({"1", "1000"})
    public int flows;

    private InProcessHandsOn topology;
    private Flow[] established;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        topology = new InProcessHandsOn();
        established = new Flow[flows];
        for (int i = 0; i < flows; i++) {
            established[i] = Flow.tcp(32_768 + i, GOOGLE_DNS, 443);
            Forwarded first = topology.engine.forward(InProcessHandsOn.ACCOUNT, InProcessHandsOn.REGION,
                    topology.privateInstance, established[i]);
            if (first.outcome() != Forwarded.Outcome.REACHED_HOST || !first.packet().source().toString().equals(topology.eip)) {
                throw new IllegalStateException("the walk did not reach 8.8.8.8 from the Elastic IP: " + first);
            }
        }
    }

    @Benchmark
    public Forwarded establishedFlows() {
        Flow flow = established[next];
        next = next + 1 == flows ? 0 : next + 1;
        return topology.engine.forward(InProcessHandsOn.ACCOUNT, InProcessHandsOn.REGION, topology.privateInstance, flow);
    }

    @Benchmark
    public ProbeResult tracedProbe() {
        topology.clock.advance(PROBE_SPACING);
        return topology.engine.probe(InProcessHandsOn.ACCOUNT, InProcessHandsOn.REGION, topology.privateInstance,
                Probe.ping(GOOGLE_DNS));
    }
}
