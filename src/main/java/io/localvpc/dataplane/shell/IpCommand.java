package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.HostView;
import java.util.List;
import java.util.Locale;

/**
 * {@code ip addr [show [dev IF]]} and {@code ip route [show]} (and their abbreviations
 * {@code ip a}, {@code ip r}), as iproute2 prints them on Amazon Linux 2: the loopback and one
 * {@code ethN} per interface (DHCP-assigned, mtu 9001), and the routes the DHCP client installs:
 * default via the subnet's router (base + 1), the subnet itself, and the instance metadata service.
 */
public final class IpCommand implements Tool {

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public ExecResult run(Session session, List<String> args) {
        List<String> rest = args.stream().filter(a -> !a.equals("-4")).toList();
        if (rest.isEmpty()) {
            return ExecResult.error(usage(), 255);
        }
        String object = rest.get(0);
        List<String> tail = rest.subList(1, rest.size());
        if (matches(object, "address", 1)) {
            return addr(session.host(), tail, args.contains("-4"));
        }
        if (matches(object, "route", 1)) {
            return route(session.host(), tail);
        }
        if (object.equals("help")) {
            return ExecResult.error(usage(), 255);
        }
        return ExecResult.error("Object \"" + object + "\" is unknown, try \"ip help\".\n", 255);
    }

    private static ExecResult addr(HostView host, List<String> args, boolean inetOnly) {
        List<String> rest = args;
        if (!rest.isEmpty() && (matches(rest.get(0), "show", 1) || rest.get(0).equals("list"))) {
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty() && rest.get(0).equals("dev")) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.size() > 1) {
            return ExecResult.error("Command \"" + rest.get(0) + "\" is unknown, try \"ip address help\".\n", 255);
        }
        String device = rest.isEmpty() ? null : rest.get(0);
        if (device != null && !device.equals("lo") && host.interfaces().stream().noneMatch(i -> i.name().equals(device))) {
            return ExecResult.error("Device \"" + device + "\" does not exist.\n", 1);
        }
        StringBuilder out = new StringBuilder();
        if (device == null || device.equals("lo")) {
            out.append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n");
            if (!inetOnly) {
                out.append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
            }
            out.append("    inet 127.0.0.1/8 scope host lo\n");
            out.append("       valid_lft forever preferred_lft forever\n");
            if (!inetOnly) {
                out.append("    inet6 ::1/128 scope host \n");
                out.append("       valid_lft forever preferred_lft forever\n");
            }
        }
        int index = 2;
        for (HostView.Interface eth : host.interfaces()) {
            if (device == null || device.equals(eth.name())) {
                out.append(index).append(": ").append(eth.name()).append(": <BROADCAST,MULTICAST,UP,LOWER_UP> mtu ")
                        .append(eth.mtu()).append(" qdisc mq state UP group default qlen 1000\n");
                if (!inetOnly) {
                    out.append("    link/ether ").append(eth.macAddress()).append(" brd ff:ff:ff:ff:ff:ff\n");
                }
                out.append("    inet ").append(eth.address()).append('/').append(eth.subnet().prefixLength())
                        .append(" brd ").append(eth.subnet().last()).append(" scope global dynamic ").append(eth.name()).append('\n');
                out.append("       valid_lft 3600sec preferred_lft 3600sec\n");
                if (!inetOnly) {
                    out.append("    inet6 ").append(linkLocal(eth.macAddress())).append("/64 scope link \n");
                    out.append("       valid_lft forever preferred_lft forever\n");
                }
            }
            index++;
        }
        return ExecResult.ok(out.toString());
    }

    private static ExecResult route(HostView host, List<String> args) {
        if (!args.isEmpty() && !(args.size() == 1 && (matches(args.get(0), "show", 1) || args.get(0).equals("list")))) {
            return ExecResult.error("Command \"" + args.get(0) + "\" is unknown, try \"ip route help\".\n", 255);
        }
        StringBuilder out = new StringBuilder();
        List<HostView.Interface> interfaces = host.interfaces();
        if (!interfaces.isEmpty() && host.defaultGateway() != null) {
            out.append("default via ").append(host.defaultGateway()).append(" dev ").append(interfaces.get(0).name()).append('\n');
        }
        for (HostView.Interface eth : interfaces) {
            out.append(eth.subnet()).append(" dev ").append(eth.name()).append(" proto kernel scope link src ")
                    .append(eth.address()).append('\n');
        }
        if (!interfaces.isEmpty()) {
            out.append("169.254.169.254 dev ").append(interfaces.get(0).name()).append('\n');
        }
        return ExecResult.ok(out.toString());
    }

    /** iproute2 accepts any prefix of an object's name at least {@code minimum} letters long. */
    private static boolean matches(String given, String full, int minimum) {
        return given.length() >= minimum && full.startsWith(given);
    }

    /** The EUI-64 link-local address the kernel derives from a MAC address. */
    static String linkLocal(String mac) {
        String[] b = mac.toLowerCase(Locale.ROOT).split(":");
        if (b.length != 6) {
            return "fe80::1";
        }
        int first = Integer.parseInt(b[0], 16) ^ 0x02;
        int[] groups = {
            (first << 8) | Integer.parseInt(b[1], 16),
            (Integer.parseInt(b[2], 16) << 8) | 0xff,
            0xfe00 | Integer.parseInt(b[3], 16),
            (Integer.parseInt(b[4], 16) << 8) | Integer.parseInt(b[5], 16)
        };
        StringBuilder s = new StringBuilder("fe80:");
        for (int g : groups) {
            s.append(':').append(Integer.toHexString(g));
        }
        return s.toString();
    }

    private static String usage() {
        return "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                + "where  OBJECT := { address | route }   (the objects the LocalVPC shell knows)\n";
    }
}
