package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code traceroute [-I] [-n] [-m max_ttl] [-q nqueries] HOST}, as Linux traceroute 2.0 prints it.
 * Like Linux's default it sends UDP datagrams to ports 33434 and up (one port per probe), three
 * per TTL starting at 1, and stops at the TTL where the destination itself answers (with an ICMP
 * port unreachable, here a REFUSED probe); {@code -I} sends ICMP echo requests instead. A hop
 * whose TTL runs out answers with its address (a NAT gateway's private address, for one); a
 * probe nobody answers prints {@code *}.
 */
public final class Traceroute implements Tool {
    static final int FIRST_PORT = 33434;

    @Override
    public String name() {
        return "traceroute";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        Getopt.Parsed opts;
        try {
            opts = Getopt.parse(args, "Inm:q:", Map.of("icmp", 'I', "max-hops", 'm', "queries", 'q'));
        } catch (Getopt.Failure e) {
            return ExecResult.error((e.option.startsWith("--") ? "Bad option `" + e.option : "Bad option `-" + e.option)
                    + "' (argc 1)\n", 2);
        }
        if (opts.operands().isEmpty()) {
            return ExecResult.error("Usage: traceroute [ -In ] [ -m max_ttl ] [ -q nqueries ] host\n", 2);
        }
        int maxTtl = 30;
        if (opts.has('m')) {
            Integer m = Ping.integer(opts.value('m'));
            if (m == null || m < 1 || m > 255) {
                return ExecResult.error("max hops cannot be more than 255\n", 2);
            }
            maxTtl = m;
        }
        int queries = 3;
        if (opts.has('q')) {
            Integer q = Ping.integer(opts.value('q'));
            if (q == null || q < 1 || q > 10) {
                return ExecResult.error("no more than 10 probes per hop\n", 2);
            }
            queries = q;
        }
        boolean icmp = opts.has('I');
        boolean numeric = opts.has('n');
        String target = opts.operands().get(0);
        Session.Lookup lookup = session.lookup(target);
        if (!(lookup instanceof Session.Lookup.Found)) {
            return ExecResult.error(target + (lookup instanceof Session.Lookup.NoServer
                            ? ": Temporary failure in name resolution\n"
                            : ": Name or service not known\n")
                    + "Cannot handle \"host\" cl arg `" + target + "' on position 1 (argc 1)\n", 2);
        }
        Ipv4 destination = ((Session.Lookup.Found) lookup).address();
        StringBuilder out = new StringBuilder();
        out.append("traceroute to ").append(target).append(" (").append(destination).append("), ")
                .append(maxTtl).append(" hops max, 60 byte packets\n");
        int port = FIRST_PORT;
        for (int ttl = 1; ttl <= maxTtl; ttl++) {
            out.append(String.format(Locale.ROOT, "%2d ", ttl));
            Ipv4 previous = null;
            boolean arrived = false;
            boolean unreachable = false;
            for (int q = 0; q < queries; q++) {
                Probe probe = icmp ? Probe.ping(destination).withTtl(ttl) : Probe.udp(destination, port++).withTtl(ttl);
                ProbeResult result = session.probe(probe);
                if (result.outcome() == ProbeResult.Outcome.NO_ANSWER || result.roundTrip() == null || result.answeredBy() == null) {
                    out.append(" *");
                    continue;
                }
                Ipv4 from = result.answeredBy();
                if (!from.equals(previous)) {
                    out.append(' ').append(numeric ? from.toString() : from + " (" + from + ")");
                    previous = from;
                }
                out.append(String.format(Locale.ROOT, "  %.3f ms", result.roundTrip().toNanos() / 1e6));
                boolean fromDestination = from.equals(destination);
                if (result.outcome() == ProbeResult.Outcome.REFUSED && !fromDestination) {
                    out.append(" !H");
                    unreachable = true;
                }
                if (fromDestination && result.outcome() != ProbeResult.Outcome.TTL_EXCEEDED) {
                    arrived = true;
                }
            }
            out.append('\n');
            if (arrived || unreachable) {
                break;
            }
        }
        return ExecResult.ok(out.toString());
    }
}
