package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code curl [-s] [-S] [-v] [-I] [-i] [-f] [-k] [-m seconds] [--connect-timeout seconds] [-o /dev/null] [-w format] URL},
 * as curl 7.79 on Amazon Linux 2 behaves with its output not on a terminal (so the progress meter
 * goes to stderr unless {@code -s}). The host is resolved through the VPC resolver, a TCP SYN is
 * probed to the port, and the web server's answer is asked for with the source address the server
 * saw (a NAT gateway's Elastic IP for a private instance). Exit codes: 6 could not resolve host,
 * 7 failed to connect (refused, or the kernel gave up after its SYN retries), 28 timed out
 * ({@code -m}/{@code --connect-timeout}), 52 empty reply, 22 HTTP error with {@code -f}.
 */
public final class Curl implements Tool {
    static final String VERSION = "7.79.1";
    /** How long Linux keeps retrying a SYN nobody answers (tcp_syn_retries = 6: 1+2+4+…+64 s). */
    static final long KERNEL_CONNECT_TIMEOUT_MS = 127_000;
    private static final Pattern URL = Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^/:?#]+)(?::(\\d*))?([^?#]*)(\\?[^#]*)?(#.*)?");
    private static final Map<String, Character> LONG = Map.ofEntries(
            Map.entry("silent", 's'), Map.entry("show-error", 'S'), Map.entry("verbose", 'v'),
            Map.entry("head", 'I'), Map.entry("include", 'i'), Map.entry("fail", 'f'),
            Map.entry("max-time", 'm'), Map.entry("connect-timeout", 'T'), Map.entry("output", 'o'),
            Map.entry("write-out", 'w'), Map.entry("insecure", 'k'));

    @Override
    public String name() {
        return "curl";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        Getopt.Parsed opts;
        try {
            opts = Getopt.parse(args, "sSvIifm:T:o:w:k", LONG);
        } catch (Getopt.Failure e) {
            String option = e.option.startsWith("--") ? e.option : "-" + e.option;
            return ExecResult.error("curl: option " + option + ": "
                    + (e.missingValue ? "requires parameter" : "is unknown")
                    + "\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
        }
        if (opts.operands().isEmpty()) {
            return ExecResult.error("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
        }
        Request request = new Request(session, opts);
        return request.run(opts.operands().get(0));
    }

    /** One transfer: its options, and what it has written so far. */
    private static final class Request {
        private final Session session;
        private final boolean silent;
        private final boolean showError;
        private final boolean verbose;
        private final boolean head;
        private final boolean include;
        private final boolean fail;
        private final Double maxTime;
        private final Double connectTimeout;
        private final String output;
        private final String writeOut;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        private boolean meterStarted;
        /** How long the transfer took in simulated time, for the caller's clock (not printed). */
        private Duration elapsed = Duration.ZERO;

        Request(Session session, Getopt.Parsed opts) {
            this.session = session;
            this.silent = opts.has('s');
            this.showError = opts.has('S');
            this.verbose = opts.has('v');
            this.head = opts.has('I');
            this.include = opts.has('i');
            this.fail = opts.has('f');
            this.maxTime = seconds(opts.value('m'));
            this.connectTimeout = seconds(opts.value('T'));
            this.output = opts.value('o');
            this.writeOut = opts.value('w');
        }

        ExecResult run(String url) {
            if ((maxTime != null && maxTime < 0) || (connectTimeout != null && connectTimeout < 0)) {
                return ExecResult.error("curl: option " + (maxTime != null && maxTime < 0 ? "-m" : "--connect-timeout")
                        + ": expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
            }
            if (output != null && !output.equals("/dev/null") && !output.equals("-")) {
                return ExecResult.error("curl: (23) Failure writing output to destination (the LocalVPC shell has no file system; use -o /dev/null)\n", 23);
            }
            Matcher m = URL.matcher(url);
            if (!m.matches() || m.group(2).isEmpty()) {
                return failure(3, "URL using bad/illegal format or missing URL", null);
            }
            String scheme = m.group(1) == null ? "http" : m.group(1).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return failure(1, "Protocol \"" + scheme + "\" not supported or disabled in libcurl", null);
            }
            String hostName = m.group(2);
            int defaultPort = scheme.equals("https") ? 443 : 80;
            // Ping.integer, not Integer.parseInt: a port too long for an int is a bad URL, not an exception.
            Integer port = m.group(3) == null || m.group(3).isEmpty() ? Integer.valueOf(defaultPort) : Ping.integer(m.group(3));
            if (port == null || port < 1 || port > 65535) {
                return failure(3, "URL using bad/illegal format or missing URL", null);
            }
            String path = (m.group(4).isEmpty() ? "/" : m.group(4)) + (m.group(5) == null ? "" : m.group(5));

            startMeter();
            Session.Lookup lookup = session.lookup(hostName);
            if (!(lookup instanceof Session.Lookup.Found)) {
                verbose("* Could not resolve host: " + hostName);
                verbose("* Closing connection 0");
                return failure(6, "Could not resolve host: " + hostName, null);
            }
            Ipv4 address = ((Session.Lookup.Found) lookup).address();
            verbose("*   Trying " + address + ":" + port + "...");
            ProbeResult connect = session.probe(Probe.tcp(address, port));
            Double limit = connectTimeout != null ? minimum(connectTimeout, maxTime) : maxTime;
            long limitMs = limit == null ? Long.MAX_VALUE : Math.round(limit * 1000);
            if (connect.answered() && connect.roundTrip() != null && connect.roundTrip().toMillis() > limitMs) {
                connect = new ProbeResult(ProbeResult.Outcome.NO_ANSWER, null, null, null, 0, connect.trace());
            }
            switch (connect.outcome()) {
                case ANSWERED -> { }
                case REFUSED -> {
                    long ms = connect.roundTrip() == null ? 0 : connect.roundTrip().toMillis();
                    elapsed = Duration.ofMillis(ms);
                    verbose("* connect to " + address + " port " + port + " failed: Connection refused");
                    String message = "Failed to connect to " + hostName + " port " + port + " after " + ms + " ms: Connection refused";
                    verbose("* " + message);
                    verbose("* Closing connection 0");
                    return failure(7, message, null);
                }
                default -> {
                    if (limit != null) {
                        elapsed = Duration.ofMillis(limitMs + 1);
                        String message = "Connection timed out after " + (limitMs + 1) + " milliseconds";
                        verbose("* " + message);
                        verbose("* Closing connection 0");
                        return failure(28, message, null);
                    }
                    verbose("* connect to " + address + " port " + port + " failed: Connection timed out");
                    elapsed = Duration.ofMillis(KERNEL_CONNECT_TIMEOUT_MS);
                    String message = "Failed to connect to " + hostName + " port " + port + " after "
                            + KERNEL_CONNECT_TIMEOUT_MS + " ms: Connection timed out";
                    verbose("* " + message);
                    verbose("* Closing connection 0");
                    return failure(7, message, null);
                }
            }
            verbose("* Connected to " + hostName + " (" + address + ") port " + port + " (#0)");
            // The handshake, then the request and its answer: two round trips, whatever comes back.
            elapsed = connect.roundTrip() == null ? Duration.ZERO : connect.roundTrip().multipliedBy(2);
            if (scheme.equals("https")) {
                verbose("* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256");
                verbose("* Server certificate:");
                verbose("*  subject: CN=" + hostName);
            }
            String hostHeader = port == defaultPort ? hostName : hostName + ":" + port;
            verbose("> " + (head ? "HEAD " : "GET ") + path + " HTTP/1.1");
            verbose("> Host: " + hostHeader);
            verbose("> User-Agent: curl/" + VERSION);
            verbose("> Accept: */*");
            verbose("> ");
            Optional<Network.HttpAnswer> maybe = session.network().http(address, port, hostName, path, connect.observedSource());
            if (maybe.isEmpty()) {
                verbose("* Empty reply from server");
                verbose("* Closing connection 0");
                return failure(52, "Empty reply from server", null);
            }
            Network.HttpAnswer answer = maybe.get();
            verbose("* Mark bundle as not supporting multiuse");
            StringBuilder headerBlock = new StringBuilder();
            String statusLine = "HTTP/1.1 " + answer.status() + (answer.reason() == null || answer.reason().isEmpty() ? "" : " " + answer.reason());
            headerBlock.append(statusLine).append("\r\n");
            verbose("< " + statusLine);
            if (answer.headers() != null) {
                answer.headers().forEach((name, value) -> {
                    headerBlock.append(name).append(": ").append(value).append("\r\n");
                    verbose("< " + name + ": " + value);
                });
            }
            headerBlock.append("\r\n");
            verbose("< ");
            String body = answer.body() == null ? "" : answer.body();
            long rttMs = connect.roundTrip() == null ? 0 : connect.roundTrip().toMillis();
            if (fail && answer.status() >= 400) {
                verbose("* The requested URL returned error: " + answer.status());
                verbose("* Closing connection 0");
                return failure(22, "The requested URL returned error: " + answer.status(), answer.status());
            }
            int bytes = head ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
            String shown = (head || include ? headerBlock.toString() : "") + (head ? "" : body);
            if (output == null || output.equals("-")) {
                out.append(shown);
            }
            long rttNanos = connect.roundTrip() == null ? 0 : connect.roundTrip().toNanos();
            finishMeter(bytes, Math.max(1, 2 * rttNanos));
            verbose("* Connection #0 to host " + hostName + " left intact");
            writeOut(answer.status(), address, 2 * rttMs, bytes);
            return new ExecResult(out.toString(), err.toString(), 0, elapsed);
        }

        private ExecResult failure(int code, String message, Integer status) {
            if (meterStarted) {
                err.append(meterLine(0, 0, 0)).append('\n');
            }
            if (!silent || showError) {
                err.append("curl: (").append(code).append(") ").append(message).append('\n');
            }
            writeOut(status == null ? 0 : status, null, 0, 0);
            return new ExecResult(out.toString(), err.toString(), code, elapsed);
        }

        private void verbose(String line) {
            if (verbose) {
                err.append(line).append('\n');
            }
        }

        private void startMeter() {
            if (!silent) {
                meterStarted = true;
                err.append("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n");
                err.append("                                 Dload  Upload   Total   Spent    Left  Speed\n");
            }
        }

        private void finishMeter(int bytes, long elapsedNanos) {
            if (meterStarted) {
                err.append(meterLine(bytes, bytes, bytes * 1_000_000_000L / elapsedNanos)).append('\n');
                meterStarted = false;
            }
        }

        private static String meterLine(long total, long received, long speed) {
            int percent = total > 0 ? 100 : 0;
            return String.format(Locale.ROOT, "%3d %5s  %3d %5s  %3d %5s  %5s  %5s %s %s %s %5s",
                    percent, size(total), percent, size(received), 0, size(0), size(speed), size(0),
                    "--:--:--", "--:--:--", "--:--:--", size(speed));
        }

        /** curl's five-character sizes: 912, 14, 1234k, 12.3M. */
        private static String size(long bytes) {
            if (bytes < 100_000) {
                return Long.toString(bytes);
            }
            if (bytes < 10_000L * 1024) {
                return bytes / 1024 + "k";
            }
            if (bytes < 100L * 1024 * 1024) {
                long tenths = bytes * 10 / (1024 * 1024);
                return tenths / 10 + "." + tenths % 10 + "M";
            }
            return bytes / (1024 * 1024) + "M";
        }

        private void writeOut(int status, Ipv4 remote, long totalMs, int bytes) {
            if (writeOut == null) {
                return;
            }
            String text = writeOut
                    .replace("%{http_code}", String.format(Locale.ROOT, "%03d", status))
                    .replace("%{response_code}", String.format(Locale.ROOT, "%03d", status))
                    .replace("%{remote_ip}", remote == null ? "" : remote.toString())
                    .replace("%{size_download}", Integer.toString(bytes))
                    .replace("%{time_total}", String.format(Locale.ROOT, "%.6f", totalMs / 1000.0))
                    .replace("\\n", "\n")
                    .replace("\\t", "\t");
            out.append(text);
        }

        private static Double seconds(String text) {
            if (text == null) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                return Double.isNaN(value) ? -1.0 : value;
            } catch (NumberFormatException e) {
                return -1.0;
            }
        }

        private static Double minimum(Double a, Double b) {
            return b == null ? a : Math.min(a, b);
        }
    }
}
