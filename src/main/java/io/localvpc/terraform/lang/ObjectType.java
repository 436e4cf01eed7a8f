package io.localvpc.terraform.lang;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An object type: a type per attribute name. Attributes marked optional (only in variable type
 * constraints) may be absent from a value being converted; they then get their default or null.
 * Attribute names are kept sorted, as cty keeps them, so equal types compare equal.
 */
public record ObjectType(Map<String, Type> attributes, Set<String> optional, Map<String, Value> defaults) implements Type {

    public static ObjectType of(Map<String, Type> attributes, Set<String> optional, Map<String, Value> defaults) {
        return new ObjectType(Collections.unmodifiableMap(new TreeMap<>(attributes)),
                Collections.unmodifiableSet(new TreeSet<>(optional)),
                Collections.unmodifiableMap(new LinkedHashMap<>(defaults)));
    }

    @Override
    public String friendlyName() {
        return "object";
    }

    @Override
    public String typeExpression() {
        return attributes.entrySet().stream()
                .map(e -> e.getKey() + "=" + (optional.contains(e.getKey())
                        ? "optional(" + e.getValue().typeExpression() + ")" : e.getValue().typeExpression()))
                .collect(Collectors.joining(", ", "object({", "})"));
    }

    @Override
    public String toString() {
        return typeExpression();
    }
}
