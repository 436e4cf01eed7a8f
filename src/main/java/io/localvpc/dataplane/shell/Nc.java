package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code nc [-v] [-z] [-n] [-w timeout] HOST PORT}: a TCP connection attempt, as nmap-ncat 7.50
 * (Amazon Linux 2's {@code nc}) reports it on stderr with {@code -v}: {@code Connected to …},
 * {@code Connection refused.} or {@code TIMEOUT.} (ncat gives up after 10 s, or {@code -w}). The
 * shell has no standard input, so without {@code -z} the connection is closed right after it
 * opens, as {@code nc HOST PORT </dev/null} does. Exit status 0 when connected, 1 otherwise, 2 on a
 * usage or name error.
 */
public final class Nc implements Tool {
    static final String BANNER = "Ncat: Version 7.50 ( https://nmap.org/ncat )\n";
    private static final String TRY_HELP = "Ncat: Try `--help' or man(1) ncat for more information, usage options and help. QUITTING.\n";

    @Override
    public String name() {
        return "nc";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        Getopt.Parsed opts;
        try {
            opts = Getopt.parse(args, "vznw:", Map.of("verbose", 'v', "wait", 'w', "nodns", 'n'));
        } catch (Getopt.Failure e) {
            return ExecResult.error((e.missingValue
                    ? "ncat: option requires an argument -- '" + e.option.replaceFirst("^--", "") + "'\n"
                    : "ncat: invalid option -- '" + e.option.replaceFirst("^--", "") + "'\n") + TRY_HELP, 2);
        }
        boolean verbose = opts.has('v');
        double waitSeconds = 10;
        if (opts.has('w')) {
            try {
                waitSeconds = Double.parseDouble(opts.value('w').replaceAll("s$", ""));
            } catch (NumberFormatException e) {
                return ExecResult.error("Ncat: Invalid -w timeout (must be greater than 0). QUITTING.\n", 2);
            }
            if (!(waitSeconds > 0)) {
                return ExecResult.error("Ncat: Invalid -w timeout (must be greater than 0). QUITTING.\n", 2);
            }
        }
        if (opts.operands().size() != 2) {
            return ExecResult.error(opts.operands().size() < 2
                    ? "Ncat: You must specify a host to connect to. QUITTING.\n"
                    : "Ncat: Got more than one port specification: " + opts.operands().get(1) + " " + opts.operands().get(2) + ". QUITTING.\n", 2);
        }
        String target = opts.operands().get(0);
        Integer port = Ping.integer(opts.operands().get(1));
        if (port == null || port < 1 || port > 65535) {
            return ExecResult.error("Ncat: Invalid port number \"" + opts.operands().get(1) + "\". QUITTING.\n", 2);
        }
        StringBuilder err = new StringBuilder();
        if (verbose) {
            err.append(BANNER);
        }
        Session.Lookup lookup = opts.has('n') && Ipv4.tryParse(target).isEmpty()
                ? new Session.Lookup.NotFound()
                : session.lookup(target);
        if (!(lookup instanceof Session.Lookup.Found)) {
            err.append("Ncat: Could not resolve hostname \"").append(target).append("\": ")
                    .append(lookup instanceof Session.Lookup.NoServer ? "Temporary failure in name resolution" : "Name or service not known")
                    .append(". QUITTING.\n");
            return ExecResult.error(err.toString(), 2);
        }
        Ipv4 address = ((Session.Lookup.Found) lookup).address();
        ProbeResult result = session.probe(Probe.tcp(address, port));
        boolean inTime = result.roundTrip() != null && result.roundTrip().toNanos() <= waitSeconds * 1e9;
        if (result.answered() && inTime) {
            if (verbose) {
                err.append("Ncat: Connected to ").append(address).append(':').append(port).append(".\n");
                err.append(String.format(Locale.ROOT, "Ncat: 0 bytes sent, 0 bytes received in %.2f seconds.\n",
                        result.roundTrip().toNanos() / 1e9));
            }
            return ExecResult.error(err.toString(), 0);
        }
        if (result.outcome() == ProbeResult.Outcome.REFUSED && inTime) {
            if (verbose) {
                err.append("Ncat: Connection refused.\n");
            }
            return ExecResult.error(err.toString(), 1);
        }
        if (verbose) {
            err.append("Ncat: TIMEOUT.\n");
        }
        return ExecResult.error(err.toString(), 1);
    }
}
