package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostToolsTest {
    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void ip_addr_shows_loopback_and_eth0() {
        ExecResult r = net.run("ip addr");
        assertThat(r).isEqualTo(ExecResult.ok("""
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                    inet 127.0.0.1/8 scope host lo
                       valid_lft forever preferred_lft forever
                    inet6 ::1/128 scope host\s
                       valid_lft forever preferred_lft forever
                2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc mq state UP group default qlen 1000
                    link/ether 06:1f:4d:5e:6a:7b brd ff:ff:ff:ff:ff:ff
                    inet 10.0.20.5/24 brd 10.0.20.255 scope global dynamic eth0
                       valid_lft 3600sec preferred_lft 3600sec
                    inet6 fe80::41f:4dff:fe5e:6a7b/64 scope link\s
                       valid_lft forever preferred_lft forever
                """));
        assertThat(net.run("ip a show eth0").stdout()).startsWith("2: eth0:");
        assertThat(net.run("ip -4 a").stdout()).doesNotContain("inet6", "link/");
        assertThat(net.run("ip addr show eth7")).isEqualTo(ExecResult.error("Device \"eth7\" does not exist.\n", 1));
    }

    @Test
    void ip_route_is_what_dhcp_installs() {
        assertThat(net.run("ip route")).isEqualTo(ExecResult.ok("""
                default via 10.0.20.1 dev eth0
                10.0.20.0/24 dev eth0 proto kernel scope link src 10.0.20.5
                169.254.169.254 dev eth0
                """));
        assertThat(net.run("ip r show")).isEqualTo(net.run("ip route"));
        assertThat(net.run("ip link")).isEqualTo(ExecResult.error("Object \"link\" is unknown, try \"ip help\".\n", 255));
    }

    @Test
    void hostname_forms() {
        assertThat(net.run("hostname")).isEqualTo(ExecResult.ok("ip-10-0-20-5.ap-northeast-1.compute.internal\n"));
        assertThat(net.run("hostname -s")).isEqualTo(ExecResult.ok("ip-10-0-20-5\n"));
        assertThat(net.run("hostname -I")).isEqualTo(ExecResult.ok("10.0.20.5 \n"));
    }

    @Test
    void nc_connected_refused_timeout() {
        assertThat(net.run("nc -vz 1.2.3.4 443")).isEqualTo(ExecResult.error("""
                Ncat: Version 7.50 ( https://nmap.org/ncat )
                Ncat: Connected to 1.2.3.4:443.
                Ncat: 0 bytes sent, 0 bytes received in 0.00 seconds.
                """, 0));
        assertThat(net.run("nc -vz 1.2.3.4 80")).isEqualTo(ExecResult.error("""
                Ncat: Version 7.50 ( https://nmap.org/ncat )
                Ncat: Connection refused.
                """, 1));
        assertThat(net.run("nc -v -z -w 3 quiet.example.com 443")).isEqualTo(ExecResult.error("""
                Ncat: Version 7.50 ( https://nmap.org/ncat )
                Ncat: TIMEOUT.
                """, 1));
        assertThat(net.run("nc -z 1.2.3.4 80")).isEqualTo(ExecResult.error("", 1));
        assertThat(net.run("nc -vz nope 80").stderr()).endsWith(
                "Ncat: Could not resolve hostname \"nope\": Name or service not known. QUITTING.\n");
        assertThat(net.run("nc -vz 1.2.3.4 http").exitCode()).isEqualTo(2);
    }
}
