package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The binary operators with their precedence, per the HCL spec: * / % bind tightest, then + -,
 * then the comparisons, then equality, then &&, then ||. All are left-associative.
 */
enum Operator {
    OR(1, Type.BOOL), AND(2, Type.BOOL),
    EQUAL(3, Type.DYNAMIC), NOT_EQUAL(3, Type.DYNAMIC),
    LESS(4, Type.NUMBER), LESS_EQUAL(4, Type.NUMBER), GREATER(4, Type.NUMBER), GREATER_EQUAL(4, Type.NUMBER),
    ADD(5, Type.NUMBER), SUBTRACT(5, Type.NUMBER),
    MULTIPLY(6, Type.NUMBER), DIVIDE(6, Type.NUMBER), MODULO(6, Type.NUMBER);

    static final int LOWEST = 1;
    static final int HIGHEST = 6;

    private static final Map<TokenType, Operator> BY_TOKEN = Map.ofEntries(
            Map.entry(TokenType.OR, OR), Map.entry(TokenType.AND, AND),
            Map.entry(TokenType.EQUAL, EQUAL), Map.entry(TokenType.NOT_EQUAL, NOT_EQUAL),
            Map.entry(TokenType.LESS, LESS), Map.entry(TokenType.LESS_EQUAL, LESS_EQUAL),
            Map.entry(TokenType.GREATER, GREATER), Map.entry(TokenType.GREATER_EQUAL, GREATER_EQUAL),
            Map.entry(TokenType.PLUS, ADD), Map.entry(TokenType.MINUS, SUBTRACT),
            Map.entry(TokenType.STAR, MULTIPLY), Map.entry(TokenType.SLASH, DIVIDE), Map.entry(TokenType.PERCENT, MODULO));

    final int precedence;
    /** The type both operands are converted to; DYNAMIC for equality, which compares any values. */
    final Type operandType;

    Operator(int precedence, Type operandType) {
        this.precedence = precedence;
        this.operandType = operandType;
    }

    static Operator of(TokenType token) {
        return BY_TOKEN.get(token);
    }

    Type resultType() {
        return operandType == Type.NUMBER && precedence >= 5 ? Type.NUMBER : Type.BOOL;
    }

    /** Applies the operator to known, non-null operands already converted to the operand type. */
    Value apply(Value a, Value b) {
        return switch (this) {
            case OR -> Value.bool(a.asBool() || b.asBool());
            case AND -> Value.bool(a.asBool() && b.asBool());
            case EQUAL -> Value.bool(Equality.equal(a, b));
            case NOT_EQUAL -> Value.bool(!Equality.equal(a, b));
            case LESS -> Value.bool(a.asNumber().compareTo(b.asNumber()) < 0);
            case LESS_EQUAL -> Value.bool(a.asNumber().compareTo(b.asNumber()) <= 0);
            case GREATER -> Value.bool(a.asNumber().compareTo(b.asNumber()) > 0);
            case GREATER_EQUAL -> Value.bool(a.asNumber().compareTo(b.asNumber()) >= 0);
            case ADD -> Value.number(a.asNumber().add(b.asNumber()));
            case SUBTRACT -> Value.number(a.asNumber().subtract(b.asNumber()));
            case MULTIPLY -> Value.number(a.asNumber().multiply(b.asNumber()));
            case DIVIDE -> Value.number(divide(a.asNumber(), b.asNumber()));
            case MODULO -> Value.number(modulo(a.asNumber(), b.asNumber()));
        };
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new ArithmeticException("can't divide by zero");
        }
        return a.divide(b, Numbers.DIVISION);
    }

    private static BigDecimal modulo(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw new ArithmeticException("can't use modulo by zero");
        }
        return a.remainder(b);
    }
}
