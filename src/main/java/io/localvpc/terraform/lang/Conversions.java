package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cty's conversion and unification rules. Conversion: number and bool to string and back (when
 * the string says so), tuple/set/list to list or set, object/map to map, and into objects and
 * tuples element by element. Unification finds one type that several values can all convert to,
 * as a conditional's two results or a collection's elements need.
 */
public final class Conversions {

    private Conversions() {}

    /** A value that cannot be converted; the message is worded as Terraform's ("string required", "attribute \"a\" is required"). */
    public static final class ConversionException extends IllegalArgumentException {
        public ConversionException(String message) {
            super(message);
        }

        ConversionException within(String step) {
            return new ConversionException(step + ": " + getMessage());
        }
    }

    public static Value convert(Value value, Type target) {
        Type from = value.type();
        if (target == Type.DYNAMIC || from.equals(target)) {
            return value;
        }
        if (!value.isKnown() || value.isNull()) {
            requireConvertible(from, target);
            Type result = placeholderType(target);
            return value.isKnown() ? Value.nullOf(result) : Value.unknown(result);
        }
        if (target.isPrimitive()) {
            return toPrimitive(value, target);
        }
        if (target instanceof ListType list) {
            List<Value> elements = sequence(value, target);
            Type element = elementTypeFor(elements, list.element());
            return Value.listOf(element, convertElements(elements, element));
        }
        if (target instanceof SetType set) {
            List<Value> elements = sequence(value, target);
            Type element = elementTypeFor(elements, set.element());
            return Value.setOf(element, convertElements(elements, element));
        }
        if (target instanceof MapType map) {
            Map<String, Value> entries = mapping(value, target);
            Type element = elementTypeFor(new ArrayList<>(entries.values()), map.element());
            return Value.mapOf(element, convertEntries(entries, element));
        }
        if (target instanceof TupleType tuple) {
            return toTuple(value, tuple);
        }
        return toObject(value, (ObjectType) target);
    }

    private static Value toPrimitive(Value value, Type target) {
        Object payload = value.payload();
        if (target == Type.STRING) {
            if (payload instanceof BigDecimal n) {
                return Value.string(Numbers.format(n));
            }
            if (payload instanceof Boolean b) {
                return Value.string(b.toString());
            }
        } else if (target == Type.NUMBER && payload instanceof String s) {
            BigDecimal n = Numbers.parse(s);
            if (n == null) {
                throw new ConversionException("a number is required");
            }
            return Value.number(n);
        } else if (target == Type.BOOL && payload instanceof String s) {
            return switch (s) {
                case "true", "1" -> Value.TRUE;
                case "false", "0" -> Value.FALSE;
                default -> throw new ConversionException(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")
                        ? "a bool is required; to convert from string, use lowercase \"" + s.toLowerCase(java.util.Locale.ROOT) + "\""
                        : "a bool is required");
            };
        }
        throw mismatch(target);
    }

    private static List<Value> sequence(Value value, Type target) {
        if (!value.type().isSequence()) {
            throw mismatch(target);
        }
        return value.elements();
    }

    private static Map<String, Value> mapping(Value value, Type target) {
        if (!value.type().isMapping()) {
            throw mismatch(target);
        }
        return value.attributes();
    }

    /** The element type a collection conversion produces: the wanted one, or when "any", the elements' unified type. */
    private static Type elementTypeFor(List<Value> elements, Type wanted) {
        if (wanted != Type.DYNAMIC) {
            return wanted;
        }
        List<Type> types = new ArrayList<>();
        elements.forEach(e -> types.add(e.type()));
        Type unified = unify(types);
        if (unified == null) {
            throw new ConversionException("all elements must have the same type");
        }
        return unified;
    }

    /** Converts each element to the (already resolved) element type. */
    private static List<Value> convertElements(List<Value> elements, Type target) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            try {
                out.add(convert(elements.get(i), target));
            } catch (ConversionException e) {
                throw e.within("element " + i);
            }
        }
        return out;
    }

    private static Map<String, Value> convertEntries(Map<String, Value> entries, Type target) {
        Map<String, Value> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            try {
                out.put(k, convert(v, target));
            } catch (ConversionException e) {
                throw e.within("element " + Strings.quote(k));
            }
        });
        return out;
    }

    private static Value toTuple(Value value, TupleType tuple) {
        if (!(value.type() instanceof TupleType || value.type() instanceof ListType)) {
            throw mismatch(tuple);
        }
        List<Value> elements = value.elements();
        if (elements.size() != tuple.elements().size()) {
            throw new ConversionException("tuple required with exactly " + tuple.elements().size() + " elements");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            try {
                out.add(convert(elements.get(i), tuple.elements().get(i)));
            } catch (ConversionException e) {
                throw e.within("element " + i);
            }
        }
        return Value.tuple(out);
    }

    private static Value toObject(Value value, ObjectType target) {
        Map<String, Value> given = mapping(value, target);
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Type> attr : target.attributes().entrySet()) {
            String name = attr.getKey();
            Value v = given.get(name);
            if (v == null || v.isNull() && target.optional().contains(name)) {
                if (!target.optional().contains(name)) {
                    throw new ConversionException("attribute " + Strings.quote(name) + " is required");
                }
                v = target.defaults().getOrDefault(name, Value.nullOf(attr.getValue()));
            }
            try {
                out.put(name, convert(v, attr.getValue()));
            } catch (ConversionException e) {
                throw e.within("attribute " + Strings.quote(name));
            }
        }
        Map<String, Type> types = new LinkedHashMap<>();
        out.forEach((k, v) -> types.put(k, v.type()));
        return Value.objectOf(ObjectType.of(types, Set.of(), Map.of()), out);
    }

    private static ConversionException mismatch(Type target) {
        return new ConversionException(target.friendlyName() + " required");
    }

    /** Throws when no value of type {@code from} could ever convert to {@code to}. */
    static void requireConvertible(Type from, Type to) {
        if (!convertible(from, to)) {
            throw mismatch(to);
        }
    }

    static boolean convertible(Type from, Type to) {
        if (from == Type.DYNAMIC || to == Type.DYNAMIC || from.equals(to)) {
            return true;
        }
        if (to.isPrimitive()) {
            return from.isPrimitive() && (to == Type.STRING || from == Type.STRING);
        }
        if (to instanceof ListType || to instanceof SetType) {
            return from.isSequence() && sequenceElements(from).stream().allMatch(t -> convertible(t, to.elementType()));
        }
        if (to instanceof MapType) {
            return from.isMapping() && mappingElements(from).stream().allMatch(t -> convertible(t, to.elementType()));
        }
        if (to instanceof TupleType tuple) {
            return from instanceof ListType || from instanceof TupleType t && t.elements().size() == tuple.elements().size();
        }
        return from.isMapping();
    }

    private static List<Type> sequenceElements(Type t) {
        return t instanceof TupleType tuple ? tuple.elements() : List.of(t.elementType());
    }

    private static List<Type> mappingElements(Type t) {
        return t instanceof ObjectType o ? new ArrayList<>(o.attributes().values()) : List.of(t.elementType());
    }

    /** The type of a null or unknown converted to {@code target}: the target without its optional-attribute marks. */
    private static Type placeholderType(Type target) {
        if (target instanceof ObjectType o && (!o.optional().isEmpty() || !o.defaults().isEmpty())) {
            return ObjectType.of(o.attributes(), Set.of(), Map.of());
        }
        return target;
    }

    // --- unification ----------------------------------------------------------------------

    /** One type all the given types convert to, or null when there is none (cty's unsafe unification). */
    public static Type unify(List<Type> types) {
        Set<Type> distinct = new LinkedHashSet<>(types);
        if (distinct.isEmpty()) {
            return Type.DYNAMIC;
        }
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        if (distinct.contains(Type.DYNAMIC)) {
            return Type.DYNAMIC;
        }
        if (distinct.stream().allMatch(Type::isPrimitive)) {
            // Mixed primitives meet in string; number and bool alone have nothing in common.
            return distinct.contains(Type.STRING) ? Type.STRING : null;
        }
        if (distinct.stream().allMatch(t -> t instanceof SetType)) {
            Type element = unify(distinct.stream().map(Type::elementType).toList());
            return element == null ? null : Type.set(element);
        }
        if (distinct.stream().allMatch(t -> t instanceof TupleType || t instanceof ListType)) {
            return unifySequences(distinct);
        }
        if (distinct.stream().allMatch(Type::isMapping)) {
            return unifyMappings(distinct);
        }
        return null;
    }

    private static Type unifySequences(Set<Type> types) {
        if (types.stream().allMatch(t -> t instanceof TupleType)) {
            int size = ((TupleType) types.iterator().next()).elements().size();
            if (types.stream().allMatch(t -> ((TupleType) t).elements().size() == size)) {
                List<Type> unified = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    int index = i;
                    Type element = unify(types.stream().map(t -> ((TupleType) t).elements().get(index)).toList());
                    if (element == null) {
                        return null;
                    }
                    unified.add(element);
                }
                return Type.tuple(unified);
            }
        }
        List<Type> all = new ArrayList<>();
        types.forEach(t -> all.addAll(sequenceElements(t)));
        Type element = unify(all);
        return element == null ? null : Type.list(element);
    }

    private static Type unifyMappings(Set<Type> types) {
        if (types.stream().allMatch(t -> t instanceof ObjectType)) {
            Set<String> names = ((ObjectType) types.iterator().next()).attributes().keySet();
            if (types.stream().allMatch(t -> ((ObjectType) t).attributes().keySet().equals(names))) {
                Map<String, Type> unified = new LinkedHashMap<>();
                for (String name : names) {
                    Type attr = unify(types.stream().map(t -> ((ObjectType) t).attributes().get(name)).toList());
                    if (attr == null) {
                        return null;
                    }
                    unified.put(name, attr);
                }
                return Type.object(unified);
            }
        }
        List<Type> all = new ArrayList<>();
        types.forEach(t -> all.addAll(mappingElements(t)));
        Type element = unify(all);
        return element == null ? null : Type.map(element);
    }

    static Type unifyOrFail(List<Type> types, String kind) {
        Type unified = unify(types);
        if (unified == null) {
            throw new ConversionException("all " + kind + " elements must have the same type");
        }
        return unified;
    }
}
