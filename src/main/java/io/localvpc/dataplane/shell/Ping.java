package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ping [-c count] [-W timeout] [-t ttl] [-q] [-n] HOST}, as iputils prints it on Amazon Linux.
 * One ICMP echo request per second of simulated time (nothing waits: the times are computed).
 * Without {@code -c} it sends 4 requests, because the shell is not interactive and nobody could
 * press Ctrl-C. Exit status 0 when any reply came back, 1 when none did, 2 on a usage or name
 * error.
 */
public final class Ping implements Tool {
    static final int DEFAULT_COUNT = 4;
    static final int MAX_COUNT = 1000;
    static final String USAGE = """
            Usage: ping [-nq] [-c count] [-W timeout] [-t ttl] destination
              -c count    stop after sending <count> requests (LocalVPC default: 4, the shell is not interactive)
              -W timeout  seconds to wait for each reply (default: 10)
              -t ttl      time to live of the requests (default: 64)
              -n          numeric output only
              -q          quiet: only the summary lines
            """;

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        Getopt.Parsed opts;
        try {
            opts = Getopt.parse(args, "c:W:t:qnh", Map.of());
        } catch (Getopt.Failure e) {
            return ExecResult.error((e.missingValue
                    ? "ping: option requires an argument -- '" + e.option + "'\n"
                    : "ping: invalid option -- '" + e.option.replaceFirst("^--", "") + "'\n") + USAGE, 2);
        }
        if (opts.has('h')) {
            return ExecResult.error(USAGE, 2);
        }
        if (opts.operands().size() != 1) {
            return ExecResult.error(opts.operands().isEmpty() ? "ping: usage error: Destination address required\n" : USAGE, 2);
        }
        int count = DEFAULT_COUNT;
        if (opts.has('c')) {
            Integer c = integer(opts.value('c'));
            if (c == null || c < 1) {
                return ExecResult.error("ping: bad number of packets to transmit.\n", 2);
            }
            if (c > MAX_COUNT) {
                return ExecResult.error("ping: the LocalVPC shell sends at most " + MAX_COUNT + " requests per ping\n", 2);
            }
            count = c;
        }
        double timeoutSeconds = 10;
        if (opts.has('W')) {
            try {
                timeoutSeconds = Double.parseDouble(opts.value('W'));
            } catch (NumberFormatException e) {
                timeoutSeconds = -1;
            }
            if (timeoutSeconds < 0 || Double.isNaN(timeoutSeconds)) {
                return ExecResult.error("ping: bad linger time: " + opts.value('W') + "\n", 2);
            }
        }
        int ttl = Probe.DEFAULT_TTL;
        if (opts.has('t')) {
            Integer t = integer(opts.value('t'));
            if (t == null || t < 1 || t > 255) {
                return ExecResult.error("ping: invalid argument: '" + opts.value('t') + "': out of range: 1 <= value <= 255\n", 2);
            }
            ttl = t;
        }
        boolean quiet = opts.has('q');
        boolean numeric = opts.has('n');
        String target = opts.operands().get(0);
        Session.Lookup lookup = session.lookup(target);
        if (lookup instanceof Session.Lookup.NotFound) {
            return ExecResult.error("ping: " + target + ": Name or service not known\n", 2);
        }
        if (lookup instanceof Session.Lookup.NoServer) {
            return ExecResult.error("ping: " + target + ": Temporary failure in name resolution\n", 2);
        }
        Ipv4 destination = ((Session.Lookup.Found) lookup).address();
        boolean byName = Ipv4.tryParse(target).isEmpty();
        String from = byName && !numeric ? destination + " (" + destination + ")" : destination.toString();

        StringBuilder out = new StringBuilder();
        out.append("PING ").append(target).append(" (").append(destination).append(") 56(84) bytes of data.\n");
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        List<Duration> times = new ArrayList<>();
        int errors = 0;
        Probe probe = Probe.ping(destination).withTtl(ttl);
        // One request every 1001 ms (the interval the summary prints), then the wait for the last one.
        Duration lastWait = timeout;
        for (int seq = 1; seq <= count; seq++) {
            ProbeResult result = session.probe(probe);
            lastWait = timeout;
            switch (result.outcome()) {
                case ANSWERED -> {
                    if (result.roundTrip() != null && result.roundTrip().compareTo(timeout) <= 0) {
                        times.add(result.roundTrip());
                        lastWait = result.roundTrip();
                        if (!quiet) {
                            out.append("64 bytes from ").append(from).append(": icmp_seq=").append(seq)
                                    .append(" ttl=").append(result.replyTtl())
                                    .append(" time=").append(millis(result.roundTrip())).append(" ms\n");
                        }
                    }
                }
                case TTL_EXCEEDED -> {
                    errors++;
                    if (!quiet) {
                        out.append("From ").append(result.answeredBy()).append(" icmp_seq=").append(seq)
                                .append(" Time to live exceeded\n");
                    }
                }
                case REFUSED -> {
                    errors++;
                    if (!quiet) {
                        out.append("From ").append(result.answeredBy() == null ? destination : result.answeredBy())
                                .append(" icmp_seq=").append(seq).append(" Destination Host Unreachable\n");
                    }
                }
                case NO_ANSWER -> {
                    // silence: the request is simply lost
                }
            }
        }
        int received = times.size();
        out.append('\n').append("--- ").append(target).append(" ping statistics ---\n");
        out.append(count).append(" packets transmitted, ").append(received).append(" received, ");
        if (errors > 0) {
            out.append('+').append(errors).append(" errors, ");
        }
        out.append(percent((count - received) * 100.0 / count)).append("% packet loss, time ")
                .append((count - 1) * 1001L).append("ms\n");
        if (received > 0) {
            double[] ms = times.stream().mapToDouble(d -> d.toNanos() / 1e6).toArray();
            double min = Double.MAX_VALUE, max = 0, sum = 0, sumSquares = 0;
            for (double t : ms) {
                min = Math.min(min, t);
                max = Math.max(max, t);
                sum += t;
                sumSquares += t * t;
            }
            double avg = sum / received;
            double mdev = Math.sqrt(Math.max(0, sumSquares / received - avg * avg));
            out.append(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n", min, avg, max, mdev));
        }
        Duration elapsed = Duration.ofMillis((count - 1) * 1001L).plus(lastWait);
        return new ExecResult(out.toString(), "", received > 0 ? 0 : 1, elapsed);
    }

    /** A round trip as iputils prints it: 0.035, 2.91, 12.3, 123. */
    static String millis(Duration roundTrip) {
        long micros = Math.max(0, roundTrip.toNanos() / 1000);
        if (micros >= 100_000) {
            return Long.toString(micros / 1000);
        }
        if (micros >= 10_000) {
            return micros / 1000 + "." + (micros % 1000) / 100;
        }
        if (micros >= 1_000) {
            return micros / 1000 + "." + String.format(Locale.ROOT, "%02d", (micros % 1000) / 10);
        }
        return "0." + String.format(Locale.ROOT, "%03d", micros);
    }

    /** printf's %g as ping uses it for the loss: 0, 25, 33.3333, 100. */
    static String percent(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static Integer integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
