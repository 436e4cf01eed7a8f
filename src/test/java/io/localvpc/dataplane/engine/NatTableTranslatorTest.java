package io.localvpc.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Ipv4;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's NAT translator over a NatTable: ports, replies, idle expiry by the clock, the per-destination limit. */
class NatTableTranslatorTest {
    private static final int TCP = 6;
    private static final int INSTANCE = Ipv4.parse("10.0.20.5").bits();
    private static final int SERVER = Ipv4.parse("93.184.215.14").bits();
    private static final int NAT_ADDRESS = Ipv4.parse("10.0.10.12").bits();

    @Test
    void replies_find_the_original_until_350_seconds_idle() {
        Translator nat = new NatTableTranslator(new int[] {NAT_ADDRESS});
        long translation = nat.outbound(TCP, INSTANCE, 40123, SERVER, 443, 0);
        int port = Translator.port(translation);
        assertThat(Translator.address(translation)).isEqualTo(NAT_ADDRESS);
        assertThat(port).isBetween(1024, 65535);
        assertThat(nat.outbound(TCP, INSTANCE, 40123, SERVER, 443, 1000)).isEqualTo(translation);
        long original = nat.inbound(TCP, SERVER, 443, NAT_ADDRESS, port, 349_000 + 1000 - 1);
        assertThat((int) (original >>> 32)).isEqualTo(INSTANCE);
        assertThat((int) original).isEqualTo(40123);
        assertThat(nat.inbound(TCP, SERVER, 80, NAT_ADDRESS, port, 360_000)).isEqualTo(Translator.NO_SESSION);
        assertThat(nat.inbound(TCP, SERVER, 443, NAT_ADDRESS, port, 349_999 + 349_999)).isNotEqualTo(Translator.NO_SESSION);
        assertThat(nat.inbound(TCP, SERVER, 443, NAT_ADDRESS, port, 349_999 + 349_999 + 350_000)).isEqualTo(Translator.NO_SESSION);
        assertThat(nat.idleTimeouts()).isEqualTo(1);
        assertThat(nat.activeSessions(2_000_000)).isZero();
    }

    @Test
    void at_most_55000_sessions_per_destination_and_other_destinations_unaffected() {
        Translator nat = new NatTableTranslator(new int[] {NAT_ADDRESS});
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < Translator.MAX_PER_DESTINATION; i++) {
            ports.add(Translator.port(nat.outbound(TCP, INSTANCE + (i / 60000), 1024 + i % 60000, SERVER, 443, 0)));
        }
        assertThat(ports).hasSize(Translator.MAX_PER_DESTINATION).allMatch(p -> p >= 1024 && p <= 65535);
        assertThat(nat.outbound(TCP, INSTANCE + 5, 1, SERVER, 443, 1)).isEqualTo(Translator.NO_PORT);
        assertThat(nat.outbound(TCP, INSTANCE + 5, 1, SERVER, 80, 1)).isNotEqualTo(Translator.NO_PORT);
        assertThat(nat.outbound(TCP, INSTANCE + 5, 1, SERVER, 443, 350_000)).isNotEqualTo(Translator.NO_PORT);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void every_live_session_maps_back_to_its_own_flow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Translator nat = new NatTableTranslator(new int[] {NAT_ADDRESS});
        for (int i = 0; i < 2000; i++) {
            int source = INSTANCE + random.nextInt(50);
            int sourcePort = 32768 + random.nextInt(28000);
            int destination = SERVER + random.nextInt(3);
            int destinationPort = random.nextBoolean() ? 443 : 80;
            long translation = nat.outbound(TCP, source, sourcePort, destination, destinationPort, i);
            long back = nat.inbound(TCP, destination, destinationPort, Translator.address(translation),
                    Translator.port(translation), i);
            assertThat((int) (back >>> 32)).isEqualTo(source);
            assertThat((int) back).isEqualTo(sourcePort);
        }
    }

    @Test
    void a_secondary_address_takes_the_next_55000_connections_to_a_busy_destination() {
        int secondary = Ipv4.parse("10.0.10.13").bits();
        Translator nat = new NatTableTranslator(new int[] {NAT_ADDRESS, secondary});
        for (int i = 0; i < Translator.MAX_PER_DESTINATION; i++) {
            assertThat(Translator.address(nat.outbound(TCP, INSTANCE + (i / 60000), 1024 + i % 60000, SERVER, 443, 0)))
                    .isEqualTo(NAT_ADDRESS);
        }
        long next = nat.outbound(TCP, INSTANCE + 5, 1, SERVER, 443, 1);
        assertThat(next).isNotEqualTo(Translator.NO_PORT);
        assertThat(Translator.address(next)).isEqualTo(secondary);
        long back = nat.inbound(TCP, SERVER, 443, secondary, Translator.port(next), 2);
        assertThat(Translator.address(back)).isEqualTo(INSTANCE + 5);
    }
}
