package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.List;

/**
 * tostring, tonumber, tobool, tolist, toset, tomap; try and can, which receive their arguments
 * unevaluated so that they can catch the errors of evaluating them; sensitive and nonsensitive,
 * which are identities here (the engine does not track sensitivity).
 */
public final class ConversionFunctions {

    private ConversionFunctions() {}

    public static List<Function> all() {
        return List.of(
                conversion("tostring", Type.STRING),
                conversion("tonumber", Type.NUMBER),
                conversion("tobool", Type.BOOL),
                conversion("tolist", Type.list(Type.DYNAMIC)),
                conversion("toset", Type.set(Type.DYNAMIC)),
                conversion("tomap", Type.map(Type.DYNAMIC)),
                identity("sensitive"),
                identity("nonsensitive"),
                new Try(),
                new Can());
    }

    private static Function conversion(String name, Type target) {
        return StrictFunction.named(name).param(Param.of("v", Type.DYNAMIC).nullable().anyUnknown()).returns(target).body(a -> {
            Value v = a.get(0);
            try {
                return v.convert(target);
            } catch (IllegalArgumentException e) {
                throw FunctionException.argument(0, why(v, target, e.getMessage()));
            }
        });
    }

    /** Terraform's wording: cannot convert "abc" to number; given string must be a decimal representation of a number. */
    private static String why(Value v, Type target, String conversionMessage) {
        if (v.type() == Type.STRING && target == Type.NUMBER) {
            return "cannot convert " + io.localvpc.terraform.lang.Strings.quote(v.asString())
                    + " to number; given string must be a decimal representation of a number";
        }
        if (v.type() == Type.STRING && target == Type.BOOL) {
            return "cannot convert " + io.localvpc.terraform.lang.Strings.quote(v.asString()) + " to bool; only the strings \"true\" or \"false\" are allowed";
        }
        if (target.elementType() == Type.DYNAMIC) {
            return "cannot convert " + v.type().friendlyName() + " to " + target.friendlyName().replace("dynamic", "any single type");
        }
        return "cannot convert " + v.type().friendlyName() + " to " + target.friendlyName() + " (" + conversionMessage + ")";
    }

    private static Function identity(String name) {
        return StrictFunction.named(name).param(Param.of("value", Type.DYNAMIC).nullable().anyUnknown()).body(a -> a.get(0));
    }

    /** try(a, b, ...): the first argument that evaluates without error. */
    private static final class Try implements Function {
        @Override
        public String name() {
            return "try";
        }

        @Override
        public Value call(Call call) {
            if (call.args().isEmpty()) {
                throw new HclException("Not enough function arguments", "Function \"try\" expects at least one argument.", call.range());
            }
            StringBuilder failures = new StringBuilder();
            for (Expression arg : call.args()) {
                try {
                    Value v = arg.evaluate(call.context());
                    // A result with unknowns might still fail once known, so the choice waits for apply.
                    return v.isWhollyKnown() ? v : Value.unknown(Type.DYNAMIC);
                } catch (HclException e) {
                    e.diagnostics().forEach(d -> failures.append("\n- ").append(d.summary())
                            .append(d.subject() == null ? "" : " (at " + d.subject() + ")")
                            .append(d.detail() == null ? "" : "\n  " + d.detail()));
                }
            }
            throw new HclException("Error in function call", "Call to function \"try\" failed: no expression succeeded:" + failures
                    + "\n\nAt least one expression must produce a successful result.", call.range());
        }
    }

    /** can(expr): whether the expression evaluates without error. */
    private static final class Can implements Function {
        @Override
        public String name() {
            return "can";
        }

        @Override
        public Value call(Call call) {
            if (call.args().size() != 1) {
                throw new HclException(call.args().isEmpty() ? "Not enough function arguments" : "Too many function arguments",
                        "Function \"can\" expects 1 argument(s).", call.range());
            }
            try {
                Value v = call.args().get(0).evaluate(call.context());
                return v.isWhollyKnown() ? Value.TRUE : Value.unknown(Type.BOOL);
            } catch (HclException e) {
                return Value.FALSE;
            }
        }
    }
}
