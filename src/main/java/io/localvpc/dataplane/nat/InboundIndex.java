package io.localvpc.dataplane.nat;

/**
 * Sessions by the internet's side of the flow: (protocol, remote IP and port, NAT address slot,
 * NAT port). It answers replies and is also the port allocator's occupancy map: a translated port
 * is free for a destination exactly when this index has no entry for it.
 */
final class InboundIndex extends SessionIndex {

    InboundIndex(NatSessions sessions, int expectedEntries) {
        super(sessions, expectedEntries);
    }

    static int hash(int protocol, int slot, int remoteIp, int remotePort, int natPort) {
        return mix(((long) natPort << 32) | (remoteIp & 0xFFFF_FFFFL), ((long) remotePort << 8) | slot << 4 | protocol);
    }

    @Override
    int hashOf(int s) {
        return hash(sessions.protocol(s), sessions.slot(s), sessions.dstIp[s], sessions.dstPort(s), sessions.natPort(s));
    }

    /** The session id this reply belongs to, or {@link NatSessions#NONE}. */
    int find(int protocol, int slot, int remoteIp, int remotePort, int natPort) {
        NatSessions st = sessions;
        int natBits = natPort << 16 | slot << 4 | protocol;
        int i = hash(protocol, slot, remoteIp, remotePort, natPort) & mask;
        while (true) {
            int entry = slots[i];
            if (entry == 0) {
                return NatSessions.NONE;
            }
            int s = entry - 1;
            // Compare the NAT word without its state bits.
            if (st.dstIp[s] == remoteIp && (st.ports[s] & 0xFFFF) == remotePort && (st.nat[s] & ~0xF00) == natBits) {
                return s;
            }
            i = (i + 1) & mask;
        }
    }
}
