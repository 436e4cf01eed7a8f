package io.localvpc.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** An IPv4 CIDR block in canonical form: the base has no bits set beyond the prefix. */
public record Cidr(Ipv4 base, int prefixLength) {

    public static final Cidr ANY = new Cidr(new Ipv4(0), 0);

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        if ((base.bits() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits set in " + base + "/" + prefixLength);
        }
    }

    @JsonCreator
    public static Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + text));
    }

    /** Parses {@code a.b.c.d/n}; a base with host bits set is refused, as AWS refuses it. */
    public static Optional<Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Ipv4> base = Ipv4.tryParse(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (base.isEmpty() || len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(len);
        if (prefix > 32 || (base.get().bits() & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(base.get(), prefix));
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public int mask() {
        return mask(prefixLength);
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public Ipv4 last() {
        return base.plus(size() - 1);
    }

    public boolean contains(Ipv4 address) {
        return (address.bits() & mask()) == base.bits();
    }

    public boolean contains(Cidr other) {
        return other.prefixLength >= prefixLength && contains(other.base);
    }

    public boolean overlaps(Cidr other) {
        return contains(other.base) || other.contains(base);
    }

    @JsonValue
    @Override
    public String toString() {
        return base + "/" + prefixLength;
    }
}
