package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;

/** {@code [a, b, c]}: a tuple, each element keeping its own type. */
record TupleExpr(List<Expression> elements, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        List<Value> values = new ArrayList<>(elements.size());
        for (Expression e : elements) {
            values.add(e.evaluate(context));
        }
        return Value.tuple(values);
    }

    @Override
    public List<Traversal> references() {
        return References.of(elements);
    }

    @Override
    public List<Expression> asTupleElements() {
        return elements;
    }
}
