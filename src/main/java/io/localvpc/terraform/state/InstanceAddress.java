package io.localvpc.terraform.state;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * One instance of a resource: {@code aws_vpc.main}, {@code aws_subnet.private[0]},
 * {@code aws_nat_gateway.per_az["a"]}. The key is null (no count/for_each), an integer
 * ({@link BigDecimal}, from count) or a string (from for_each).
 */
public record InstanceAddress(ResourceAddress resource, Object key) implements Comparable<InstanceAddress> {
    private static final Comparator<Object> KEYS = Comparator.nullsFirst((a, b) -> {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof BigDecimal) {
            return -1;
        }
        if (b instanceof BigDecimal) {
            return 1;
        }
        return a.toString().compareTo(b.toString());
    });

    public InstanceAddress {
        if (key != null && !(key instanceof BigDecimal) && !(key instanceof String)) {
            throw new IllegalArgumentException("instance key must be a number or a string: " + key);
        }
    }

    /** Parses {@code aws_subnet.a}, {@code aws_subnet.a[0]}, {@code aws_subnet.a["x"]}, {@code data.aws_ami.x}. */
    public static InstanceAddress parse(String text) {
        int bracket = text.indexOf('[');
        if (bracket < 0) {
            return new InstanceAddress(ResourceAddress.parse(text), null);
        }
        if (!text.endsWith("]")) {
            throw new IllegalArgumentException("Invalid address: " + text);
        }
        String key = text.substring(bracket + 1, text.length() - 1);
        Object parsed = key.startsWith("\"") && key.endsWith("\"") && key.length() >= 2
                ? key.substring(1, key.length() - 1)
                : new BigDecimal(key);
        return new InstanceAddress(ResourceAddress.parse(text.substring(0, bracket)), parsed);
    }

    @Override
    public String toString() {
        if (key == null) {
            return resource.toString();
        }
        return resource + (key instanceof BigDecimal n ? "[" + n.toPlainString() + "]" : "[\"" + key + "\"]");
    }

    @Override
    public int compareTo(InstanceAddress o) {
        int c = resource.compareTo(o.resource);
        return c != 0 ? c : KEYS.compare(key, o.key);
    }

    /** Compares keys across the two forms so that 1 and 1.0 name the same instance. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceAddress other && resource.equals(other.resource) && KEYS.compare(key, other.key) == 0;
    }

    @Override
    public int hashCode() {
        return resource.hashCode() * 31 + (key instanceof BigDecimal n ? n.stripTrailingZeros().hashCode() : java.util.Objects.hashCode(key));
    }
}
