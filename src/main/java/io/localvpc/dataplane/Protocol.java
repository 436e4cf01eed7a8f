package io.localvpc.dataplane;

/** The IP protocols the simulated network carries, with their IANA numbers. */
public enum Protocol {
    ICMP(1),
    TCP(6),
    UDP(17);

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** "icmp", "tcp" or "udp", as security group rules and the trace command spell them. */
    public String lowerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
