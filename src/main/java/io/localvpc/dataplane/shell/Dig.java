package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.model.Ipv4;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code dig [@server] NAME [A] [+short]}, as BIND 9.11's dig on Amazon Linux 2 prints it. The query
 * goes to the VPC's Amazon DNS resolver (VPC base + 2, from the host's view); with DNS support
 * off nothing answers and dig gives up ({@code no servers could be reached}, exit 9). An
 * {@code @server} other than the VPC resolver is first reached with a UDP probe to port 53 (it must
 * be reachable through the VPC), and then answers as the public DNS does. Only A records exist in
 * the simulated DNS: other types get an empty answer.
 */
public final class Dig implements Tool {
    static final String VERSION = "9.11.4-P2-RedHat-9.11.4-26.P2.amzn2.13";
    static final int TTL = 60;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "dig";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        boolean shortForm = false;
        String server = null;
        String name = null;
        String type = "A";
        for (String arg : args) {
            if (arg.startsWith("+")) {
                if (arg.equals("+short")) {
                    shortForm = true;
                } else if (!arg.equals("+noshort")) {
                    return ExecResult.error("Invalid option: " + arg + "\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n", 1);
                }
            } else if (arg.startsWith("@")) {
                server = arg.substring(1);
            } else if (arg.startsWith("-")) {
                return ExecResult.error("Invalid option: " + arg + "\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n", 1);
            } else if (name == null) {
                name = arg;
            } else if (!arg.equalsIgnoreCase("IN")) {
                type = arg.toUpperCase(Locale.ROOT);
            }
        }
        if (name == null) {
            return ExecResult.error("Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n", 1);
        }
        String header = "\n; <<>> DiG " + VERSION + " <<>> " + String.join(" ", args) + "\n;; global options: +cmd\n";
        String fqdn = Session.stripDot(name) + ".";
        Ipv4 resolver = session.host().dnsResolver();
        Ipv4 serverAddress = resolver;
        Session.Lookup answer;
        long queryMs = 0;
        if (server != null && !(resolver != null && server.equals(resolver.toString()))) {
            var parsed = Ipv4.tryParse(server);
            if (parsed.isEmpty()) {
                return ExecResult.error("dig: couldn't get address for '" + server + "': not found\n", 10);
            }
            serverAddress = parsed.get();
            ProbeResult reach = session.probe(Probe.udp(serverAddress, 53));
            if (!reach.answered()) {
                answer = new Session.Lookup.NoServer();
            } else {
                queryMs = reach.roundTrip() == null ? 0 : reach.roundTrip().toMillis();
                answer = session.network().resolve(session.accountId(), session.region(), session.host().instanceId(), Session.stripDot(name))
                        .<Session.Lookup>map(Session.Lookup.Found::new)
                        .orElseGet(Session.Lookup.NotFound::new);
            }
        } else {
            answer = session.query(name);
        }
        if (answer instanceof Session.Lookup.NoServer) {
            String timedOut = ";; connection timed out; no servers could be reached\n";
            return new ExecResult(shortForm ? timedOut : header + timedOut, "", 9);
        }
        boolean found = answer instanceof Session.Lookup.Found && type.equals("A");
        Ipv4 address = answer instanceof Session.Lookup.Found f ? f.address() : null;
        if (shortForm) {
            return ExecResult.ok(found ? address + "\n" : "");
        }
        boolean nxdomain = answer instanceof Session.Lookup.NotFound;
        int id = (fqdn.hashCode() & 0x7fffffff) % 65536;
        StringBuilder out = new StringBuilder(header);
        out.append(";; Got answer:\n");
        out.append(";; ->>HEADER<<- opcode: QUERY, status: ").append(nxdomain ? "NXDOMAIN" : "NOERROR")
                .append(", id: ").append(id).append('\n');
        out.append(";; flags: qr rd ra; QUERY: 1, ANSWER: ").append(found ? 1 : 0)
                .append(", AUTHORITY: 0, ADDITIONAL: 1\n\n");
        out.append(";; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n");
        out.append(";; QUESTION SECTION:\n;").append(fqdn).append("\t\t\tIN\t").append(type).append("\n\n");
        if (found) {
            out.append(";; ANSWER SECTION:\n").append(fqdn).append("\t\t").append(TTL).append("\tIN\tA\t")
                    .append(address).append("\n\n");
        }
        out.append(";; Query time: ").append(queryMs).append(" msec\n");
        out.append(";; SERVER: ").append(serverAddress).append("#53(").append(serverAddress).append(")\n");
        out.append(";; WHEN: ").append(WHEN.format(session.now())).append('\n');
        out.append(";; MSG SIZE  rcvd: ").append(12 + fqdn.length() + 5 + 11 + (found ? 16 : 0)).append("\n\n");
        return ExecResult.ok(out.toString());
    }
}
