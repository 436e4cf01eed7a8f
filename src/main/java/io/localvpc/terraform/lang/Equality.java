package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The == operator's notion of equality (cty's Equals on known values): two nulls are equal whatever
 * their types; otherwise values of different kinds are different (1 != "1"); numbers compare by value;
 * sequences and mappings compare element by element.
 */
final class Equality {

    private Equality() {}

    @SuppressWarnings("unchecked")
    static boolean equal(Value a, Value b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        Object x = a.payload();
        Object y = b.payload();
        if (x instanceof BigDecimal n && y instanceof BigDecimal m) {
            return n.compareTo(m) == 0;
        }
        if (x instanceof List<?> l && y instanceof List<?> k) {
            if (!sameKind(a.type(), b.type()) || l.size() != k.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal((Value) l.get(i), (Value) k.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (x instanceof Map<?, ?> l && y instanceof Map<?, ?> k) {
            Map<String, Value> p = (Map<String, Value>) l;
            Map<String, Value> q = (Map<String, Value>) k;
            return sameKind(a.type(), b.type()) && p.keySet().equals(q.keySet())
                    && p.keySet().stream().allMatch(key -> equal(p.get(key), q.get(key)));
        }
        return x.equals(y);
    }

    /** Both lists, both sets, both tuples, both maps or both objects. */
    private static boolean sameKind(Type a, Type b) {
        return a.getClass() == b.getClass();
    }

    /** Whether the comparison can only be decided later (an unknown anywhere inside either side). */
    static boolean undecided(Value a, Value b) {
        return !a.isWhollyKnown() || !b.isWhollyKnown();
    }
}
