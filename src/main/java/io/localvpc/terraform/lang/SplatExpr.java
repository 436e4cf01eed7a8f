package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code source[*].a.b} (full splat) or {@code source.*.a} (attribute-only splat): the traversal after
 * the splat is applied to each element. A null source gives an empty tuple; a value that is not a
 * list, set or tuple is treated as a one-element tuple, as HCL does.
 */
record SplatExpr(Expression source, Expression each, String slot, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Value collection = source.evaluate(context);
        if (!collection.isKnown()) {
            return Value.unknown(Type.DYNAMIC);
        }
        if (collection.isNull()) {
            if (collection.type().isSequence()) {
                throw new HclException("Splat of null value",
                        "Splat expressions (with the * symbol) cannot be applied to null sequences.", source.range());
            }
            return Value.tuple(List.of()); // a null scalar becomes zero elements
        }
        boolean sequence = collection.type().isSequence();
        List<Value> items = sequence ? collection.elements() : List.of(collection);
        List<Value> results = new ArrayList<>(items.size());
        for (Value item : items) {
            results.add(each.evaluate(context.with(slot, item)));
        }
        if (collection.type() instanceof ListType && !results.isEmpty() && Conversions.unify(results.stream().map(Value::type).toList()) != null) {
            return Value.list(results);
        }
        return Value.tuple(results);
    }

    @Override
    public List<Traversal> references() {
        return References.of(source, each);
    }
}
