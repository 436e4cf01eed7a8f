package io.localvpc.terraform.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.localvpc.terraform.provider.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Deep copies and comparisons of the plain values that cross the provider boundary. */
public final class Values {
    private Values() {}

    /** A deep, unmodifiable copy of a map of plain values (nulls kept). */
    public static Map<String, Object> copy(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, copyValue(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    public static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(copyValue(e)));
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Number n && !(n instanceof BigDecimal)) {
            return new BigDecimal(n.toString());
        }
        return value;
    }

    /** A mutable deep copy, for building new states from old ones. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutable(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? mutable((Map<String, Object>) m) : v));
        return out;
    }

    /**
     * Equality as Terraform's diff sees it: numbers by value (30 = 30.0), lists in order, maps by
     * key. An unknown equals nothing, not even another unknown.
     */
    public static boolean same(Object a, Object b) {
        if (a == Unknown.VALUE || b == Unknown.VALUE) {
            return false;
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Object k : x.keySet()) {
                if (!same(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** Whether {@code value} contains an unknown anywhere inside. */
    public static boolean hasUnknown(Object value) {
        if (value == Unknown.VALUE) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Values::hasUnknown);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Values::hasUnknown);
        }
        return false;
    }

    /** A JSON node as the plain values of the provider contract (numbers as BigDecimal); objects become maps from {@code maps}. */
    public static Object fromJson(JsonNode node, Supplier<Map<String, Object>> maps) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> out = maps.get();
            node.properties().forEach(e -> out.put(e.getKey(), fromJson(e.getValue(), maps)));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(e -> out.add(fromJson(e, maps)));
            return out;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
