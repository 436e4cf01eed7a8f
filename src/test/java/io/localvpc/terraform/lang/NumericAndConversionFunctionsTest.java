package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.localvpc.terraform.lang.Hcl.error;
import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.json;
import static io.localvpc.terraform.lang.Hcl.num;
import static io.localvpc.terraform.lang.Hcl.obj;
import static io.localvpc.terraform.lang.Hcl.str;
import static org.assertj.core.api.Assertions.assertThat;

class NumericAndConversionFunctionsTest {

    @Test
    void numeric() {
        assertThat(eval("abs(-12.4)")).isEqualTo(Value.number(new BigDecimal("12.4")));
        assertThat(eval("ceil(4.1)")).isEqualTo(num(5));
        assertThat(eval("floor(-4.1)")).isEqualTo(num(-5));
        assertThat(eval("min(12, 54, 3)")).isEqualTo(num(3));
        assertThat(eval("max(12, \"54\", 3)")).isEqualTo(num(54));
        assertThat(error("max()").detail()).contains("must pass at least one number");
        assertThat(eval("sum([10, 13, 6, 4.5])")).isEqualTo(Value.number(new BigDecimal("33.5")));
        assertThat(error("sum([])").detail()).contains("cannot sum an empty list");
        assertThat(eval("pow(3, 2)")).isEqualTo(num(9));
        assertThat(eval("signum(-13)")).isEqualTo(num(-1));
        assertThat(eval("parseint(\"FF\", 16)")).isEqualTo(num(255));
        assertThat(error("parseint(\"xyz\", 10)").summary()).isEqualTo("Invalid function argument");
    }

    @Test
    void typeConversionFunctions() {
        assertThat(eval("tostring(12)")).isEqualTo(str("12"));
        assertThat(eval("tonumber(\"1.5\")")).isEqualTo(Value.number(new BigDecimal("1.5")));
        assertThat(eval("tobool(\"true\")")).isEqualTo(Value.TRUE);
        assertThat(error("tonumber(\"no\")").detail()).isEqualTo("Invalid value for \"v\" parameter: cannot convert \"no\" to number; "
                + "given string must be a decimal representation of a number.");
        assertThat(error("tobool(\"yes\")").detail()).contains("cannot convert \"yes\" to bool");
        assertThat(error("tostring([])").summary()).isEqualTo("Invalid function argument");
        assertThat(eval("tolist([\"a\", \"b\"])").type()).isEqualTo(Type.list(Type.STRING));
        assertThat(json("toset([\"c\", \"b\", \"b\"])")).isEqualTo("[\"b\",\"c\"]");
        assertThat(eval("tomap({a = 1, b = 2})").type()).isEqualTo(Type.map(Type.NUMBER));
        assertThat(error("tolist([1, [2]])").detail()).isEqualTo("Invalid value for \"v\" parameter: cannot convert tuple to list of any single type.");
        assertThat(eval("tostring(var.u)", Map.of("var", obj("u", Value.unknown(Type.DYNAMIC))))).isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("sensitive(\"x\")")).isEqualTo(str("x"));
        assertThat(eval("nonsensitive(\"x\")")).isEqualTo(str("x"));
    }

    @Test
    void tryAndCanCatchEvaluationErrors() {
        Map<String, Value> vars = Map.of("local", obj("m", obj("a", num(1))));
        assertThat(eval("try(local.m.b, \"fallback\")", vars)).isEqualTo(str("fallback"));
        assertThat(eval("try(local.m.a, \"fallback\")", vars)).isEqualTo(num(1));
        assertThat(eval("try(tonumber(\"x\"), 0)", vars)).isEqualTo(num(0));
        assertThat(error("try(local.m.b, local.m.c)", vars)).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Error in function call");
            assertThat(d.detail()).startsWith("Call to function \"try\" failed: no expression succeeded:\n- Unsupported attribute (at test.tf:1,12-14)");
            assertThat(d.detail()).endsWith("At least one expression must produce a successful result.");
        });
        assertThat(eval("can(local.m.b)", vars)).isEqualTo(Value.FALSE);
        assertThat(eval("can(local.m.a)", vars)).isEqualTo(Value.TRUE);
        assertThat(eval("can(regex(\"^ami-\", \"ami-123\"))", vars)).isEqualTo(Value.TRUE);
        assertThat(eval("can(regex(\"^ami-\", \"img-123\"))", vars)).isEqualTo(Value.FALSE);
        assertThat(error("can()").summary()).isEqualTo("Not enough function arguments");
    }
}
