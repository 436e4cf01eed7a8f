package io.localvpc.dataplane.nat;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operation sequences run against the table and against a plain {@link HashMap} model of
 * the same rules. The universe of flows is small and the port range tiny, so sessions collide,
 * exhaust their destination, expire, get reused and make the indexes grow and shift entries back.
 * Checked after every step: the same answers, the same counters, and that the translation is a
 * bijection over active sessions (every active session's reply maps back to it, no two share a
 * NAT address and port towards one destination).
 */
class NatTableDifferentialTest {
    static final int PRIMARY = 0x0A000A0C;
    static final int SECONDARY = 0x0A000A0D;
    static final int FIRST_PORT = 1024;
    static final int LAST_PORT = 1031;
    static final int LIMIT = 3;
    // Shorter than AWS's 350 s only to keep the idle wheel (a bucket per millisecond) small here.
    static final long IDLE = 35_000;
    static final long MEMORY = 10_000;
    static final Protocol[] PROTOCOLS = Protocol.values();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    record Flow(Protocol protocol, int srcIp, int srcPort, int dstIp, int dstPort) {
        Reply reply(int natIp, int natPort) {
            return new Reply(protocol, dstIp, dstPort, natIp, natPort);
        }
    }

    record Reply(Protocol protocol, int remoteIp, int remotePort, int natIp, int natPort) {}

    static final class RefSession {
        final Flow flow;
        final Reply reply;
        long lastSeen;
        boolean expired;

        RefSession(Flow flow, Reply reply, long lastSeen) {
            this.flow = flow;
            this.reply = reply;
            this.lastSeen = lastSeen;
        }
    }

    /** The rules of the table, written the obvious way. */
    static final class Reference {
        final Map<Flow, RefSession> byFlow = new HashMap<>();
        final Map<Reply, RefSession> byReply = new HashMap<>();
        long active, opened, closed, portErrors, drops, idleTimeouts, resets;

        void advance(long now) {
            for (RefSession s : List.copyOf(byFlow.values())) {
                if (!s.expired && now - s.lastSeen >= IDLE) {
                    s.expired = true;
                    active--;
                    idleTimeouts++;
                }
                if (s.expired && now - s.lastSeen >= IDLE + MEMORY) {
                    remove(s);
                }
            }
        }

        void remove(RefSession s) {
            byFlow.remove(s.flow);
            byReply.remove(s.reply);
            if (!s.expired) {
                active--;
            }
        }

        long activeTo(int natIp, Flow flow) {
            return byFlow.values().stream()
                    .filter(s -> !s.expired && s.reply.natIp() == natIp && s.flow.protocol() == flow.protocol()
                            && s.flow.dstIp() == flow.dstIp() && s.flow.dstPort() == flow.dstPort())
                    .count();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void behavesLikeTheReferenceModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NatConfig config = new NatConfig(IDLE, LIMIT, FIRST_PORT, LAST_PORT, MEMORY, 2);
        NatTable table = new NatTable(PRIMARY, config);
        table.addAddress(SECONDARY);
        Reference ref = new Reference();
        long now = 1_000_000;

        for (int step = 0; step < 3_000; step++) {
            now += timeStep(random);
            String at = "seed " + seed + " step " + step;
            int op = random.nextInt(100);
            if (op < 55) {
                outbound(table, ref, randomFlow(random), now, at);
            } else if (op < 85) {
                inbound(table, ref, randomReply(random, ref), now, at);
            } else if (op < 95) {
                Flow flow = randomFlow(random);
                ref.advance(now);
                RefSession s = ref.byFlow.get(flow);
                boolean expected = s != null;
                if (s != null) {
                    if (!s.expired) {
                        ref.closed++;
                    }
                    ref.remove(s);
                }
                assertThat(table.close(flow.protocol(), flow.srcIp(), flow.srcPort(), flow.dstIp(), flow.dstPort(), now))
                        .as(at).isEqualTo(expected);
            } else {
                ref.advance(now);
                table.expire(now);
            }
            assertSameCounters(table, ref, at);
            if (step % 100 == 99) {
                assertBijection(table, ref, now, at);
            }
        }
    }

    private static long timeStep(SplittableRandom random) {
        // Mostly packets at the same instant or seconds apart, so sessions pile up to the limit;
        // now and then a jump to exactly the timeout, just under it, or past the memory.
        return switch (random.nextInt(200)) {
            case 0 -> IDLE;
            case 1 -> IDLE - 1;
            case 2 -> MEMORY;
            case 3 -> random.nextLong(IDLE * 2);
            default -> random.nextInt(4) == 0 ? random.nextLong(300) : 0;
        };
    }

    private static Flow randomFlow(SplittableRandom random) {
        Protocol protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
        // ICMP has no destination port: the table ignores it, and so does the model.
        int dstPort = protocol == Protocol.ICMP ? 0 : 80 + random.nextInt(2);
        return new Flow(protocol, 0x0A001400 + random.nextInt(3), 40_000 + random.nextInt(4), 0x5DB8D800 + random.nextInt(2), dstPort);
    }

    private static Reply randomReply(SplittableRandom random, Reference ref) {
        if (!ref.byReply.isEmpty() && random.nextInt(4) != 0) {
            List<Reply> known = new ArrayList<>(ref.byReply.keySet());
            known.sort(java.util.Comparator.comparing(Reply::toString)); // HashMap order is not a function of the seed
            return known.get(random.nextInt(known.size()));
        }
        Flow flow = randomFlow(random);
        return flow.reply(random.nextBoolean() ? PRIMARY : SECONDARY + random.nextInt(2), FIRST_PORT - 1 + random.nextInt(10));
    }

    private static void outbound(NatTable table, Reference ref, Flow flow, long now, String at) {
        ref.advance(now);
        long got = table.outbound(flow.protocol(), flow.srcIp(), flow.srcPort(), flow.dstIp(), flow.dstPort(), now);
        RefSession s = ref.byFlow.get(flow);
        if (s != null && !s.expired) {
            s.lastSeen = now;
            assertThat(got).as(at).isEqualTo(NatResult.pack(s.reply.natIp(), s.reply.natPort()));
            return;
        }
        if (s != null) {
            ref.remove(s);
            if (flow.protocol() == Protocol.TCP) {
                ref.resets++;
                assertThat(got).as(at).isEqualTo(NatResult.EXPIRED);
                return;
            }
        }
        int expectedIp = ref.activeTo(PRIMARY, flow) < LIMIT ? PRIMARY : ref.activeTo(SECONDARY, flow) < LIMIT ? SECONDARY : 0;
        if (expectedIp == 0) {
            ref.portErrors++;
            assertThat(got).as(at).isEqualTo(NatResult.PORT_ALLOCATION_ERROR);
            return;
        }
        assertThat(NatResult.isTranslation(got)).as(at + " " + NatResult.describe(got)).isTrue();
        assertThat(NatResult.ip(got)).as(at).isEqualTo(expectedIp);
        assertThat(NatResult.port(got)).as(at).isBetween(FIRST_PORT, LAST_PORT);
        Reply reply = flow.reply(expectedIp, NatResult.port(got));
        RefSession holder = ref.byReply.get(reply);
        if (holder != null) {
            // Only a remembered expired session may give up its port.
            assertThat(holder.expired).as(at + " port taken from a live session").isTrue();
            ref.remove(holder);
        }
        RefSession created = new RefSession(flow, reply, now);
        ref.byFlow.put(flow, created);
        ref.byReply.put(reply, created);
        ref.active++;
        ref.opened++;
    }

    private static void inbound(NatTable table, Reference ref, Reply reply, long now, String at) {
        ref.advance(now);
        long got = table.inbound(reply.protocol(), reply.remoteIp(), reply.remotePort(), reply.natIp(), reply.natPort(), now);
        RefSession s = ref.byReply.get(reply);
        if (s == null) {
            ref.drops++;
            assertThat(got).as(at).isEqualTo(NatResult.NO_SESSION);
        } else if (s.expired) {
            ref.drops++;
            assertThat(got).as(at).isEqualTo(NatResult.EXPIRED);
        } else {
            s.lastSeen = now;
            assertThat(got).as(at).isEqualTo(NatResult.pack(s.flow.srcIp(), s.flow.srcPort()));
        }
    }

    private static void assertSameCounters(NatTable table, Reference ref, String at) {
        assertThat(table.counters()).as(at).isEqualTo(new NatCounters(
                ref.active, ref.opened, ref.closed, ref.portErrors, ref.drops, ref.idleTimeouts, ref.resets));
        assertThat(table.activeSessions()).as(at).isEqualTo(ref.byFlow.values().stream().filter(s -> !s.expired).count());
    }

    /** Every active session: outbound gives its translation, the reply maps back, and no translation is shared. */
    private static void assertBijection(NatTable table, Reference ref, long now, String at) {
        ref.advance(now);
        Map<Reply, Flow> translations = new HashMap<>();
        for (RefSession s : ref.byFlow.values()) {
            if (s.expired) {
                continue;
            }
            Flow f = s.flow;
            long out = table.outbound(f.protocol(), f.srcIp(), f.srcPort(), f.dstIp(), f.dstPort(), now);
            long back = table.inbound(f.protocol(), f.dstIp(), f.dstPort(), NatResult.ip(out), NatResult.port(out), now);
            s.lastSeen = now;
            assertThat(back).as(at).isEqualTo(NatResult.pack(f.srcIp(), f.srcPort()));
            Flow other = translations.put(f.reply(NatResult.ip(out), NatResult.port(out)), f);
            assertThat(other).as(at + " " + f + " shares its translation with another flow").isNull();
        }
    }
}
