package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsToolsTest {
    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void dig_answers_from_the_vpc_resolver() {
        ExecResult r = net.run("dig example.com");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("""

                ; <<>> DiG 9.11.4-P2-RedHat-9.11.4-26.P2.amzn2.13 <<>> example.com
                ;; global options: +cmd
                ;; Got answer:
                ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: """).contains("""
                ;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
                """, """
                ;; QUESTION SECTION:
                ;example.com.\t\t\tIN\tA

                ;; ANSWER SECTION:
                example.com.\t\t60\tIN\tA\t93.184.215.14

                ;; Query time: 0 msec
                ;; SERVER: 10.0.0.2#53(10.0.0.2)
                ;; WHEN: Thu Jan 01 00:00:00 UTC 2026
                """);
    }

    @Test
    void dig_short_nxdomain_and_no_dns_support() {
        assertThat(net.run("dig +short example.com")).isEqualTo(ExecResult.ok("93.184.215.14\n"));
        assertThat(net.run("dig +short nope.example")).isEqualTo(ExecResult.ok(""));
        ExecResult nx = net.run("dig nope.example");
        assertThat(nx.stdout()).contains("status: NXDOMAIN", "ANSWER: 0").doesNotContain("ANSWER SECTION");
        ExecResult off = Shell.standard().run(net.sessionWithoutDns(), "dig example.com");
        assertThat(off.exitCode()).isEqualTo(9);
        assertThat(off.stdout()).endsWith(";; global options: +cmd\n;; connection timed out; no servers could be reached\n");
        assertThat(Shell.standard().run(net.sessionWithoutDns(), "dig +short example.com").stdout())
                .isEqualTo(";; connection timed out; no servers could be reached\n");
    }

    @Test
    void dig_at_another_server_needs_it_reachable() {
        ExecResult viaGoogle = net.run("dig @8.8.8.8 example.com");
        assertThat(viaGoogle.stdout()).contains(";; SERVER: 8.8.8.8#53(8.8.8.8)", "93.184.215.14");
        ExecResult viaNowhere = net.run("dig @10.9.9.9 example.com");
        assertThat(viaNowhere.exitCode()).isEqualTo(9);
    }

    @Test
    void nslookup_forms() {
        assertThat(net.run("nslookup example.com")).isEqualTo(ExecResult.ok("""
                Server:\t\t10.0.0.2
                Address:\t10.0.0.2#53

                Non-authoritative answer:
                Name:\texample.com
                Address: 93.184.215.14

                """));
        assertThat(net.run("nslookup unknownhost")).isEqualTo(new ExecResult("""
                Server:\t\t10.0.0.2
                Address:\t10.0.0.2#53

                ** server can't find unknownhost: NXDOMAIN

                """, "", 1));
        assertThat(Shell.standard().run(net.sessionWithoutDns(), "nslookup example.com"))
                .isEqualTo(new ExecResult(";; connection timed out; no servers could be reached\n\n", "", 1));
    }
}
