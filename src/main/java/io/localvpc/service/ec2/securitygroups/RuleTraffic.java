package io.localvpc.service.ec2.securitygroups;

import io.localvpc.model.Cidr;
import io.localvpc.model.ec2.SecurityGroup.Rule;
import io.localvpc.service.ec2.Ec2Errors;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * The traffic part of a rule as EC2 validates and stores it: the protocol (names lower-cased,
 * {@code all} and numbers with a well-known name turned into what EC2 reports: {@code -1},
 * {@code tcp}...), the port range where the protocol has one, and the CIDR peers.
 */
final class RuleTraffic {
    /** Protocol numbers EC2 reports by name. */
    private static final Map<Integer, String> NAMED = Map.of(6, "tcp", 17, "udp", 1, "icmp", 58, "icmpv6");

    /** A validated protocol with its ports; ports are null when the protocol covers all of them. */
    record Traffic(String protocol, Integer fromPort, Integer toPort) {}

    private RuleTraffic() {}

    static Traffic of(String protocol, Integer fromPort, Integer toPort) {
        String normalised = normaliseProtocol(protocol);
        return switch (normalised) {
            case "tcp", "udp" -> checkedPorts(normalised, fromPort, toPort, 0, 65535);
            case "icmp", "icmpv6" -> checkedPorts(normalised, fromPort, toPort, -1, 255);
            // -1 and every other protocol allow all ports whatever range is given (Terraform sends 0/0).
            default -> new Traffic(normalised, null, null);
        };
    }

    static String normaliseProtocol(String given) {
        if (given == null || given.isEmpty()) {
            throw Ec2Errors.missing("IpProtocol");
        }
        String lower = given.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "tcp", "udp", "icmp", "icmpv6", "-1":
                return lower;
            case "all":
                return "-1";
            default:
                break;
        }
        try {
            int number = Integer.parseInt(lower);
            if (number == -1) {
                return "-1";
            }
            if (number >= 0 && number <= 255) {
                return NAMED.getOrDefault(number, String.valueOf(number));
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the error below
        }
        throw Ec2Errors.invalidValue("Invalid value '" + given + "' for IP protocol. Unknown protocol.");
    }

    private static Traffic checkedPorts(String protocol, Integer from, Integer to, int min, int max) {
        boolean icmp = protocol.startsWith("icmp");
        if (from == null || to == null) {
            throw Ec2Errors.invalidValue("Invalid value 'Must specify both from and to ports with "
                    + (icmp ? "ICMP" : "TCP/UDP") + ".' for portRange");
        }
        if (from < min || from > max || to < min || to > max || (!icmp && from > to)) {
            throw Ec2Errors.invalidValue(icmp
                    ? "Invalid value '" + from + "' or '" + to + "' for ICMP type or code: each must be between -1 and 255."
                    : "Invalid TCP/UDP port range " + from + "-" + to + ": ports must be 0-65535 and fromPort must not exceed toPort.");
        }
        return new Traffic(protocol, from, to);
    }

    static String ipv4Cidr(String text) {
        if (text == null || text.isEmpty()) {
            throw Ec2Errors.missing("CidrIp");
        }
        return Cidr.tryParse(text).map(Cidr::toString).orElseThrow(() -> malformedCidr(text));
    }

    /** An IPv6 block with no host bits set, lower-cased as EC2 reports it. */
    static String ipv6Cidr(String text) {
        if (text == null || text.isEmpty()) {
            throw Ec2Errors.missing("CidrIpv6");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? "" : text.substring(0, slash);
        String length = slash < 0 ? "" : text.substring(slash + 1);
        // Only hex digits, colons and dots: InetAddress must never see a host name to resolve.
        if (!address.contains(":") || !address.matches("[0-9A-Fa-f:.]+") || !length.matches("[0-9]{1,3}")) {
            throw malformedCidr(text);
        }
        int prefix = Integer.parseInt(length);
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address) || prefix > 128) {
                throw malformedCidr(text);
            }
            BigInteger bits = new BigInteger(1, parsed.getAddress());
            if (prefix < 128 && bits.mod(BigInteger.ONE.shiftLeft(128 - prefix)).signum() != 0) {
                throw malformedCidr(text);
            }
        } catch (UnknownHostException e) {
            throw malformedCidr(text);
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static RuntimeException malformedCidr(String text) {
        return Ec2Errors.invalidValue("CIDR block " + text + " is malformed");
    }

    /** How EC2 names a rule in its duplicate error: peer, protocol with ports, ALLOW. */
    static String describe(Rule rule) {
        String peer = rule.cidrIpv4() != null ? rule.cidrIpv4()
                : rule.cidrIpv6() != null ? rule.cidrIpv6()
                : rule.referencedGroupId() != null ? rule.referencedGroupId()
                : rule.prefixListId();
        String traffic = switch (rule.protocol()) {
            case "tcp", "udp" -> rule.protocol().toUpperCase(Locale.ROOT) + ", from port: " + rule.fromPort()
                    + ", to port: " + rule.toPort();
            case "icmp", "icmpv6" -> rule.protocol().toUpperCase(Locale.ROOT) + ", type: " + rule.fromPort()
                    + ", code: " + rule.toPort();
            case "-1" -> "ALL";
            default -> "protocol " + rule.protocol();
        };
        return "peer: " + peer + ", " + traffic + ", ALLOW";
    }
}
