package io.localvpc.dataplane.nat;

import static io.localvpc.dataplane.nat.NatResult.PORT_ALLOCATION_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 55,000 simultaneous connections per NAT address to one destination (IP, port, protocol). */
class NatPortLimitTest {
    static final int NAT_IP = Ipv4.parse("10.0.10.12").bits();
    static final int SECONDARY_IP = Ipv4.parse("10.0.10.13").bits();
    static final int SERVER = Ipv4.parse("93.184.216.34").bits();
    static final int OTHER_SERVER = Ipv4.parse("93.184.216.35").bits();
    static final int FIRST_INSTANCE = Ipv4.parse("10.0.20.0").bits();

    /** Connection {@code i} comes from its own (instance, source port). */
    private static long connect(NatTable table, int i, int server, int port) {
        return table.outbound(Protocol.TCP, FIRST_INSTANCE + i / 50_000, 10_000 + i % 50_000, server, port, 0);
    }

    private static NatTable tableAtTheLimit() {
        NatTable table = NatTable.aws(NAT_IP);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 55_000; i++) {
            long out = connect(table, i, SERVER, 443);
            assertThat(NatResult.isTranslation(out)).as("connection %d", i + 1).isTrue();
            ports.add(NatResult.port(out));
        }
        assertThat(ports).hasSize(55_000);
        return table;
    }

    @Test
    void the55001stConnectionToOneDestinationFailsWhileAnotherDestinationSucceeds() {
        NatTable table = tableAtTheLimit();

        assertThat(connect(table, 55_000, SERVER, 443)).isEqualTo(PORT_ALLOCATION_ERROR);
        assertThat(table.counters().portAllocationErrors()).isEqualTo(1);
        // Existing connections keep working.
        assertThat(NatResult.isTranslation(connect(table, 0, SERVER, 443))).isTrue();
        // Another destination: other IP, other port, or other protocol.
        assertThat(NatResult.isTranslation(connect(table, 55_000, OTHER_SERVER, 443))).isTrue();
        assertThat(NatResult.isTranslation(connect(table, 55_000, SERVER, 80))).isTrue();
        assertThat(NatResult.isTranslation(table.outbound(Protocol.UDP, FIRST_INSTANCE, 10_000, SERVER, 443, 0))).isTrue();
        assertThat(table.activeSessionsTo(NAT_IP, Protocol.TCP, SERVER, 443)).isEqualTo(55_000);
    }

    @Test
    void aSecondaryAddressRaisesTheLimit() {
        NatTable table = tableAtTheLimit();
        assertThat(connect(table, 55_000, SERVER, 443)).isEqualTo(PORT_ALLOCATION_ERROR);

        table.addAddress(SECONDARY_IP);
        long out = connect(table, 55_000, SERVER, 443);

        assertThat(NatResult.ip(out)).isEqualTo(SECONDARY_IP);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, SECONDARY_IP, NatResult.port(out), 0))
                .isEqualTo(NatResult.pack(FIRST_INSTANCE + 1, 10_000 + 5_000));
        assertThat(table.activeSessionsTo(SECONDARY_IP, Protocol.TCP, SERVER, 443)).isEqualTo(1);
    }

    @Test
    void closingOneConnectionFreesAPlaceUnderTheLimit() {
        NatTable table = tableAtTheLimit();
        table.close(Protocol.TCP, FIRST_INSTANCE, 10_017, SERVER, 443, 0);

        assertThat(NatResult.isTranslation(connect(table, 55_000, SERVER, 443))).isTrue();
        assertThat(connect(table, 55_001, SERVER, 443)).isEqualTo(PORT_ALLOCATION_ERROR);
    }

    @Test
    void idleExpiryFreesPlacesUnderTheLimit() {
        NatTable table = tableAtTheLimit();

        long later = NatConfig.AWS_IDLE_TIMEOUT_MILLIS;
        long out = table.outbound(Protocol.TCP, FIRST_INSTANCE + 1, 10_000 + 5_000, SERVER, 443, later);
        assertThat(NatResult.isTranslation(out)).isTrue();
        assertThat(table.counters().idleTimeouts()).isEqualTo(55_000);
        assertThat(table.activeSessions()).isEqualTo(1);
    }

    @Test
    void eightAddressesAtMostAndAllocationGoesPrimaryFirst() {
        NatConfig tiny = NatConfig.aws().withPorts(1024, 1033, 10);
        NatTable table = new NatTable(NAT_IP, tiny);
        for (int i = 1; i < 8; i++) {
            table.addAddress(NAT_IP + i);
        }
        assertThatThrownBy(() -> table.addAddress(NAT_IP + 8)).isInstanceOf(IllegalStateException.class);

        for (int i = 0; i < 80; i++) {
            long out = connect(table, i, SERVER, 443);
            assertThat(NatResult.ip(out)).as("connection %d", i).isEqualTo(NAT_IP + i / 10);
        }
        assertThat(connect(table, 80, SERVER, 443)).isEqualTo(PORT_ALLOCATION_ERROR);
    }

    @Test
    void aRemovedAddressDrainsItsSessionsButTakesNoNewOnes() {
        NatConfig tiny = NatConfig.aws().withPorts(1024, 1025, 2);
        NatTable table = new NatTable(NAT_IP, tiny);
        table.addAddress(SECONDARY_IP);
        connect(table, 0, SERVER, 443);
        connect(table, 1, SERVER, 443);
        long onSecondary = connect(table, 2, SERVER, 443);
        assertThat(NatResult.ip(onSecondary)).isEqualTo(SECONDARY_IP);

        assertThat(table.removeAddress(SECONDARY_IP)).isTrue();
        assertThat(table.addresses()).containsExactly(NAT_IP);
        assertThat(connect(table, 3, SERVER, 443)).isEqualTo(PORT_ALLOCATION_ERROR);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, SECONDARY_IP, NatResult.port(onSecondary), 0))
                .isEqualTo(NatResult.pack(FIRST_INSTANCE, 10_002));

        table.close(Protocol.TCP, FIRST_INSTANCE, 10_002, SERVER, 443, 0);
        assertThat(table.inbound(Protocol.TCP, SERVER, 443, SECONDARY_IP, NatResult.port(onSecondary), 0))
                .isEqualTo(NatResult.NO_SESSION);
        // Drained, the slot is free for another address.
        int third = Ipv4.parse("10.0.10.14").bits();
        table.addAddress(third);
        assertThat(NatResult.ip(connect(table, 3, SERVER, 443))).isEqualTo(third);
    }
}
