package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.SourceRange;
import io.localvpc.terraform.lang.Value;

import java.util.List;

/**
 * A function callable from expressions. It receives its argument expressions unevaluated, so that
 * try() and can() can catch their arguments' errors; ordinary functions are {@link StrictFunction}s,
 * which evaluate and convert their arguments first.
 */
public interface Function {

    /** One call: the argument expressions, whether the last is expanded ({@code f(list...)}), and where. */
    record Call(String name, List<Expression> args, boolean expandFinal, EvalContext context,
                SourceRange nameRange, SourceRange range) {}

    String name();

    Value call(Call call);
}
