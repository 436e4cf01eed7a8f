package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of the plain values a resource type receives (see {@code io.localvpc.terraform.provider}),
 * and the conversions back. Absent, null and unknown all read as "not set" (null, or the empty
 * collection), which is how the provider treats an argument left out.
 */
public final class Plain {
    private Plain() {}

    public static String string(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value == null || value == Unknown.VALUE ? null : value.toString();
    }

    public static Integer integer(Map<String, Object> values, String name) {
        Object value = values.get(name);
        if (value instanceof BigDecimal number) {
            return number.intValueExact();
        }
        return value instanceof String text && !text.isEmpty() ? Integer.valueOf(text) : null;
    }

    public static boolean bool(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value instanceof Boolean b ? b : value instanceof String s && Boolean.parseBoolean(s);
    }

    /** A boolean that was explicitly configured, or null when left out. */
    public static Boolean boolOrNull(Map<String, Object> values, String name) {
        Object value = values.get(name);
        return value instanceof Boolean b ? b : null;
    }

    /** A list or set of strings; empty when not set. */
    public static List<String> strings(Map<String, Object> values, String name) {
        Object value = values.get(name);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element != null && element != Unknown.VALUE) {
                    out.add(element.toString());
                }
            }
        }
        return out;
    }

    /** A map of strings (tags); empty when not set. */
    public static Map<String, String> stringMap(Map<String, Object> values, String name) {
        Object value = values.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null && v != Unknown.VALUE) {
                    out.put(k.toString(), v.toString());
                }
            });
        }
        return out;
    }

    /** The blocks of a nested block type, each as its map of values; empty when none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> blocks(Map<String, Object> values, String name) {
        Object value = values.get(name);
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    out.add((Map<String, Object>) map);
                }
            }
        }
        return out;
    }

    /**
     * A copy of {@code values} with every unknown value, however deep, made null: what state holds
     * after apply for an optional computed attribute the provider leaves unset.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> known(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, knownValue(v)));
        return out;
    }

    /** The state to read back after a create or update: the planned values known so far, with the resource's id. */
    public static Map<String, Object> knownWithId(Map<String, Object> planned, Object id) {
        Map<String, Object> state = known(planned);
        state.put("id", id);
        return state;
    }

    @SuppressWarnings("unchecked")
    private static Object knownValue(Object value) {
        if (value == Unknown.VALUE) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(knownValue(e)));
            return out;
        }
        return value instanceof Map<?, ?> map ? known((Map<String, Object>) map) : value;
    }

    /**
     * Whether two plain values are the same as state compares them: numbers by value, lists (sets
     * and blocks alike) whatever their order, maps key by key.
     */
    public static boolean same(Object a, Object b) {
        return java.util.Objects.equals(comparable(a), comparable(b));
    }

    private static Object comparable(Object value) {
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Plain::comparable).map(String::valueOf).sorted().toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put(k, comparable(v)));
            return out;
        }
        return value;
    }

    /** A string for state: "" where AWS has none, as the provider stores it. */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Whether {@code value}, or anything nested in it, is only known after apply. */
    public static boolean hasUnknown(Object value) {
        if (value == Unknown.VALUE) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Plain::hasUnknown);
        }
        return value instanceof Map<?, ?> map && map.values().stream().anyMatch(Plain::hasUnknown);
    }

    public static boolean isUnknown(Map<String, Object> values, String name) {
        return values.get(name) == Unknown.VALUE;
    }

    public static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }

    /** A number for state, or null. */
    public static BigDecimal number(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** A list for state from strings (never null: the provider stores empty lists, not nulls, for computed lists). */
    public static List<Object> list(List<String> values) {
        return new ArrayList<>(values == null ? List.of() : values);
    }
}
