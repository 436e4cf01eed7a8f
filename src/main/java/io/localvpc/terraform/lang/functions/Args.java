package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Numbers;
import io.localvpc.terraform.lang.Value;

import java.math.BigDecimal;
import java.util.List;

/** Small helpers for function bodies reading their (already converted) arguments. */
final class Args {

    private Args() {}

    /** A whole number argument that fits an int. */
    static int integer(List<Value> args, int index) {
        BigDecimal n = args.get(index).asNumber();
        if (!Numbers.isWhole(n)) {
            throw FunctionException.argument(index, "a whole number is required");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw FunctionException.argument(index, "the number is too large");
        }
    }

    static String string(List<Value> args, int index) {
        return args.get(index).asString();
    }

    /** The elements of a list, set or tuple argument, or a "must be a list" failure. */
    static List<Value> sequence(List<Value> args, int index, String what) {
        Value v = args.get(index);
        if (!v.type().isSequence()) {
            throw FunctionException.argument(index, what);
        }
        return v.elements();
    }
}
