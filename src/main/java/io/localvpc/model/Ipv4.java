package io.localvpc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** An IPv4 address as an unsigned 32-bit value held in an int. */
public record Ipv4(int bits) implements Comparable<Ipv4> {

    @JsonCreator
    public static Ipv4 parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    public static Optional<Ipv4> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255 || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4(bits));
    }

    public long unsigned() {
        return bits & 0xFFFFFFFFL;
    }

    public Ipv4 plus(long n) {
        return new Ipv4((int) (unsigned() + n));
    }

    @JsonValue
    @Override
    public String toString() {
        return ((bits >>> 24) & 0xFF) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }

    /** The address with dots replaced by dashes, as in {@code ip-10-0-1-5}. */
    public String dashed() {
        return toString().replace('.', '-');
    }

    @Override
    public int compareTo(Ipv4 other) {
        return Integer.compareUnsigned(bits, other.bits);
    }
}
