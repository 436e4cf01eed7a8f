package io.localvpc.terraform.lang;

import io.localvpc.terraform.provider.Unknown;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable value of the Terraform language, with cty's semantics. A value is either known
 * (possibly null, typed) or unknown ("known after apply", typed as far as is known). Maps and
 * objects keep their keys in lexical order and sets keep their elements in a stable order, as
 * cty does, so that iteration, {@code keys()} and plan output match Terraform's.
 */
public final class Value {

    public static final Value NULL = new Value(Type.DYNAMIC, null, true);
    public static final Value TRUE = new Value(Type.BOOL, Boolean.TRUE, true);
    public static final Value FALSE = new Value(Type.BOOL, Boolean.FALSE, true);

    private final Type type;
    /** String, BigDecimal, Boolean, List of Value (list/set/tuple) or Map of Value (map/object); null when null or unknown. */
    private final Object payload;
    private final boolean known;

    private Value(Type type, Object payload, boolean known) {
        this.type = type;
        this.payload = payload;
        this.known = known;
    }

    // --- construction ---------------------------------------------------------------------

    public static Value string(String s) {
        return new Value(Type.STRING, Objects.requireNonNull(s), true);
    }

    public static Value number(BigDecimal n) {
        return new Value(Type.NUMBER, Objects.requireNonNull(n), true);
    }

    public static Value number(long n) {
        return number(BigDecimal.valueOf(n));
    }

    public static Value bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static Value nullOf(Type t) {
        return t == Type.DYNAMIC ? NULL : new Value(t, null, true);
    }

    public static Value unknown(Type t) {
        return new Value(t, null, false);
    }

    /** A list; the elements are unified to one type (an empty list has element type DYNAMIC). */
    public static Value list(List<Value> elements) {
        Type element = Conversions.unifyOrFail(types(elements), "list");
        return listOf(element, elements);
    }

    /** A list of the given element type; each element is converted to it. */
    public static Value listOf(Type element, List<Value> elements) {
        return new Value(Type.list(element), convertAll(elements, element), true);
    }

    public static Value tuple(List<Value> elements) {
        return new Value(Type.tuple(types(elements)), List.copyOf(elements), true);
    }

    /** A set: duplicates removed, elements in a stable order; unified to one element type. */
    public static Value set(Collection<Value> elements) {
        List<Value> list = new ArrayList<>(elements);
        Type element = Conversions.unifyOrFail(types(list), "set");
        return setOf(element, list);
    }

    public static Value setOf(Type element, Collection<Value> elements) {
        return new Value(Type.set(element), SetOrder.normalize(convertAll(new ArrayList<>(elements), element)), true);
    }

    /** A map; the values are unified to one element type; keys are kept in lexical order. */
    public static Value map(Map<String, Value> entries) {
        Type element = Conversions.unifyOrFail(types(new ArrayList<>(entries.values())), "map");
        return mapOf(element, entries);
    }

    public static Value mapOf(Type element, Map<String, Value> entries) {
        Map<String, Value> sorted = new TreeMap<>();
        entries.forEach((k, v) -> sorted.put(k, v.convert(element)));
        return new Value(Type.map(element), Collections.unmodifiableMap(new LinkedHashMap<>(sorted)), true);
    }

    /** An object: a type per attribute; attributes are kept in lexical order. */
    public static Value object(Map<String, Value> attributes) {
        Map<String, Value> sorted = new TreeMap<>(attributes);
        Map<String, Type> types = new LinkedHashMap<>();
        sorted.forEach((k, v) -> types.put(k, v.type));
        return new Value(Type.object(types), Collections.unmodifiableMap(new LinkedHashMap<>(sorted)), true);
    }

    /** An object of a given object type (used by conversions, which may mark attributes optional). */
    static Value objectOf(ObjectType type, Map<String, Value> attributes) {
        Map<String, Value> sorted = new TreeMap<>(attributes);
        return new Value(type, Collections.unmodifiableMap(new LinkedHashMap<>(sorted)), true);
    }

    private static List<Type> types(List<Value> values) {
        List<Type> types = new ArrayList<>(values.size());
        for (Value v : values) {
            types.add(v.type);
        }
        return types;
    }

    private static List<Value> convertAll(List<Value> values, Type element) {
        List<Value> converted = new ArrayList<>(values.size());
        for (Value v : values) {
            converted.add(v.convert(element));
        }
        return Collections.unmodifiableList(converted);
    }

    // --- inspection -----------------------------------------------------------------------

    public Type type() {
        return type;
    }

    public boolean isNull() {
        return known && payload == null;
    }

    public boolean isKnown() {
        return known;
    }

    public boolean isWhollyKnown() {
        if (!known) {
            return false;
        }
        if (payload instanceof List<?> list) {
            return list.stream().allMatch(v -> ((Value) v).isWhollyKnown());
        }
        if (payload instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(v -> ((Value) v).isWhollyKnown());
        }
        return true;
    }

    public String asString() {
        return (String) require(String.class, "string");
    }

    public BigDecimal asNumber() {
        return (BigDecimal) require(BigDecimal.class, "number");
    }

    public boolean asBool() {
        return (Boolean) require(Boolean.class, "bool");
    }

    /** The elements of a list, set or tuple (sets in their stable order). */
    @SuppressWarnings("unchecked")
    public List<Value> elements() {
        return (List<Value>) require(List.class, "list, set or tuple");
    }

    /** The entries of a map or the attributes of an object, keys in lexical order. */
    @SuppressWarnings("unchecked")
    public Map<String, Value> attributes() {
        return (Map<String, Value>) require(Map.class, "map or object");
    }

    /** The number of elements of a known collection or structural value. */
    public int length() {
        return payload instanceof Map<?, ?> m ? m.size() : elements().size();
    }

    private Object require(Class<?> kind, String what) {
        if (!known || payload == null || !kind.isInstance(payload)) {
            throw new IllegalStateException("not a known " + what + ": " + this);
        }
        return payload;
    }

    // --- operations -----------------------------------------------------------------------

    public Value getAttr(String name, SourceRange where) {
        return Access.getAttr(this, name, where);
    }

    public Value index(Value key, SourceRange where) {
        return Access.index(this, key, where);
    }

    /** Converts by cty's rules; throws {@link Conversions.ConversionException} (an IllegalArgumentException) worded as Terraform. */
    public Value convert(Type target) {
        return Conversions.convert(this, target);
    }

    // --- plain Java -----------------------------------------------------------------------

    /** From the plain Java of io.localvpc.terraform.provider: lists become tuples, maps objects. */
    public static Value fromPlain(Object plain) {
        if (plain == null) {
            return NULL;
        }
        if (plain == Unknown.VALUE) {
            return unknown(Type.DYNAMIC);
        }
        if (plain instanceof String s) {
            return string(s);
        }
        if (plain instanceof BigDecimal n) {
            return number(n);
        }
        if (plain instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        }
        if (plain instanceof Boolean b) {
            return bool(b);
        }
        if (plain instanceof Collection<?> c) {
            List<Value> elements = new ArrayList<>();
            c.forEach(e -> elements.add(fromPlain(e)));
            return tuple(elements);
        }
        if (plain instanceof Map<?, ?> m) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            m.forEach((k, v) -> attrs.put(String.valueOf(k), fromPlain(v)));
            return object(attrs);
        }
        throw new IllegalArgumentException("not a plain value: " + plain.getClass().getName());
    }

    /** To plain Java: String, BigDecimal, Boolean, List (lists, sets, tuples), Map (maps, objects), null, Unknown.VALUE. */
    public Object toPlain() {
        if (!known) {
            return Unknown.VALUE;
        }
        if (payload instanceof List<?> list) {
            List<Object> plain = new ArrayList<>(list.size());
            list.forEach(v -> plain.add(((Value) v).toPlain()));
            return plain;
        }
        if (payload instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put((String) k, ((Value) v).toPlain()));
            return plain;
        }
        return payload;
    }

    // --- identity -------------------------------------------------------------------------

    /** Terraform's rendering in plan output and {@code output}: strings quoted, numbers without trailing zeros. */
    @Override
    public String toString() {
        return ValueRenderer.render(this);
    }

    /** Same type and same content; numbers compare by value (1 equals 1.0); unknowns of one type are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Value other) || known != other.known || !type.equals(other.type)) {
            return false;
        }
        if (payload instanceof BigDecimal n && other.payload instanceof BigDecimal m) {
            return n.compareTo(m) == 0;
        }
        return Objects.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        Object p = payload instanceof BigDecimal n ? n.stripTrailingZeros() : payload;
        return Objects.hash(type, p, known);
    }

    /** Raw payload for the package's own operations. */
    Object payload() {
        return payload;
    }
}
