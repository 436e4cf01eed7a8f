package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.List;

/** Attribute access ({@code a.b}) and indexing ({@code a[k]}) of values, with HCL's error wording. */
final class Access {

    private static final String NO_ELEMENT = "The given key does not identify an element in this collection value";
    private static final String TOO_LARGE = NO_ELEMENT + ": the given index is greater than or equal to the length of the collection.";

    private Access() {}

    static Value getAttr(Value v, String name, SourceRange where) {
        Type t = v.type();
        if (t == Type.DYNAMIC && !v.isKnown()) {
            return Value.unknown(Type.DYNAMIC);
        }
        if (v.isNull()) {
            throw new HclException("Attempt to get attribute from null value",
                    "This value is null, so it does not have any attributes.", where);
        }
        if (t instanceof ObjectType o) {
            Type attr = o.attributes().get(name);
            if (attr == null) {
                throw new HclException("Unsupported attribute", "This object does not have an attribute named " + Strings.quote(name)
                        + "." + Suggestions.didYouMean(name, o.attributes().keySet()), where);
            }
            return v.isKnown() ? v.attributes().get(name) : Value.unknown(attr);
        }
        if (t instanceof MapType m) {
            if (!v.isKnown()) {
                return Value.unknown(m.element());
            }
            Value e = v.attributes().get(name);
            if (e == null) {
                throw new HclException("Missing map element",
                        "This map does not have an element with the key " + Strings.quote(name) + ".", where);
            }
            return e;
        }
        if (t instanceof ListType l && l.element() instanceof ObjectType) {
            throw new HclException("Unsupported attribute", "Can't access attributes on a list of objects. Did you mean to access attribute "
                    + Strings.quote(name) + " for a specific element of the list, or across all elements of the list?", where);
        }
        if (t.isPrimitive()) {
            throw new HclException("Unsupported attribute",
                    "Can't access attributes on a primitive-typed value (" + t.friendlyName() + ").", where);
        }
        throw new HclException("Unsupported attribute", "This value does not have any attributes.", where);
    }

    static Value index(Value v, Value key, SourceRange where) {
        Type t = v.type();
        if (v.isNull()) {
            throw new HclException("Attempt to index null value", "This value is null, so it does not have any indices.", where);
        }
        if (key.isNull()) {
            throw new HclException("Invalid index", "Can't use a null value as an indexing key.", where);
        }
        if (t instanceof SetType) {
            throw new HclException("Invalid index", "Elements of a set are identified only by their value and don't have any separate index "
                    + "or key to select with, so it's only possible to perform operations across all elements of the set.", where);
        }
        if (t.isPrimitive()) {
            throw new HclException("Invalid index", "This value does not have any indices.", where);
        }
        if (t == Type.DYNAMIC || !key.isKnown()) {
            return Value.unknown(elementTypeOrDynamic(t));
        }
        if (t.isSequence()) {
            return indexSequence(v, key, where);
        }
        String name = keyAs(key, Type.STRING, "a string is required", where).asString();
        if (t instanceof ObjectType o) {
            Type attr = o.attributes().get(name);
            if (attr == null) {
                throw new HclException("Invalid index", NO_ELEMENT + ".", where);
            }
            return v.isKnown() ? v.attributes().get(name) : Value.unknown(attr);
        }
        if (!v.isKnown()) {
            return Value.unknown(t.elementType());
        }
        Value e = v.attributes().get(name);
        if (e == null) {
            throw new HclException("Invalid index", NO_ELEMENT + ".", where);
        }
        return e;
    }

    private static Value indexSequence(Value v, Value key, SourceRange where) {
        BigDecimal n = keyAs(key, Type.NUMBER, "a number is required", where).asNumber();
        if (!Numbers.isWhole(n)) {
            throw new HclException("Invalid index", NO_ELEMENT + ": the given index must be a whole number.", where);
        }
        if (n.signum() < 0) {
            throw new HclException("Invalid index", NO_ELEMENT + ": a negative number is not a valid index for a sequence.", where);
        }
        if (!v.isKnown()) {
            Type t = v.type();
            return Value.unknown(t instanceof TupleType tuple ? tupleElement(tuple, n, where) : t.elementType());
        }
        List<Value> elements = v.elements();
        if (n.compareTo(BigDecimal.valueOf(elements.size())) >= 0) {
            throw new HclException("Invalid index", TOO_LARGE, where);
        }
        return elements.get(n.intValueExact());
    }

    private static Type tupleElement(TupleType tuple, BigDecimal n, SourceRange where) {
        if (n.compareTo(BigDecimal.valueOf(tuple.elements().size())) >= 0) {
            throw new HclException("Invalid index", TOO_LARGE, where);
        }
        return tuple.elements().get(n.intValueExact());
    }

    private static Value keyAs(Value key, Type type, String wanted, SourceRange where) {
        try {
            return key.convert(type);
        } catch (IllegalArgumentException e) {
            throw new HclException("Invalid index", NO_ELEMENT + ": " + wanted + ".", where);
        }
    }

    private static Type elementTypeOrDynamic(Type t) {
        return t.elementType() == null ? Type.DYNAMIC : t.elementType();
    }
}
