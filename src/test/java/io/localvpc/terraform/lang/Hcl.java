package io.localvpc.terraform.lang;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helpers: evaluate an expression with the standard functions and a few variables. */
final class Hcl {

    static final Functions FUNCTIONS = Functions.standard(Path.of("."));

    private Hcl() {}

    static EvalContext context(Map<String, Value> variables) {
        return new EvalContext(variables, FUNCTIONS);
    }

    static Value eval(String expression) {
        return eval(expression, Map.of());
    }

    static Value eval(String expression, Map<String, Value> variables) {
        return HclParser.parseExpression("test.tf", expression).evaluate(context(variables));
    }

    /** The value as compact JSON (jsonencode), an easy way to compare structures. */
    static String json(String expression) {
        return json(expression, Map.of());
    }

    static String json(String expression, Map<String, Value> variables) {
        return Hcl.eval("jsonencode(" + expression + ")", variables).asString();
    }

    /** The first diagnostic of evaluating (or parsing) the expression. */
    static Diagnostic error(String expression) {
        return error(expression, Map.of());
    }

    static Diagnostic error(String expression, Map<String, Value> variables) {
        HclException[] caught = new HclException[1];
        assertThatThrownBy(() -> eval(expression, variables)).isInstanceOfSatisfying(HclException.class, e -> caught[0] = e);
        return caught[0].first();
    }

    /** A "var" object and friends from name/value pairs: vars("var", obj("a", Value.string("x"))). */
    static Value obj(Object... keysAndValues) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return Value.object(m);
    }

    static Value str(String s) {
        return Value.string(s);
    }

    static Value num(long n) {
        return Value.number(n);
    }
}
