package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.nat.NatResult;
import io.localvpc.dataplane.nat.NatTable;

/**
 * A NAT gateway's translations as the packet engine asks for them, kept in a {@link NatTable} over
 * all of the gateway's private addresses (primary first), so secondary addresses add 55,000
 * connections per destination each.
 */
public final class NatTableTranslator implements Translator {
    /** Protocol.values() clones its array on every call; this runs for every packet through the gateway. */
    private static final Protocol[] PROTOCOLS = Protocol.values();

    private final NatTable table;

    /** @param addresses the gateway's private addresses, primary first */
    public NatTableTranslator(int[] addresses) {
        this.table = NatTable.aws(addresses[0], java.util.Arrays.copyOfRange(addresses, 1, addresses.length));
    }

    @Override
    public long outbound(int protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort, long nowMillis) {
        long result = table.outbound(protocolOf(protocol), sourceIp, sourcePort, destinationIp, destinationPort, nowMillis);
        if (result == NatResult.EXPIRED) {
            return EXPIRED;
        }
        return NatResult.isTranslation(result) ? packed(result) : NO_PORT;
    }

    @Override
    public long inbound(int protocol, int remoteIp, int remotePort, int natIp, int translatedPort, long nowMillis) {
        long result = table.inbound(protocolOf(protocol), remoteIp, remotePort, natIp, translatedPort, nowMillis);
        return NatResult.isTranslation(result) ? packed(result) : NO_SESSION;
    }

    private static long packed(long natResult) {
        return ((long) NatResult.ip(natResult) << 32) | (NatResult.port(natResult) & 0xFFFFL);
    }

    @Override
    public int activeSessions(long nowMillis) {
        table.expire(nowMillis);
        return (int) table.activeSessions();
    }

    @Override
    public long idleTimeouts() {
        return table.counters().idleTimeouts();
    }

    private static Protocol protocolOf(int number) {
        for (Protocol p : PROTOCOLS) {
            if (p.number() == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("NAT gateways translate TCP, UDP and ICMP only, not protocol " + number);
    }
}
