package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code [for k, v in coll : expr if cond]} (a tuple) or {@code {for k, v in coll : key => value... if cond}}
 * (an object; with "..." the values of equal keys are grouped into tuples).
 */
record ForExpr(String keyVar, String valueVar, Expression collection, Expression keyExpr, Expression valueExpr,
               Expression condition, boolean group, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        List<ForIteration.Pair> pairs = ForIteration.pairs(collection.evaluate(context), collection.range());
        if (pairs == null) {
            return Value.unknown(Type.DYNAMIC);
        }
        List<Value> elements = new ArrayList<>();
        Map<String, List<Value>> entries = new LinkedHashMap<>();
        for (ForIteration.Pair pair : pairs) {
            EvalContext c = ForIteration.bind(context, keyVar, valueVar, pair);
            Boolean include = include(c);
            if (include == null) {
                return Value.unknown(Type.DYNAMIC);
            }
            if (!include) {
                continue;
            }
            if (keyExpr == null) {
                elements.add(valueExpr.evaluate(c));
                continue;
            }
            Value key = objectKey(keyExpr.evaluate(c));
            if (key == null) {
                return Value.unknown(Type.DYNAMIC);
            }
            List<Value> values = entries.computeIfAbsent(key.asString(), k -> new ArrayList<>());
            if (!values.isEmpty() && !group) {
                throw new HclException("Duplicate object key", "Two different items produced the key " + Strings.quote(key.asString())
                        + " in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression "
                        + "to enable grouping by key.", keyExpr.range());
            }
            values.add(valueExpr.evaluate(c));
        }
        if (keyExpr == null) {
            return Value.tuple(elements);
        }
        Map<String, Value> attrs = new LinkedHashMap<>();
        entries.forEach((k, vs) -> attrs.put(k, group ? Value.tuple(vs) : vs.get(0)));
        return Value.object(attrs);
    }

    /** Whether the "if" clause admits this element; null when it is unknown. */
    private Boolean include(EvalContext c) {
        if (condition == null) {
            return true;
        }
        Value v = Conditions.FOR_IF.check(condition.evaluate(c), condition);
        return v.isKnown() ? v.asBool() : null;
    }

    /** The key as a string; null when unknown. */
    private Value objectKey(Value key) {
        if (key.isNull()) {
            throw new HclException("Invalid object key", "Key expression in 'for' expression must not produce a null value.", keyExpr.range());
        }
        try {
            key = key.convert(Type.STRING);
        } catch (IllegalArgumentException e) {
            throw new HclException("Invalid object key", "The key expression produced an invalid result: " + e.getMessage() + ".", keyExpr.range());
        }
        return key.isKnown() ? key : null;
    }

    @Override
    public List<Traversal> references() {
        List<Traversal> refs = new ArrayList<>(collection.references());
        refs.addAll(References.excluding(References.of(keyExpr, valueExpr, condition), ForIteration.names(keyVar, valueVar)));
        return refs;
    }
}
