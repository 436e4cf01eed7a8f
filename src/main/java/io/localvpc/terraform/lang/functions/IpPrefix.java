package io.localvpc.terraform.lang.functions;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 network prefix as the CIDR functions see it: the address as a number, the
 * prefix length and the address width (32 or 128). Parsing and printing follow Go's net package,
 * which Terraform uses (IPv6 printed compressed, lower case).
 */
record IpPrefix(BigInteger address, int length, int bits) {

    /** Parses "10.0.0.0/16" or "fd00::/8"; host bits are cleared, as Go's ParseCIDR does. */
    static IpPrefix parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        BigInteger address;
        int bits;
        String host = cidr.substring(0, slash);
        if (host.contains(":")) {
            address = parseIpv6(host, cidr);
            bits = 128;
        } else {
            address = parseIpv4(host, cidr);
            bits = 32;
        }
        String lengthText = cidr.substring(slash + 1);
        if (!lengthText.matches("\\d{1,3}") || Integer.parseInt(lengthText) > bits) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        int length = Integer.parseInt(lengthText);
        return new IpPrefix(address.andNot(hostMask(length, bits)), length, bits);
    }

    static BigInteger hostMask(int length, int bits) {
        return BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
    }

    BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits - length);
    }

    String format(BigInteger addr) {
        return bits == 32 ? formatIpv4(addr) : formatIpv6(addr);
    }

    @Override
    public String toString() {
        return format(address) + "/" + length;
    }

    private static BigInteger parseIpv4(String s, String cidr) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        long value = 0;
        for (String p : parts) {
            // Terraform's address parser (a fork of an older Go net package) reads leading zeros as decimal
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("invalid CIDR address: " + cidr);
            }
            value = value << 8 | Integer.parseInt(p);
        }
        return BigInteger.valueOf(value);
    }

    private static BigInteger parseIpv6(String s, String cidr) {
        int gap = s.indexOf("::");
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = s.substring(0, gap).isEmpty() ? new String[0] : s.substring(0, gap).split(":", -1);
            tail = s.substring(gap + 2).isEmpty() ? new String[0] : s.substring(gap + 2).split(":", -1);
        } else {
            head = s.split(":", -1);
            tail = new String[0];
        }
        int groups = head.length + tail.length;
        if (gap < 0 && groups != 8 || gap >= 0 && groups > 7) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        BigInteger value = BigInteger.ZERO;
        for (String g : head) {
            value = value.shiftLeft(16).or(group(g, cidr));
        }
        value = value.shiftLeft(16 * (8 - groups));
        for (String g : tail) {
            value = value.shiftLeft(16).or(group(g, cidr));
        }
        return value;
    }

    private static BigInteger group(String g, String cidr) {
        if (!g.matches("[0-9a-fA-F]{1,4}")) {
            throw new IllegalArgumentException("invalid CIDR address: " + cidr);
        }
        return BigInteger.valueOf(Integer.parseInt(g, 16));
    }

    private static String formatIpv4(BigInteger addr) {
        long v = addr.longValue();
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }

    /** The longest run of two or more zero groups becomes "::", as Go prints it. */
    private static String formatIpv6(BigInteger addr) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = addr.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
