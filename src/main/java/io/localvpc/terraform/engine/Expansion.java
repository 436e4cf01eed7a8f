package io.localvpc.terraform.engine;

import io.localvpc.terraform.lang.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a resource expands into instances: one instance (no count or for_each), {@code count}
 * instances keyed 0..n-1, or one per {@code for_each} key, each with its {@code each.value}.
 */
public record Expansion(Kind kind, Map<Object, Value> instances) {

    public enum Kind {
        SINGLE,
        COUNT,
        FOR_EACH
    }

    public static final Expansion SINGLE = single();

    private static Expansion single() {
        Map<Object, Value> one = new LinkedHashMap<>();
        one.put(null, Value.NULL);
        return new Expansion(Kind.SINGLE, one);
    }

    public static Expansion count(int n) {
        Map<Object, Value> keys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            keys.put(BigDecimal.valueOf(i), Value.number(i));
        }
        return new Expansion(Kind.COUNT, keys);
    }

    public static Expansion forEach(Map<String, Value> entries) {
        return new Expansion(Kind.FOR_EACH, new LinkedHashMap<>(entries));
    }
}
