package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.SourceRange;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * A function whose arguments are evaluated, expanded ({@code f(list...)}), counted, converted to
 * the parameters' types and checked for null and unknown before its body runs; an argument the
 * body cannot work with while unknown makes the result unknown, as in Terraform.
 */
public final class StrictFunction implements Function {

    /** The body of a function: its arguments are converted (a variadic parameter's arguments follow the fixed ones). */
    @FunctionalInterface
    public interface Body {
        Value apply(List<Value> args);
    }

    /** A body that also needs the caller's context (templatefile() evaluates with the caller's functions). */
    @FunctionalInterface
    public interface ContextBody {
        Value apply(List<Value> args, EvalContext context);
    }

    private final String name;
    private final List<Param> params;
    private final Param variadic;
    private final Type returnType;
    private final ContextBody body;

    private StrictFunction(String name, List<Param> params, Param variadic, Type returnType, ContextBody body) {
        this.name = name;
        this.params = List.copyOf(params);
        this.variadic = variadic;
        this.returnType = returnType;
        this.body = body;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Declares a function step by step: parameters, an optional variadic parameter, the return type, the body. */
    public static final class Builder {
        private final String name;
        private final List<Param> params = new ArrayList<>();
        private Param variadic;
        private Type returnType = Type.DYNAMIC;

        private Builder(String name) {
            this.name = name;
        }

        public Builder param(String paramName, Type type) {
            return param(Param.of(paramName, type));
        }

        public Builder param(Param p) {
            params.add(p);
            return this;
        }

        public Builder variadic(String paramName, Type type) {
            return variadic(Param.of(paramName, type));
        }

        public Builder variadic(Param p) {
            variadic = p;
            return this;
        }

        public Builder returns(Type type) {
            returnType = type;
            return this;
        }

        public StrictFunction body(Body b) {
            return new StrictFunction(name, params, variadic, returnType, (args, context) -> b.apply(args));
        }

        public StrictFunction contextBody(ContextBody b) {
            return new StrictFunction(name, params, variadic, returnType, b);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Value call(Call call) {
        List<Value> values = new ArrayList<>();
        List<SourceRange> ranges = new ArrayList<>();
        for (int i = 0; i < call.args().size(); i++) {
            Expression arg = call.args().get(i);
            Value v = arg.evaluate(call.context());
            if (call.expandFinal() && i == call.args().size() - 1) {
                if (!expand(v, arg.range(), values, ranges)) {
                    return Value.unknown(returnType);
                }
            } else {
                values.add(v);
                ranges.add(arg.range());
            }
        }
        return apply(values, ranges, call.range(), call.context());
    }

    /** Calls the function on values already evaluated. */
    private Value apply(List<Value> values, List<SourceRange> ranges, SourceRange callRange, EvalContext context) {
        checkArity(values.size(), ranges, callRange);
        List<Value> converted = new ArrayList<>(values.size());
        boolean unknownResult = false;
        for (int i = 0; i < values.size(); i++) {
            Param p = i < params.size() ? params.get(i) : variadic;
            Value v = values.get(i);
            if (v.isNull() && !p.allowNull()) {
                throw invalid(p, "argument must not be null", ranges.get(i));
            }
            try {
                v = v.convert(p.type());
            } catch (IllegalArgumentException e) {
                throw invalid(p, e.getMessage(), ranges.get(i));
            }
            unknownResult |= switch (p.unknowns()) {
                case NONE -> !v.isWhollyKnown();
                case ELEMENTS -> !v.isKnown();
                case ANY -> false;
            };
            converted.add(v);
        }
        if (unknownResult) {
            return Value.unknown(returnType);
        }
        try {
            return body.apply(converted, context);
        } catch (FunctionException e) {
            int index = e.argumentIndex();
            if (index >= 0 && index < values.size()) {
                throw invalid(index < params.size() ? params.get(index) : variadic, e.getMessage(), ranges.get(index));
            }
            throw new HclException("Error in function call", "Call to function " + Strings.quote(name) + " failed: " + e.getMessage() + ".", callRange);
        }
    }

    private boolean expand(Value v, SourceRange range, List<Value> values, List<SourceRange> ranges) {
        if (v.isNull()) {
            throw new HclException("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", range);
        }
        if (!v.type().isSequence() && v.type() != Type.DYNAMIC) {
            throw new HclException("Invalid expanding argument value",
                    "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", range);
        }
        if (!v.isKnown()) {
            return false;
        }
        for (Value e : v.elements()) {
            values.add(e);
            ranges.add(range);
        }
        return true;
    }

    private void checkArity(int given, List<SourceRange> ranges, SourceRange callRange) {
        if (given < params.size()) {
            throw new HclException("Not enough function arguments", "Function " + Strings.quote(name) + " expects " + params.size()
                    + " argument(s). Missing value for " + Strings.quote(params.get(given).name()) + ".", callRange);
        }
        if (given > params.size() && variadic == null) {
            throw new HclException("Too many function arguments", "Function " + Strings.quote(name) + " expects only "
                    + params.size() + " argument(s).", ranges.get(params.size()));
        }
    }

    private static HclException invalid(Param p, String message, SourceRange where) {
        return new HclException("Invalid function argument", "Invalid value for " + Strings.quote(p.name()) + " parameter: " + message + ".", where);
    }
}
