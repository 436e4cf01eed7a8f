package io.localvpc.terraform.lang;

import java.util.List;

/** {@code source.name} where source is not a plain reference (a call, a splat item, a dynamic index). */
record GetAttrExpr(Expression source, String name, SourceRange nameRange, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        return source.evaluate(context).getAttr(name, nameRange);
    }

    @Override
    public List<Traversal> references() {
        return source.references();
    }
}
