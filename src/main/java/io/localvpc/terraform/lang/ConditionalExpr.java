package io.localvpc.terraform.lang;

import java.util.List;

/**
 * {@code condition ? a : b}. Both results are evaluated, as HCL does, to unify their types; an error
 * in the result not chosen is not reported (so {@code var.x != null ? var.x.name : ""} works).
 */
record ConditionalExpr(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range) implements Expression {

    /** A branch's value, or the error it raised (its type then counts as "any"). */
    private record Branch(Value value, HclException error) {
        static Branch of(Expression e, EvalContext context) {
            try {
                return new Branch(e.evaluate(context), null);
            } catch (HclException failure) {
                return new Branch(Value.unknown(Type.DYNAMIC), failure);
            }
        }

        Value orThrow() {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }

    @Override
    public Value evaluate(EvalContext context) {
        Value c = condition.evaluate(context);
        Branch t = Branch.of(whenTrue, context);
        Branch f = Branch.of(whenFalse, context);
        Type unified = Conversions.unify(List.of(t.value.type(), f.value.type()));
        if (unified == null) {
            throw inconsistent("The 'true' value is " + t.value.type().friendlyName() + ", but the 'false' value is "
                    + f.value.type().friendlyName() + ".");
        }
        Value cond = Conditions.CONDITIONAL.check(c, condition);
        if (!cond.isKnown()) {
            return Value.unknown(unified);
        }
        Value chosen = (cond.asBool() ? t : f).orThrow();
        try {
            return chosen.convert(unified);
        } catch (IllegalArgumentException e) {
            throw inconsistent(e.getMessage() + ".");
        }
    }

    private HclException inconsistent(String why) {
        return new HclException("Inconsistent conditional result types",
                "The true and false result expressions must have consistent types. " + why, range);
    }

    @Override
    public List<Traversal> references() {
        return References.of(condition, whenTrue, whenFalse);
    }
}
