package io.localvpc.terraform.aws.ec2;

import java.util.Locale;
import java.util.Map;

/**
 * Security group protocols as the provider normalises them before comparing and storing: {@code all}
 * and {@code -1} both become {@code -1}, a known protocol number becomes its name ({@code 6} is
 * {@code tcp}), names are lower-cased, anything else is kept as written.
 */
public final class IpProtocols {
    public static final String ALL = "-1";

    /** IANA protocol names the provider knows by number (the ones a security group rule is written with). */
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ggp", 3), Map.entry("ipv4", 4),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("igp", 9), Map.entry("udp", 17),
            Map.entry("rdp", 27), Map.entry("dccp", 33), Map.entry("ipv6", 41), Map.entry("ipv6-route", 43),
            Map.entry("ipv6-frag", 44), Map.entry("rsvp", 46), Map.entry("gre", 47), Map.entry("esp", 50),
            Map.entry("ah", 51), Map.entry("icmpv6", 58), Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60),
            Map.entry("eigrp", 88), Map.entry("ospf", 89), Map.entry("pim", 103), Map.entry("vrrp", 112),
            Map.entry("l2tp", 115), Map.entry("sctp", 132), Map.entry("udplite", 136), Map.entry("mpls-in-ip", 137));

    private IpProtocols() {}

    /** The provider's {@code protocolForValue}: what state holds for a configured protocol. */
    public static String normalize(String protocol) {
        if (protocol == null) {
            return null;
        }
        String lower = protocol.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("-1") || lower.equals("all")) {
            return ALL;
        }
        if (NUMBERS.containsKey(lower)) {
            return lower;
        }
        try {
            int number = Integer.parseInt(lower);
            return NUMBERS.entrySet().stream().filter(e -> e.getValue() == number).map(Map.Entry::getKey)
                    .findFirst().orElse(lower);
        } catch (NumberFormatException e) {
            return lower;
        }
    }

    /** Whether two protocols mean the same ({@code all} and {@code -1}, {@code tcp} and {@code 6}). */
    public static boolean equivalent(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }
}
