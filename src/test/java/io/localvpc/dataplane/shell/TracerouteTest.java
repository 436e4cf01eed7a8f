package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TracerouteTest {
    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void hops_through_the_nat_gateway_until_the_destination_answers() {
        ExecResult r = net.run("traceroute 8.8.8.8");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("""
                traceroute to 8.8.8.8 (8.8.8.8), 30 hops max, 60 byte packets
                 1  10.0.10.12 (10.0.10.12)  0.500 ms  0.500 ms  0.500 ms
                 2  100.64.1.1 (100.64.1.1)  1.000 ms  1.000 ms  1.000 ms
                 3  8.8.8.8 (8.8.8.8)  2.910 ms  2.910 ms  2.910 ms
                """);
        assertThat(net.probes).hasSize(9).allMatch(p -> p.protocol() == Protocol.UDP);
        assertThat(net.probes.stream().mapToInt(p -> p.port()).toArray()).containsExactly(IntStream.range(33434, 33443).toArray());
        assertThat(net.probes.stream().mapToInt(p -> p.ttl()).toArray()).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3);
    }

    @Test
    void icmp_and_numeric_by_name() {
        ExecResult r = net.run("traceroute -I -n example.com");
        assertThat(r.stdout()).startsWith("traceroute to example.com (93.184.215.14), 30 hops max, 60 byte packets\n"
                + " 1  10.0.10.12  0.500 ms  0.500 ms  0.500 ms\n").endsWith(" 3  93.184.215.14  2.910 ms  2.910 ms  2.910 ms\n");
        assertThat(net.probes).allMatch(p -> p.protocol() == Protocol.ICMP);
    }

    @Test
    void a_blocked_path_prints_stars_up_to_the_hop_limit() {
        net.target("8.8.8.8").droppedAfter(1);
        ExecResult r = net.run("traceroute -m 4 8.8.8.8");
        assertThat(r.stdout()).isEqualTo("""
                traceroute to 8.8.8.8 (8.8.8.8), 4 hops max, 60 byte packets
                 1  10.0.10.12 (10.0.10.12)  0.500 ms  0.500 ms  0.500 ms
                 2  * * *
                 3  * * *
                 4  * * *
                """);
    }

    @Test
    void unreachable_prints_thirty_lines_of_stars() {
        ExecResult r = net.run("traceroute 10.9.9.9");
        assertThat(r.stdout().lines()).hasSize(31).last().isEqualTo("30  * * *");
        assertThat(net.probes).hasSize(90).last().satisfies(p -> assertThat(p.destination()).isEqualTo(Ipv4.parse("10.9.9.9")));
    }

    @Test
    void unknown_host() {
        assertThat(net.run("traceroute nope")).isEqualTo(new ExecResult("",
                "nope: Name or service not known\nCannot handle \"host\" cl arg `nope' on position 1 (argc 1)\n", 2));
    }
}
