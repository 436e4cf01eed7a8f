package io.localvpc.terraform.lang;

import java.util.List;

/** {@code source[key]} with a computed key, e.g. aws_subnet.public[count.index]. */
record IndexExpr(Expression source, Expression key, SourceRange bracketRange, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Value collection = source.evaluate(context);
        Value k = key.evaluate(context);
        return collection.index(k, bracketRange);
    }

    @Override
    public List<Traversal> references() {
        return References.of(source, key);
    }
}
