package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.dataplane.nat.NatResult;
import io.localvpc.dataplane.nat.NatTable;

/**
 * One NAT gateway address's translations as the packet engine asks for them, kept in a
 * {@link NatTable}: the engine speaks in protocol numbers and translated ports, the table in
 * packed (address, port) words.
 */
public final class NatTableTranslator implements Translator {
    private final NatTable table;
    private final int address;

    public NatTableTranslator(int natPrivateIp) {
        this.table = NatTable.aws(natPrivateIp);
        this.address = natPrivateIp;
    }

    @Override
    public int outbound(int protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort, long nowMillis) {
        long result = table.outbound(protocolOf(protocol), sourceIp, sourcePort, destinationIp, destinationPort, nowMillis);
        if (result == NatResult.EXPIRED) {
            return EXPIRED;
        }
        return NatResult.isTranslation(result) ? NatResult.port(result) : NO_PORT;
    }

    @Override
    public long inbound(int protocol, int remoteIp, int remotePort, int translatedPort, long nowMillis) {
        long result = table.inbound(protocolOf(protocol), remoteIp, remotePort, address, translatedPort, nowMillis);
        if (!NatResult.isTranslation(result)) {
            return NO_SESSION;
        }
        return ((long) NatResult.ip(result) << 32) | (NatResult.port(result) & 0xFFFFL);
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

    /** The table behind this address, for counters (port allocation errors, unsolicited drops). */
    public NatTable table() {
        return table;
    }

    private static Protocol protocolOf(int number) {
        for (Protocol p : Protocol.values()) {
            if (p.number() == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("NAT gateways translate TCP, UDP and ICMP only, not protocol " + number);
    }
}
