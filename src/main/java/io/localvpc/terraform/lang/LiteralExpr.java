package io.localvpc.terraform.lang;

import java.util.List;

/** A literal number, bool, null or string without template sequences. */
record LiteralExpr(Value value, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        return value;
    }

    @Override
    public List<Traversal> references() {
        return List.of();
    }
}
