package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.Protocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PingTest {
    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void four_replies_by_default_with_iputils_statistics() {
        ExecResult r = net.run("ping 8.8.8.8");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).isEqualTo("""
                PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.
                64 bytes from 8.8.8.8: icmp_seq=1 ttl=116 time=2.91 ms
                64 bytes from 8.8.8.8: icmp_seq=2 ttl=116 time=2.91 ms
                64 bytes from 8.8.8.8: icmp_seq=3 ttl=116 time=2.91 ms
                64 bytes from 8.8.8.8: icmp_seq=4 ttl=116 time=2.91 ms

                --- 8.8.8.8 ping statistics ---
                4 packets transmitted, 4 received, 0% packet loss, time 3003ms
                rtt min/avg/max/mdev = 2.910/2.910/2.910/0.000 ms
                """);
        assertThat(net.probes).hasSize(4).allMatch(p -> p.protocol() == Protocol.ICMP && p.ttl() == Probe.DEFAULT_TTL);
    }

    @Test
    void count_and_varying_round_trips() {
        net.target("8.8.8.8").rtts(Duration.ofNanos(1000L * (1000)), Duration.ofNanos(1000L * (3000)), Duration.ofNanos(1000L * (12_345)), Duration.ofNanos(1000L * (35)));
        ExecResult r = net.run("ping -c 4 8.8.8.8");
        assertThat(r.stdout()).contains("icmp_seq=1 ttl=116 time=1.00 ms", "icmp_seq=2 ttl=116 time=3.00 ms",
                "icmp_seq=3 ttl=116 time=12.3 ms", "icmp_seq=4 ttl=116 time=0.035 ms",
                "rtt min/avg/max/mdev = 0.035/4.095/12.345/4.882 ms");
        ExecResult one = net.run("ping -c1 8.8.8.8");
        assertThat(one.stdout()).contains("1 packets transmitted, 1 received, 0% packet loss, time 0ms");
    }

    @Test
    void a_host_name_is_resolved_first() {
        ExecResult r = net.run("ping -c 2 example.com");
        assertThat(r.stdout()).startsWith("PING example.com (93.184.215.14) 56(84) bytes of data.\n"
                + "64 bytes from 93.184.215.14 (93.184.215.14): icmp_seq=1 ttl=56 time=2.91 ms\n");
        assertThat(r.stdout()).contains("--- example.com ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1001ms\n");
    }

    @Test
    void unknown_name_and_no_dns() {
        ExecResult r = net.run("ping -c 1 unknownhost");
        assertThat(r).isEqualTo(new ExecResult("", "ping: unknownhost: Name or service not known\n", 2));
        ExecResult noDns = Shell.standard().run(net.sessionWithoutDns(), "ping example.com");
        assertThat(noDns).isEqualTo(new ExecResult("", "ping: example.com: Temporary failure in name resolution\n", 2));
        assertThat(net.probes).isEmpty();
    }

    @Test
    void unreachable_is_100_percent_loss_and_exit_1() {
        ExecResult r = net.run("ping -c 3 -W 1 10.9.9.9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).isEqualTo("""
                PING 10.9.9.9 (10.9.9.9) 56(84) bytes of data.

                --- 10.9.9.9 ping statistics ---
                3 packets transmitted, 0 received, 100% packet loss, time 2002ms
                """);
    }

    @Test
    void a_host_that_ignores_icmp_answers_nothing() {
        assertThat(net.run("ping -c 2 checkip.amazonaws.com").stdout()).contains("2 packets transmitted, 0 received, 100% packet loss");
    }

    @Test
    void ttl_exceeded_is_reported_by_the_hop_as_an_error() {
        ExecResult r = net.run("ping -c 2 -t 1 8.8.8.8");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("From 10.0.10.12 icmp_seq=1 Time to live exceeded\n",
                "From 10.0.10.12 icmp_seq=2 Time to live exceeded\n",
                "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1001ms\n");
        assertThat(net.probes).allMatch(p -> p.ttl() == 1);
    }

    @Test
    void replies_later_than_the_timeout_are_lost_and_partial_loss_is_a_fraction() {
        net.target("8.8.8.8").rtts(Duration.ofMillis(5), Duration.ofMillis(2500), Duration.ofMillis(5));
        ExecResult r = net.run("ping -c 3 -W 2 8.8.8.8");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).doesNotContain("icmp_seq=2").contains("3 packets transmitted, 2 received, 33.3333% packet loss");
    }

    @Test
    void loopback_answers_without_the_network() {
        ExecResult r = net.run("ping -c 1 localhost");
        assertThat(r.stdout()).contains("PING localhost (127.0.0.1)", "icmp_seq=1 ttl=64 time=0.030 ms");
        assertThat(net.probes).isEmpty();
    }

    @Test
    void usage_errors() {
        assertThat(net.run("ping -c 0 8.8.8.8")).isEqualTo(new ExecResult("", "ping: bad number of packets to transmit.\n", 2));
        assertThat(net.run("ping -x 8.8.8.8").stderr()).startsWith("ping: invalid option -- 'x'\nUsage: ping");
        assertThat(net.run("ping").stderr()).isEqualTo("ping: usage error: Destination address required\n");
        assertThat(net.run("ping -h").stderr()).contains("LocalVPC default: 4");
    }
}
