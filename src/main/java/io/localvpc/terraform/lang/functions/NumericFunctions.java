package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.BinaryOperator;

/** abs, ceil, floor, min, max, sum, pow, signum, log, parseint. */
public final class NumericFunctions {

    private NumericFunctions() {}

    public static List<Function> all() {
        return List.of(
                unary("abs", BigDecimal::abs),
                unary("ceil", n -> n.setScale(0, RoundingMode.CEILING)),
                unary("floor", n -> n.setScale(0, RoundingMode.FLOOR)),
                unary("signum", n -> BigDecimal.valueOf(n.signum())),
                extreme("min", BigDecimal::min),
                extreme("max", BigDecimal::max),
                StrictFunction.named("sum").param("list", Type.list(Type.NUMBER)).returns(Type.NUMBER).body(a -> {
                    List<Value> elements = a.get(0).elements();
                    if (elements.isEmpty()) {
                        throw FunctionException.argument(0, "cannot sum an empty list");
                    }
                    return Value.number(elements.stream().map(Value::asNumber).reduce(BigDecimal.ZERO, BigDecimal::add));
                }),
                StrictFunction.named("pow").param("num", Type.NUMBER).param("power", Type.NUMBER).returns(Type.NUMBER).body(a -> {
                    BigDecimal base = a.get(0).asNumber();
                    BigDecimal power = a.get(1).asNumber();
                    if (power.signum() >= 0 && power.stripTrailingZeros().scale() <= 0 && power.compareTo(BigDecimal.valueOf(9999)) <= 0) {
                        return Value.number(base.pow(power.intValueExact()));
                    }
                    return Value.number(new BigDecimal(Math.pow(base.doubleValue(), power.doubleValue())));
                }),
                StrictFunction.named("log").param("num", Type.NUMBER).param("base", Type.NUMBER).returns(Type.NUMBER).body(a ->
                        Value.number(BigDecimal.valueOf(Math.log(a.get(0).asNumber().doubleValue()) / Math.log(a.get(1).asNumber().doubleValue())))),
                StrictFunction.named("parseint").param("number", Type.STRING).param("base", Type.NUMBER).returns(Type.NUMBER).body(a -> {
                    int base = Args.integer(a, 1);
                    if (base < 2 || base > 62) {
                        throw FunctionException.argument(1, "base must be a whole number between 2 and 62 inclusive");
                    }
                    try {
                        return Value.number(new BigDecimal(new BigInteger(a.get(0).asString(), base)));
                    } catch (NumberFormatException e) {
                        throw FunctionException.argument(0, "cannot parse \"" + a.get(0).asString() + "\" as a base " + base + " integer");
                    }
                }));
    }

    private static Function unary(String name, java.util.function.UnaryOperator<BigDecimal> op) {
        return StrictFunction.named(name).param("num", Type.NUMBER).returns(Type.NUMBER).body(a -> Value.number(op.apply(a.get(0).asNumber())));
    }

    private static Function extreme(String name, BinaryOperator<BigDecimal> pick) {
        return StrictFunction.named(name).variadic("numbers", Type.NUMBER).returns(Type.NUMBER).body(a -> {
            if (a.isEmpty()) {
                throw FunctionException.failed("must pass at least one number");
            }
            return Value.number(a.stream().map(Value::asNumber).reduce(pick).orElseThrow());
        });
    }
}
