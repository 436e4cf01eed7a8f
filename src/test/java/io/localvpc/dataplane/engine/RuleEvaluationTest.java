package io.localvpc.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NetworkAcl.Entry;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.RouteTable.Route;
import io.localvpc.model.ec2.RouteTable.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Longest prefix match against a brute-force reference, and network ACL evaluation order. */
class RuleEvaluationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99999})
    void longest_prefix_match_agrees_with_brute_force(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            List<Route> routes = new ArrayList<>();
            java.util.Set<Cidr> seen = new java.util.HashSet<>();
            int count = 1 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                int prefix = random.nextInt(33);
                int bits = random.nextInt() & (prefix == 0 ? 0 : -1 << (32 - prefix));
                Cidr cidr = new Cidr(new Ipv4(bits), prefix);
                if (seen.add(cidr)) {
                    routes.add(new Route(cidr, TargetKind.GATEWAY, "igw-" + i, "CreateRoute"));
                }
            }
            for (int probe = 0; probe < 20; probe++) {
                Ipv4 address = random.nextBoolean() ? new Ipv4(random.nextInt())
                        : routes.get(random.nextInt(routes.size())).destination().base().plus(random.nextInt(4));
                Route expected = null;
                for (Route r : routes) {
                    boolean contains = (address.bits() & r.destination().mask()) == r.destination().base().bits();
                    if (contains && (expected == null || r.destination().prefixLength() > expected.destination().prefixLength())) {
                        expected = r;
                    }
                }
                assertThat(RouteLookup.longestMatch(routes, address).orElse(null)).isEqualTo(expected);
            }
        }
    }

    private static Entry entry(int number, String protocol, boolean allow, String cidr, Integer from, Integer to) {
        return new Entry(number, false, protocol, allow, Cidr.parse(cidr), from, to, null, null);
    }

    @Test
    void acl_lowest_rule_number_decides_and_nothing_matching_meets_the_star_deny() {
        NetworkAcl acl = new NetworkAcl("acl-1", "vpc-1", "1", false, List.of(
                entry(200, "-1", true, "0.0.0.0/0", null, null),
                entry(100, "6", false, "203.0.113.0/24", 22, 22),
                entry(150, "6", true, "203.0.113.7/32", 22, 22)), List.of());
        Ipv4 attacker = Ipv4.parse("203.0.113.7");

        NetworkAclRules.Verdict ssh = NetworkAclRules.evaluate(acl, false, Protocol.TCP, 22, -1, attacker);
        assertThat(ssh.allowed()).isFalse();
        assertThat(ssh.ruleNumber()).isEqualTo(100);
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.TCP, 443, -1, attacker).ruleNumber()).isEqualTo(200);
        NetworkAclRules.Verdict egress = NetworkAclRules.evaluate(acl, true, Protocol.TCP, 443, -1, attacker);
        assertThat(egress.allowed()).isFalse();
        assertThat(egress.ruleNumber()).isEqualTo(32767);
        assertThat(NetworkAclRules.describe(egress, true)).contains("rule *");
    }

    @Test
    void acl_port_ranges_and_icmp_types_match_as_written() {
        NetworkAcl acl = new NetworkAcl("acl-1", "vpc-1", "1", false, List.of(
                entry(100, "6", true, "0.0.0.0/0", 1024, 65535),
                new Entry(110, false, "1", true, Cidr.parse("0.0.0.0/0"), null, null, 0, -1)), List.of());
        Ipv4 peer = Ipv4.parse("8.8.8.8");
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.TCP, 1024, -1, peer).allowed()).isTrue();
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.TCP, 1023, -1, peer).allowed()).isFalse();
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.UDP, 2000, -1, peer).allowed()).isFalse();
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.ICMP, 0, Packet.ECHO_REPLY, peer).allowed()).isTrue();
        assertThat(NetworkAclRules.evaluate(acl, false, Protocol.ICMP, 0, Packet.ECHO_REQUEST, peer).allowed()).isFalse();
    }
}
