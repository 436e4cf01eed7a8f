package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@code for} (expression or template directive) iterates: index and element of a list or tuple,
 * the element twice for a set (sets have no keys), key and value of a map or object.
 */
final class ForIteration {

    record Pair(Value key, Value value) {}

    private ForIteration() {}

    /** The pairs of a known, non-null collection; throws Terraform's errors for null and non-iterable values. Unknown: null. */
    static List<Pair> pairs(Value collection, SourceRange where) {
        if (collection.isNull()) {
            throw new HclException("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", where);
        }
        Type t = collection.type();
        if (!t.isSequence() && !t.isMapping() && t != Type.DYNAMIC) {
            throw new HclException("Iteration over non-iterable value", "A value of type " + t.friendlyName()
                    + " cannot be used as the collection in a 'for' expression.", where);
        }
        if (!collection.isKnown()) {
            return null;
        }
        List<Pair> pairs = new ArrayList<>();
        if (t.isMapping()) {
            for (Map.Entry<String, Value> e : collection.attributes().entrySet()) {
                pairs.add(new Pair(Value.string(e.getKey()), e.getValue()));
            }
        } else {
            List<Value> elements = collection.elements();
            for (int i = 0; i < elements.size(); i++) {
                pairs.add(new Pair(t instanceof SetType ? elements.get(i) : Value.number(i), elements.get(i)));
            }
        }
        return pairs;
    }

    /** The context for one iteration: the value variable and, when named, the key variable. */
    static EvalContext bind(EvalContext context, String keyVar, String valueVar, Pair pair) {
        EvalContext c = context.with(valueVar, pair.value());
        return keyVar == null ? c : c.with(keyVar, pair.key());
    }

    static List<String> names(String keyVar, String valueVar) {
        return keyVar == null ? List.of(valueVar) : List.of(keyVar, valueVar);
    }
}
