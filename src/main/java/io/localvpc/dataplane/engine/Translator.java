package io.localvpc.dataplane.engine;

/**
 * The source NAT of one NAT gateway over all of its private addresses, in primitives so a
 * high-performance table can stand behind it. A flow is (protocol, source IP and port, destination
 * IP and port); IPv4 addresses are their 32 bits in an int, ICMP echo identifiers travel as ports,
 * time is epoch milliseconds from the simulated clock; a translation is packed as
 * {@code address << 32 | port}. Implementations expire a session after {@link #IDLE_TIMEOUT_MILLIS}
 * without traffic either way, and hold at most {@link #MAX_PER_DESTINATION} sessions to each
 * (protocol, destination IP, destination port) per address. Must be safe for concurrent use.
 */
public interface Translator {
    long IDLE_TIMEOUT_MILLIS = 350_000;
    int MAX_PER_DESTINATION = 55_000;
    int FIRST_PORT = 1024;
    int LAST_PORT = 65535;

    /** Returned by {@link #outbound} when every address's ports to that destination are in use. */
    long NO_PORT = -1L;

    /**
     * Returned by {@link #outbound} for a TCP packet of a connection whose translation idled out:
     * the NAT gateway answers it with a RST (AWS documents this, where a NAT instance sends FIN).
     */
    long EXPIRED = -2L;

    /** Returned by {@link #inbound} when no live session matches. */
    long NO_SESSION = -1L;

    /**
     * The translated source (one of the gateway's addresses, and a port 1024–65535) of the flow,
     * allocating it on the flow's first packet and refreshing it on later ones; {@link #NO_PORT}
     * when the destination's 55,000 per address are taken on every address; {@link #EXPIRED}.
     */
    long outbound(int protocol, int sourceIp, int sourcePort, int destinationIp, int destinationPort, long nowMillis);

    /**
     * The original source of the session a reply to {@code natIp:translatedPort} belongs to, packed
     * the same way, refreshing the session; {@link #NO_SESSION} when unsolicited or expired.
     */
    long inbound(int protocol, int remoteIp, int remotePort, int natIp, int translatedPort, long nowMillis);

    /** Live sessions now (expired ones are dropped first). */
    int activeSessions(long nowMillis);

    /** How many sessions have expired idle so far (CloudWatch IdleTimeoutCount). */
    long idleTimeouts();

    static int address(long translation) {
        return (int) (translation >>> 32);
    }

    static int port(long translation) {
        return (int) (translation & 0xFFFF_FFFFL);
    }
}
