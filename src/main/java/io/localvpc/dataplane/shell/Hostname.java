package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.HostView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code hostname [-s|-f|-i|-I]}: the instance's private DNS name
 * ({@code ip-10-0-20-5.ap-northeast-1.compute.internal}), its first label, or its addresses.
 */
public final class Hostname implements Tool {

    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        Getopt.Parsed opts;
        try {
            opts = Getopt.parse(args, "sfiI", Map.of("short", 's', "fqdn", 'f', "long", 'f',
                    "ip-address", 'i', "all-ip-addresses", 'I'));
        } catch (Getopt.Failure e) {
            return ExecResult.error("hostname: invalid option -- '" + e.option.replaceFirst("^--", "") + "'\n"
                    + "Usage: hostname [-s|-f|-i|-I]\n", 1);
        }
        if (!opts.operands().isEmpty()) {
            return ExecResult.error("hostname: you must be root to change the host name\n", 1);
        }
        HostView host = session.host();
        String name = host.hostname();
        if (opts.has('I')) {
            return ExecResult.ok(host.interfaces().stream().map(i -> i.address() + " ").collect(Collectors.joining()) + "\n");
        }
        if (opts.has('i')) {
            return ExecResult.ok(session.address() + "\n");
        }
        if (opts.has('s')) {
            int dot = name.indexOf('.');
            return ExecResult.ok((dot < 0 ? name : name.substring(0, dot)) + "\n");
        }
        return ExecResult.ok(name + "\n");
    }
}
