package io.localvpc.terraform.lang;

import io.localvpc.terraform.lang.functions.Function;

import java.util.List;

/** {@code name(arg, ...)}, or {@code name(a, list...)} which expands the last argument into arguments. */
record FunctionCallExpr(String name, List<Expression> args, boolean expandFinal, SourceRange nameRange, SourceRange range)
        implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        Function function = context.functions() == null ? null : context.functions().lookup(name);
        if (function == null) {
            String suggestion = context.functions() == null ? "" : Suggestions.didYouMean(name, context.functions().names());
            throw new HclException("Call to unknown function", "There is no function named " + Strings.quote(name) + "." + suggestion, nameRange);
        }
        return function.call(new Function.Call(name, args, expandFinal, context, nameRange, range));
    }

    @Override
    public List<Traversal> references() {
        return References.of(args);
    }
}
