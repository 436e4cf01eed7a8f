package io.localvpc.dataplane.nat;

/** Sessions by the instance's side of the flow: (protocol, source IP and port, destination IP and port). */
final class OutboundIndex extends SessionIndex {

    OutboundIndex(NatSessions sessions, int expectedEntries) {
        super(sessions, expectedEntries);
    }

    static int hash(int protocol, int srcIp, int ports, int dstIp) {
        return mix(((long) srcIp << 32) | (dstIp & 0xFFFF_FFFFL), ((long) ports << 8) | protocol);
    }

    @Override
    int hashOf(int s) {
        return hash(sessions.protocol(s), sessions.srcIp[s], sessions.ports[s], sessions.dstIp[s]);
    }

    /** The session id for this flow, or {@link NatSessions#NONE}. {@code ports} is {@code srcPort << 16 | dstPort}. */
    int find(int protocol, int srcIp, int ports, int dstIp) {
        NatSessions st = sessions;
        int i = hash(protocol, srcIp, ports, dstIp) & mask;
        while (true) {
            int entry = slots[i];
            if (entry == 0) {
                return NatSessions.NONE;
            }
            int s = entry - 1;
            if (st.srcIp[s] == srcIp && st.ports[s] == ports && st.dstIp[s] == dstIp && (st.nat[s] & 0xF) == protocol) {
                return s;
            }
            i = (i + 1) & mask;
        }
    }
}
