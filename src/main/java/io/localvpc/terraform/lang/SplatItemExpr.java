package io.localvpc.terraform.lang;

import java.util.List;

/** The current element inside a splat's per-element traversal; it lives in the context under a name no identifier can have. */
record SplatItemExpr(String slot, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        return context.variables().get(slot);
    }

    @Override
    public List<Traversal> references() {
        return List.of();
    }
}
