package io.localvpc.terraform.lang;

import java.util.List;

/** "${x}": a template of a single interpolation returns the value of x as it is, not converted to a string (as HCL does). */
record TemplateWrapExpr(Expression wrapped, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        return wrapped.evaluate(context);
    }

    @Override
    public List<Traversal> references() {
        return wrapped.references();
    }

    @Override
    public Traversal asTraversal() {
        return wrapped.asTraversal();
    }
}
