package io.localvpc.terraform.lang;

import java.util.List;

/** {@code condition ? a : b}; both results are converted to one unified type, as HCL does. */
record ConditionalExpr(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Value c = condition.evaluate(context);
        Value t = whenTrue.evaluate(context);
        Value f = whenFalse.evaluate(context);
        Type unified = Conversions.unify(List.of(t.type(), f.type()));
        if (unified == null) {
            throw new HclException("Inconsistent conditional result types", "The true and false result expressions must have consistent types. "
                    + "The 'true' value is " + t.type().friendlyName() + ", but the 'false' value is " + f.type().friendlyName() + ".", range);
        }
        if (c.isNull()) {
            throw new HclException("Null condition", "The condition value is null. Conditions must either be true or false.", condition.range());
        }
        Value cond;
        try {
            cond = c.convert(Type.BOOL);
        } catch (IllegalArgumentException e) {
            throw new HclException("Incorrect condition type", "The condition expression must be of type bool.", condition.range());
        }
        if (!cond.isKnown()) {
            return Value.unknown(unified);
        }
        Value chosen = cond.asBool() ? t : f;
        try {
            return chosen.convert(unified);
        } catch (IllegalArgumentException e) {
            throw new HclException("Inconsistent conditional result types", "The true and false result expressions must have consistent types. "
                    + e.getMessage() + ".", range);
        }
    }

    @Override
    public List<Traversal> references() {
        return References.of(condition, whenTrue, whenFalse);
    }
}
