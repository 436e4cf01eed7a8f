package io.localvpc.terraform.lang;

import java.util.List;

/** {@code -a} or {@code !a}. */
record UnaryExpr(boolean negate, Expression operand, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Type type = negate ? Type.NUMBER : Type.BOOL;
        Value v = operand.evaluate(context);
        if (v.isNull()) {
            throw new HclException("Invalid operand", "Unsuitable value for unary operand: argument must not be null.", operand.range());
        }
        try {
            v = v.convert(type);
        } catch (IllegalArgumentException e) {
            throw new HclException("Invalid operand", "Unsuitable value for unary operand: a " + type.friendlyName() + " is required.", operand.range());
        }
        if (!v.isKnown()) {
            return Value.unknown(type);
        }
        return negate ? Value.number(v.asNumber().negate()) : Value.bool(!v.asBool());
    }

    @Override
    public List<Traversal> references() {
        return operand.references();
    }
}
