package io.localvpc.terraform.lang;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A type of the Terraform language, with cty's semantics: three primitives, the collections
 * (list, set, map: every element of one type), the structurals (tuple, object: a type per
 * element or attribute) and DYNAMIC, the "any" placeholder used where the type is not yet known.
 */
public sealed interface Type permits BasicType, ListType, SetType, MapType, TupleType, ObjectType {

    Type STRING = BasicType.STRING;
    Type NUMBER = BasicType.NUMBER;
    Type BOOL = BasicType.BOOL;
    Type DYNAMIC = BasicType.DYNAMIC;

    static Type list(Type element) {
        return new ListType(element);
    }

    static Type set(Type element) {
        return new SetType(element);
    }

    static Type map(Type element) {
        return new MapType(element);
    }

    static Type object(Map<String, Type> attributes, Set<String> optionalAttributes) {
        return ObjectType.of(attributes, optionalAttributes, Map.of());
    }

    static Type object(Map<String, Type> attributes) {
        return ObjectType.of(attributes, Set.of(), Map.of());
    }

    static Type tuple(List<Type> elements) {
        return new TupleType(List.copyOf(elements));
    }

    /** A {@code type = ...} constraint of a variable block, e.g. {@code map(object({a=string, b=optional(number, 1)}))}. */
    static Type fromConstraint(Expression expr) {
        return TypeConstraints.parse(expr);
    }

    /** The name Terraform's messages use: "string", "list of string", "map of number", "object", "tuple". */
    String friendlyName();

    /** The type as a constraint expression: {@code list(string)}, {@code object({a=number})}. */
    String typeExpression();

    default boolean isPrimitive() {
        return this == STRING || this == NUMBER || this == BOOL;
    }

    /** A list, set or tuple: a sequence of elements. */
    default boolean isSequence() {
        return this instanceof ListType || this instanceof SetType || this instanceof TupleType;
    }

    /** A map or object: elements by string key. */
    default boolean isMapping() {
        return this instanceof MapType || this instanceof ObjectType;
    }

    /** The element type of a list, set or map; null for the others. */
    default Type elementType() {
        return null;
    }
}
