package io.localvpc.terraform.lang;

import java.util.List;

/** {@code a op b}. Operands are converted to the operator's operand type; an unknown operand gives an unknown result. */
record BinaryExpr(Operator op, Expression left, Expression right, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Value a = operand(left.evaluate(context), "left", left);
        Value b = operand(right.evaluate(context), "right", right);
        if (op.operandType == Type.DYNAMIC) {
            return Equality.undecided(a, b) ? Value.unknown(Type.BOOL) : op.apply(a, b);
        }
        if (!a.isKnown() || !b.isKnown()) {
            return Value.unknown(op.resultType());
        }
        try {
            return op.apply(a, b);
        } catch (ArithmeticException e) {
            throw new HclException("Operation failed", "Error during operation: " + e.getMessage() + ".", range);
        }
    }

    private Value operand(Value v, String side, Expression expr) {
        if (op.operandType == Type.DYNAMIC) {
            return v;
        }
        if (v.isNull()) {
            throw new HclException("Invalid operand", "Unsuitable value for " + side + " operand: argument must not be null.", expr.range());
        }
        try {
            return v.convert(op.operandType);
        } catch (IllegalArgumentException e) {
            throw new HclException("Invalid operand", "Unsuitable value for " + side + " operand: "
                    + (e.getMessage().startsWith("a ") ? e.getMessage() : "a " + op.operandType.friendlyName() + " is required") + ".", expr.range());
        }
    }

    @Override
    public List<Traversal> references() {
        return References.of(left, right);
    }
}
