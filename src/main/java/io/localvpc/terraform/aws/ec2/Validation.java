package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider's schema validations that LocalVPC checks at plan time, worded as the plugin SDK's
 * validators word them, e.g. {@code expected "cidr_block" to contain a network Value with between
 * 16 and 28 significant bits, got: 30}.
 */
final class Validation {
    private Validation() {}

    /** {@code validation.IsCIDRNetwork(min, max)} on an IPv4 CIDR argument, when configured. */
    static void cidrNetwork(Map<String, Object> values, String name, int min, int max) {
        String value = Plain.string(values, name);
        if (value == null || value.isEmpty()) {
            return;
        }
        int[] parsed = parseIpv4Cidr(value);
        if (parsed == null) {
            throw new ProviderException("expected " + name + " to contain a valid Value, got: " + value
                    + " with err: invalid CIDR address: " + value);
        }
        List<String> errors = new ArrayList<>();
        long address = parsed[0] & 0xffffffffL;
        int bits = parsed[1];
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        String network = dotted(address & mask) + "/" + bits;
        if (!network.equals(value)) {
            errors.add("expected " + name + " to contain a valid network Value, expected " + network + ", got " + value);
        }
        if (bits < min || bits > max) {
            errors.add("expected \"" + name + "\" to contain a network Value with between " + min + " and " + max
                    + " significant bits, got: " + bits);
        }
        if (!errors.isEmpty()) {
            throw new ProviderException(String.join("\n", errors));
        }
    }

    /** {@code validation.StringInSlice}, when configured. */
    static void oneOf(Map<String, Object> values, String name, List<String> allowed) {
        String value = Plain.string(values, name);
        if (value != null && !allowed.contains(value)) {
            throw new ProviderException("expected " + name + " to be one of " + goList(allowed) + ", got " + value);
        }
    }

    private static String goList(List<String> values) {
        return "[\"" + String.join("\" \"", values) + "\"]";
    }

    /** Address and prefix length of an IPv4 CIDR as Go's net.ParseCIDR accepts it, or null. */
    private static int[] parseIpv4Cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String[] octets = text.substring(0, slash).split("\\.", -1);
        String prefix = text.substring(slash + 1);
        if (octets.length != 4 || !prefix.matches("\\d{1,2}") || Integer.parseInt(prefix) > 32) {
            return null;
        }
        int address = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return null;
            }
            address = (address << 8) | Integer.parseInt(octet);
        }
        return new int[] {address, Integer.parseInt(prefix)};
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
