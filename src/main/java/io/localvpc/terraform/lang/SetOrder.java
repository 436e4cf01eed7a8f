package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The stable order of set elements, close to cty's: known strings lexically, numbers by value,
 * false before true, other values by their rendering; unknown elements last (they are not deduplicated,
 * since two unknowns may turn out different).
 */
final class SetOrder {

    private SetOrder() {}

    static List<Value> normalize(List<Value> elements) {
        List<Value> known = new ArrayList<>(new LinkedHashSet<>(elements.stream().filter(Value::isKnown).toList()));
        known.sort(ORDER);
        elements.stream().filter(v -> !v.isKnown()).forEach(known::add);
        return Collections.unmodifiableList(known);
    }

    private static final Comparator<Value> ORDER = (a, b) -> {
        Object x = a.payload();
        Object y = b.payload();
        if (x instanceof String s && y instanceof String t) {
            return s.compareTo(t);
        }
        if (x instanceof BigDecimal n && y instanceof BigDecimal m) {
            return n.compareTo(m);
        }
        if (x instanceof Boolean p && y instanceof Boolean q) {
            return Boolean.compare(p, q);
        }
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1; // nulls last
        }
        return a.toString().compareTo(b.toString());
    };
}
