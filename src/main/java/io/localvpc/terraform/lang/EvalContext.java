package io.localvpc.terraform.lang;

import java.util.HashMap;
import java.util.Map;

/** Variables by root name (var, local, count, each, path, data, self, terraform, aws_vpc, ...) and functions. */
public record EvalContext(Map<String, Value> variables, Functions functions) {

    public EvalContext {
        variables = Map.copyOf(variables);
    }

    /** A copy with one more (or replaced) root. */
    public EvalContext with(String root, Value value) {
        Map<String, Value> copy = new HashMap<>(variables);
        copy.put(root, value);
        return new EvalContext(copy, functions);
    }

    /** A context with no variables and the given functions (constant expressions, tests). */
    public static EvalContext of(Functions functions) {
        return new EvalContext(Map.of(), functions);
    }
}
