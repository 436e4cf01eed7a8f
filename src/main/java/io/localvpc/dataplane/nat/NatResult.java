package io.localvpc.dataplane.nat;

/**
 * How {@link NatTable} answers without allocating: a non-negative long packs an address and a port
 * ({@code ip << 16 | port}); a negative long is one of the codes below.
 */
public final class NatResult {
    /** Outbound: every NAT address already has the maximum of sessions to this destination (ErrorPortAllocation). */
    public static final long PORT_ALLOCATION_ERROR = -1;
    /** Inbound: no translation matches (unsolicited, or to an address the gateway does not own); dropped. */
    public static final long NO_SESSION = -2;
    /** The translation idled out: a TCP packet from the instance is answered with a RST; inbound is dropped. */
    public static final long EXPIRED = -3;

    private NatResult() {}

    static long pack(int ip, int port) {
        return ((ip & 0xFFFF_FFFFL) << 16) | port;
    }

    public static boolean isTranslation(long result) {
        return result >= 0;
    }

    /** The address of a translation result, as {@link io.localvpc.model.Ipv4#bits()} holds it. */
    public static int ip(long result) {
        return (int) (result >>> 16);
    }

    /** The port (or ICMP identifier) of a translation result. */
    public static int port(long result) {
        return (int) (result & 0xFFFF);
    }

    /** For traces and test messages. */
    public static String describe(long result) {
        if (result == PORT_ALLOCATION_ERROR) {
            return "ErrorPortAllocation";
        }
        if (result == NO_SESSION) {
            return "no translation";
        }
        if (result == EXPIRED) {
            return "translation expired (idle timeout)";
        }
        int ip = ip(result);
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF)
                + ":" + port(result);
    }
}
