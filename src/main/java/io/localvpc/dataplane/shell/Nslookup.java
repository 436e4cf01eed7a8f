package io.localvpc.dataplane.shell;

import io.localvpc.model.Ipv4;
import java.util.List;

/**
 * {@code nslookup NAME}, as BIND 9.11's nslookup on Amazon Linux 2 prints it: the VPC resolver
 * as the server, then the answer (non-authoritative: the Amazon resolver recurses), or
 * {@code server can't find NAME: NXDOMAIN} (exit 1), or a timeout when the VPC has DNS support
 * off (exit 1). An address is looked up in reverse, which the simulated DNS cannot answer.
 */
public final class Nslookup implements Tool {

    @Override
    public String name() {
        return "nslookup";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        List<String> names = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (names.isEmpty()) {
            return ExecResult.error("nslookup: the LocalVPC shell is not interactive: give a name to look up\n", 1);
        }
        if (names.size() > 1) {
            return ExecResult.error("nslookup: the LocalVPC shell only asks the VPC resolver; drop '" + names.get(1) + "'\n", 1);
        }
        String name = names.get(0);
        Session.Lookup answer = Ipv4.tryParse(name).isPresent() ? new Session.Lookup.NotFound() : session.query(name);
        if (answer instanceof Session.Lookup.NoServer) {
            return new ExecResult(";; connection timed out; no servers could be reached\n\n", "", 1);
        }
        Ipv4 resolver = session.host().dnsResolver();
        StringBuilder out = new StringBuilder();
        out.append("Server:\t\t").append(resolver).append('\n');
        out.append("Address:\t").append(resolver).append("#53\n\n");
        if (answer instanceof Session.Lookup.Found found) {
            out.append("Non-authoritative answer:\n");
            out.append("Name:\t").append(Session.stripDot(name)).append('\n');
            out.append("Address: ").append(found.address()).append("\n\n");
            return ExecResult.ok(out.toString());
        }
        String shown = Ipv4.tryParse(name).map(Nslookup::reverseName).orElse(Session.stripDot(name));
        out.append("** server can't find ").append(shown).append(": NXDOMAIN\n\n");
        return new ExecResult(out.toString(), "", 1);
    }

    private static String reverseName(Ipv4 address) {
        String[] octets = address.toString().split("\\.");
        return octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0] + ".in-addr.arpa";
    }
}
