package io.localvpc.terraform.lang;

import java.util.List;

/** An expression in parentheses; kept so that an object key "(a) = 1" is evaluated rather than taken as a name. */
record ParenExpr(Expression inner, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        return inner.evaluate(context);
    }

    @Override
    public List<Traversal> references() {
        return inner.references();
    }
}
