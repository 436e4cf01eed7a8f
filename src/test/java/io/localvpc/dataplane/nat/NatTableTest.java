package io.localvpc.dataplane.nat;

import static io.localvpc.dataplane.nat.NatResult.EXPIRED;
import static io.localvpc.dataplane.nat.NatResult.NO_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import io.localvpc.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NatTableTest {
    static final int NAT_IP = Ipv4.parse("10.0.10.12").bits();
    static final int SECONDARY_IP = Ipv4.parse("10.0.10.13").bits();
    static final int INSTANCE = Ipv4.parse("10.0.20.5").bits();
    static final int OTHER_INSTANCE = Ipv4.parse("10.0.20.6").bits();
    static final int SERVER = Ipv4.parse("93.184.216.34").bits();

    private final SimClock clock = SimClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final NatTable table = NatTable.aws(NAT_IP);

    private long now() {
        return clock.now().toEpochMilli();
    }

    @Test
    void tcpIsSourceNattedToTheGatewayAddressAndTheReplyMapsBack() {
        long out = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());

        assertThat(NatResult.isTranslation(out)).isTrue();
        assertThat(NatResult.ip(out)).isEqualTo(NAT_IP);
        assertThat(NatResult.port(out)).isBetween(1024, 65535);
        long back = table.inbound(Protocol.TCP, SERVER, 443, NAT_IP, NatResult.port(out), now());
        assertThat(NatResult.ip(back)).isEqualTo(INSTANCE);
        assertThat(NatResult.port(back)).isEqualTo(40123);
        assertThat(table.activeSessions()).isEqualTo(1);
        assertThat(table.counters().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void aFlowKeepsItsTranslationAndDifferentFlowsGetDifferentPorts() {
        long first = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        long again = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        long otherPort = table.outbound(Protocol.TCP, INSTANCE, 40124, SERVER, 443, now());
        long otherInstanceSamePort = table.outbound(Protocol.TCP, OTHER_INSTANCE, 40123, SERVER, 443, now());

        assertThat(again).isEqualTo(first);
        assertThat(NatResult.port(otherPort)).isNotEqualTo(NatResult.port(first));
        assertThat(NatResult.port(otherInstanceSamePort)).isNotIn(NatResult.port(first), NatResult.port(otherPort));
        assertThat(table.activeSessions()).isEqualTo(3);
    }

    @Test
    void udpAndTcpToTheSamePortAreSeparateSessions() {
        long tcp = table.outbound(Protocol.TCP, INSTANCE, 5353, SERVER, 53, now());
        long udp = table.outbound(Protocol.UDP, INSTANCE, 5353, SERVER, 53, now());

        assertThat(table.inbound(Protocol.UDP, SERVER, 53, NAT_IP, NatResult.port(udp), now()))
                .isEqualTo(NatResult.pack(INSTANCE, 5353));
        assertThat(table.inbound(Protocol.TCP, SERVER, 53, NAT_IP, NatResult.port(tcp), now()))
                .isEqualTo(NatResult.pack(INSTANCE, 5353));
        assertThat(table.activeSessions()).isEqualTo(2);
    }

    @Test
    void icmpEchoIdentifiersAreTranslatedLikePorts() {
        // Two instances pinging the same host with the same identifier must not collide.
        long a = table.outbound(Protocol.ICMP, INSTANCE, 7, SERVER, 0, now());
        long b = table.outbound(Protocol.ICMP, OTHER_INSTANCE, 7, SERVER, 0, now());

        assertThat(NatResult.port(a)).isNotEqualTo(NatResult.port(b)).isBetween(1024, 65535);
        // The echo reply carries the translated identifier: it plays the NAT port.
        assertThat(table.inbound(Protocol.ICMP, SERVER, 0, NAT_IP, NatResult.port(a), now()))
                .isEqualTo(NatResult.pack(INSTANCE, 7));
        assertThat(table.inbound(Protocol.ICMP, SERVER, 0, NAT_IP, NatResult.port(b), now()))
                .isEqualTo(NatResult.pack(OTHER_INSTANCE, 7));
        // ICMP has no destination port: whatever the caller passes, it is the same flow.
        assertThat(table.outbound(Protocol.ICMP, INSTANCE, 7, SERVER, 99, now())).isEqualTo(a);
    }

    @Test
    void unsolicitedInboundIsDroppedAndCounted() {
        long out = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        int natPort = NatResult.port(out);
        int stranger = Ipv4.parse("198.51.100.7").bits();

        assertThat(table.inbound(Protocol.TCP, stranger, 443, NAT_IP, natPort, now())).isEqualTo(NO_SESSION);
        assertThat(table.inbound(Protocol.TCP, SERVER, 80, NAT_IP, natPort, now())).isEqualTo(NO_SESSION);
        assertThat(table.inbound(Protocol.UDP, SERVER, 443, NAT_IP, natPort, now())).isEqualTo(NO_SESSION);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, NAT_IP, natPort == 1024 ? 1025 : natPort - 1, now())).isEqualTo(NO_SESSION);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, SECONDARY_IP, natPort, now())).isEqualTo(NO_SESSION);
        assertThat(table.counters().unsolicitedInboundDrops()).isEqualTo(5);
        assertThat(table.activeSessions()).isEqualTo(1);
    }

    @Test
    void anIdleSessionExpiresAtExactly350SecondsByTheClock() {
        long out = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());

        clock.advance(Duration.ofMillis(349_999));
        assertThat(table.expire(now())).isZero();
        assertThat(table.activeSessions()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(table.expire(now())).isEqualTo(1);
        assertThat(table.activeSessions()).isZero();
        assertThat(table.counters().idleTimeouts()).isEqualTo(1);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, NAT_IP, NatResult.port(out), now())).isEqualTo(EXPIRED);
    }

    @Test
    void trafficInEitherDirectionKeepsTheSessionAlive() {
        long out = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        clock.advance(Duration.ofSeconds(300));
        table.inbound(Protocol.TCP, SERVER, 443, NAT_IP, NatResult.port(out), now());
        clock.advance(Duration.ofSeconds(300));
        assertThat(table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now())).isEqualTo(out);
        clock.advance(Duration.ofSeconds(349));

        assertThat(table.activeSessions()).isEqualTo(1);
        assertThat(table.counters().idleTimeouts()).isZero();
    }

    @Test
    void aTcpPacketOnAnExpiredTranslationIsAnsweredWithRstAndTheNextConnectionWorks() {
        table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        clock.advance(Duration.ofSeconds(351));

        // Lazy expiry: no expire() call needed, the packet itself finds the session idle.
        assertThat(table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now())).isEqualTo(EXPIRED);
        assertThat(table.counters().expiredTcpResets()).isEqualTo(1);
        assertThat(table.counters().idleTimeouts()).isEqualTo(1);

        long retry = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        assertThat(NatResult.isTranslation(retry)).isTrue();
        assertThat(table.activeSessions()).isEqualTo(1);
    }

    @Test
    void expiredIsToldApartFromNeverSeenOnlyWhileRemembered() {
        table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());
        clock.advance(Duration.ofSeconds(350 + 350));

        // Memory of the expired session (350 s by default) is over: a plain new session.
        assertThat(NatResult.isTranslation(table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now()))).isTrue();
        assertThat(table.counters().expiredTcpResets()).isZero();
    }

    @Test
    void udpAndIcmpOnAnExpiredTranslationSimplyGetANewOne() {
        table.outbound(Protocol.UDP, INSTANCE, 5353, SERVER, 53, now());
        table.outbound(Protocol.ICMP, INSTANCE, 9, SERVER, 0, now());
        clock.advance(Duration.ofSeconds(400));

        assertThat(NatResult.isTranslation(table.outbound(Protocol.UDP, INSTANCE, 5353, SERVER, 53, now()))).isTrue();
        assertThat(NatResult.isTranslation(table.outbound(Protocol.ICMP, INSTANCE, 9, SERVER, 0, now()))).isTrue();
        assertThat(table.counters().expiredTcpResets()).isZero();
        assertThat(table.counters().idleTimeouts()).isEqualTo(2);
        assertThat(table.activeSessions()).isEqualTo(2);
    }

    @Test
    void closeEndsTheSessionAtOnceWithoutAnIdleTimeout() {
        long out = table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now());

        assertThat(table.close(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now())).isTrue();
        assertThat(table.close(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now())).isFalse();
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, NAT_IP, NatResult.port(out), now())).isEqualTo(NO_SESSION);
        assertThat(table.activeSessions()).isZero();
        assertThat(table.counters().sessionsClosed()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(table.expire(now())).isZero();
    }

    @Test
    void timePassedInNeverGoesBack() {
        table.outbound(Protocol.TCP, INSTANCE, 40123, SERVER, 443, now() + 400_000);
        // A late caller with an older time does not revive anything or break expiry order.
        table.outbound(Protocol.TCP, INSTANCE, 40124, SERVER, 443, now());

        assertThat(table.expire(now() + 749_999)).isZero();
        assertThat(table.expire(now() + 750_000)).isEqualTo(2);
    }

    @Test
    void growsPastItsInitialCapacityAndEveryTranslationStillMapsBack() {
        NatTable small = new NatTable(NAT_IP, NatConfig.aws().withInitialSessions(2));
        int flows = 20_000;
        long[] translated = new long[flows];
        for (int i = 0; i < flows; i++) {
            translated[i] = small.outbound(Protocol.UDP, INSTANCE + (i >>> 12), 1024 + (i & 0xFFF), SERVER + (i % 3), 53, 0);
        }

        assertThat(small.activeSessions()).isEqualTo(flows);
        assertThat(small.sessionCapacity()).isGreaterThanOrEqualTo(flows);
        for (int i = 0; i < flows; i++) {
            assertThat(small.inbound(Protocol.UDP, SERVER + (i % 3), 53, NAT_IP, NatResult.port(translated[i]), 0))
                    .isEqualTo(NatResult.pack(INSTANCE + (i >>> 12), 1024 + (i & 0xFFF)));
        }
        for (int i = 0; i < flows; i += 2) {
            small.close(Protocol.UDP, INSTANCE + (i >>> 12), 1024 + (i & 0xFFF), SERVER + (i % 3), 53, 0);
        }
        for (int i = 1; i < flows; i += 2) {
            assertThat(small.outbound(Protocol.UDP, INSTANCE + (i >>> 12), 1024 + (i & 0xFFF), SERVER + (i % 3), 53, 0))
                    .isEqualTo(translated[i]);
        }
        assertThat(small.activeSessions()).isEqualTo(flows / 2);
    }

    @Test
    void aMillionActiveSessionsTakeLessThan100MegabytesOfArrays() {
        NatTable big = NatTable.aws(NAT_IP);
        int sessions = 1_000_000;
        for (int i = 0; i < sessions; i++) {
            // 100 destinations, 10,000 sessions each: far below the per-destination limit.
            big.outbound(Protocol.TCP, INSTANCE + i / 50_000, 10_000 + i % 50_000, SERVER + i % 100, 443, 0);
        }

        assertThat(big.activeSessions()).isEqualTo(sessions);
        assertThat(big.approximateHeapBytes()).isLessThan(100L << 20);
        assertThat((double) big.approximateHeapBytes() / sessions).isLessThan(64);
    }

    @Test
    void portsOutsideSixteenBitsAreRejected() {
        assertThatThrownBy(() -> table.outbound(Protocol.TCP, INSTANCE, 70_000, SERVER, 443, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.inbound(Protocol.TCP, SERVER, -1, NAT_IP, 1024, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describeNamesTheOutcome() {
        assertThat(NatResult.describe(NatResult.pack(NAT_IP, 1024))).isEqualTo("10.0.10.12:1024");
        assertThat(NatResult.describe(NatResult.PORT_ALLOCATION_ERROR)).isEqualTo("ErrorPortAllocation");
        assertThat(NatResult.describe(EXPIRED)).contains("idle timeout");
    }
}
