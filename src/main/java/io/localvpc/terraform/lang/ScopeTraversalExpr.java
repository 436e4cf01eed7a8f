package io.localvpc.terraform.lang;

import java.util.List;

/** A reference to a root variable with static steps: var.x, aws_subnet.public[0].id. */
record ScopeTraversalExpr(Traversal traversal) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Value root = context.variables().get(traversal.root());
        if (root == null) {
            throw Undeclared.root(traversal, null);
        }
        Value value = root;
        List<Traversal.Step> steps = traversal.steps();
        for (int i = 0; i < steps.size(); i++) {
            Traversal.Step step = steps.get(i);
            try {
                value = step instanceof Traversal.GetAttr a
                        ? value.getAttr(a.name(), a.range())
                        : value.index(((Traversal.Index) step).key(), step.range());
            } catch (HclException e) {
                throw Undeclared.step(traversal, root, i, e);
            }
        }
        return value;
    }

    @Override
    public List<Traversal> references() {
        return List.of(traversal);
    }

    @Override
    public SourceRange range() {
        return traversal.range();
    }

    @Override
    public Traversal asTraversal() {
        return traversal;
    }

    @Override
    public String asKeyword() {
        return traversal.steps().isEmpty() ? traversal.root() : null;
    }
}
