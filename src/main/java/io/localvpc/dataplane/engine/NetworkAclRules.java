package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NetworkAcl.Entry;
import io.localvpc.model.ec2.NetworkAcl;
import java.util.Comparator;
import java.util.List;

/**
 * Network ACL evaluation: stateless, one direction at a time, the entries of that direction by
 * rule number, lowest first, the first that matches decides; none matching meets the fixed
 * {@code *} deny, reported as rule 32767.
 */
public final class NetworkAclRules {
    private NetworkAclRules() {}

    /** Which rule decided, and whether it allowed; {@code entry} is null for the final {@code *} deny. */
    public record Verdict(boolean allowed, int ruleNumber, Entry entry) {}

    /**
     * @param peer the far address: the destination for egress, the source for ingress
     * @param port the destination port for TCP and UDP
     * @param icmpType the ICMP type for ICMP
     */
    public static Verdict evaluate(NetworkAcl acl, boolean egress, Protocol protocol, int port, int icmpType, Ipv4 peer) {
        List<Entry> ordered = acl.entries().stream()
                .filter(e -> e.egress() == egress)
                .sorted(Comparator.comparingInt(Entry::ruleNumber))
                .toList();
        for (Entry entry : ordered) {
            if (matches(entry, protocol, port, icmpType, peer)) {
                return new Verdict(entry.allow(), entry.ruleNumber(), entry);
            }
        }
        return new Verdict(false, NetworkAcl.DEFAULT_RULE_NUMBER, null);
    }

    static boolean matches(Entry entry, Protocol protocol, int port, int icmpType, Ipv4 peer) {
        if (entry.cidrBlock() == null || !entry.cidrBlock().contains(peer)) {
            return false;
        }
        String p = entry.protocol();
        if ("-1".equals(p)) {
            return true;
        }
        if (!p.equals(Integer.toString(protocol.number()))) {
            return false;
        }
        return switch (protocol) {
            case TCP, UDP -> entry.fromPort() == null || entry.toPort() == null
                    || (port >= entry.fromPort() && port <= entry.toPort());
            case ICMP -> entry.icmpType() == null || entry.icmpType() == -1 || entry.icmpType() == icmpType;
        };
    }

    /** {@code rule 100 allow all from 0.0.0.0/0}, for trace hops. */
    public static String describe(Verdict verdict, boolean egress) {
        if (verdict.entry() == null) {
            return "rule * (" + NetworkAcl.DEFAULT_RULE_NUMBER + ") deny all";
        }
        Entry e = verdict.entry();
        String what = switch (e.protocol()) {
            case "-1" -> "all";
            case "6" -> "tcp " + range(e);
            case "17" -> "udp " + range(e);
            case "1" -> "icmp" + (e.icmpType() == null || e.icmpType() == -1 ? "" : " type " + e.icmpType());
            default -> "protocol " + e.protocol();
        };
        return "rule " + e.ruleNumber() + " " + (e.allow() ? "allow " : "deny ") + what + (egress ? " to " : " from ")
                + e.cidrBlock();
    }

    private static String range(Entry e) {
        if (e.fromPort() == null) {
            return "all ports";
        }
        return e.fromPort().equals(e.toPort()) ? e.fromPort().toString() : e.fromPort() + "-" + e.toPort();
    }
}
