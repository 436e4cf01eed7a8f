package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.localvpc.terraform.lang.Hcl.error;
import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.json;
import static io.localvpc.terraform.lang.Hcl.num;
import static io.localvpc.terraform.lang.Hcl.obj;
import static io.localvpc.terraform.lang.Hcl.str;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionTest {

    @Test
    void literals() {
        assertThat(eval("42")).isEqualTo(num(42));
        assertThat(eval("1.5e3").asNumber()).isEqualByComparingTo("1500");
        assertThat(eval("2E-2").asNumber()).isEqualByComparingTo("0.02");
        assertThat(eval("1e+2").asNumber()).isEqualByComparingTo("100");
        assertThat(eval("true")).isEqualTo(Value.TRUE);
        assertThat(eval("null").isNull()).isTrue();
        assertThat(eval("\"s\"")).isEqualTo(str("s"));
        assertThat(eval("1.0")).isEqualTo(num(1));
        assertThat(eval("0.1 + 0.2").toString()).isEqualTo("0.3"); // arbitrary precision, no float noise
        assertThat(eval("123456789012345678901234567890 + 1").toString()).isEqualTo("123456789012345678901234567891");
    }

    @Test
    void operatorPrecedenceFollowsTheSpec() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(num(7));
        assertThat(eval("(1 + 2) * 3")).isEqualTo(num(9));
        assertThat(eval("10 - 4 - 3")).isEqualTo(num(3)); // left-associative
        assertThat(eval("12 / 2 / 3")).isEqualTo(num(2));
        assertThat(eval("7 % 4 * 2")).isEqualTo(num(6));
        assertThat(eval("-2 * -3")).isEqualTo(num(6));
        assertThat(eval("1 + 2 > 2 == true")).isEqualTo(Value.TRUE);
        assertThat(eval("true || false && false")).isEqualTo(Value.TRUE); // && binds tighter than ||
        assertThat(eval("!true || true")).isEqualTo(Value.TRUE);
        assertThat(eval("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4")).isEqualTo(Value.FALSE);
        assertThat(eval("1 == 1 ? 2 + 3 : 4")).isEqualTo(num(5));
        assertThat(eval("5 % 3")).isEqualTo(num(2));
        assertThat(eval("-5 % 3")).isEqualTo(num(-2));
        assertThat(eval("1 / 4")).isEqualTo(Value.number(new java.math.BigDecimal("0.25")));
    }

    @Test
    void arithmeticConvertsStringsAndRejectsOthers() {
        assertThat(eval("\"2\" + 3")).isEqualTo(num(5));
        assertThat(error("\"a\" + 1")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Invalid operand");
            assertThat(d.detail()).isEqualTo("Unsuitable value for left operand: a number is required.");
        });
        assertThat(error("1 + null").detail()).isEqualTo("Unsuitable value for right operand: argument must not be null.");
        assertThat(error("true && 1").summary()).isEqualTo("Invalid operand");
        assertThat(error("1 / 0").detail()).isEqualTo("Error during operation: can't divide by zero.");
    }

    @Test
    void equality() {
        assertThat(eval("1 == 1.0")).isEqualTo(Value.TRUE);
        assertThat(eval("1 == \"1\"")).isEqualTo(Value.FALSE);
        assertThat(eval("\"a\" != \"b\"")).isEqualTo(Value.TRUE);
        assertThat(eval("[1, \"a\"] == [1, \"a\"]")).isEqualTo(Value.TRUE);
        assertThat(eval("{a = 1} == {a = 1}")).isEqualTo(Value.TRUE);
        assertThat(eval("null == null")).isEqualTo(Value.TRUE);
        assertThat(eval("var.x == null", Map.of("var", obj("x", Value.nullOf(Type.STRING))))).isEqualTo(Value.TRUE);
        assertThat(eval("tolist([1]) == [1]")).isEqualTo(Value.FALSE); // a list is not a tuple
    }

    @Test
    void conditionalsUnifyTheirResults() {
        Value v = eval("true ? 1 : \"x\"");
        assertThat(v).isEqualTo(str("1"));
        assertThat(eval("false ? null : \"x\"")).isEqualTo(str("x"));
        assertThat(eval("\"true\" ? 1 : 2")).isEqualTo(num(1));
        assertThat(error("true ? 1 : [1]")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Inconsistent conditional result types");
            assertThat(d.detail()).contains("The 'true' value is number, but the 'false' value is tuple.");
        });
        assertThat(error("true ? 1 : false").summary()).isEqualTo("Inconsistent conditional result types");
        assertThat(error("null ? 1 : 2").summary()).isEqualTo("Null condition");
        assertThat(error("1 ? 1 : 2").summary()).isEqualTo("Incorrect condition type");
        assertThat(eval("true ? [\"a\"] : tolist([])").type()).isEqualTo(Type.list(Type.STRING));
        // the branch not taken may fail: it is evaluated for its type only
        Map<String, Value> vars = Map.of("var", obj("x", Value.NULL));
        assertThat(eval("var.x != null ? var.x.name : \"default\"", vars)).isEqualTo(str("default"));
        assertThat(error("var.x == null ? var.x.name : \"default\"", vars).summary()).isEqualTo("Attempt to get attribute from null value");
    }

    @Test
    void tuplesAndObjects() {
        assertThat(json("[1, \"two\", [3], {four = 4}]")).isEqualTo("[1,\"two\",[3],{\"four\":4}]");
        assertThat(json("{a = 1, \"b\" = 2, c: 3, (\"d${1}\") = 4}")).isEqualTo("{\"a\":1,\"b\":2,\"c\":3,\"d1\":4}");
        assertThat(json("{\n  b = 1\n  a = 2,\n}")).isEqualTo("{\"a\":2,\"b\":1}"); // keys sorted, as cty does
        assertThat(json("[\n  1,\n  2,\n]")).isEqualTo("[1,2]");
        assertThat(json("{(var.k) = 1}", Map.of("var", obj("k", str("dyn"))))).isEqualTo("{\"dyn\":1}");
        assertThat(eval("[1, 2]").type()).isEqualTo(Type.tuple(List.of(Type.NUMBER, Type.NUMBER)));
    }

    @Test
    void referencesIndexesAndAttributes() {
        Map<String, Value> vars = Map.of(
                "local", obj("vpc", obj("cidr_block", str("10.0.0.0/16"), "subnets", Value.tuple(List.of(str("a"), str("b"))))),
                "var", obj("m", Value.map(Map.of("k", str("v")))));
        assertThat(eval("local.vpc.cidr_block", vars)).isEqualTo(str("10.0.0.0/16"));
        assertThat(eval("local.vpc.subnets[1]", vars)).isEqualTo(str("b"));
        assertThat(eval("local.vpc.subnets.0", vars)).isEqualTo(str("a")); // legacy index
        assertThat(eval("local.vpc[\"cidr_block\"]", vars)).isEqualTo(str("10.0.0.0/16"));
        assertThat(eval("var.m.k", vars)).isEqualTo(str("v"));
        assertThat(eval("var.m[\"k\"]", vars)).isEqualTo(str("v"));
        assertThat(eval("local.vpc.subnets[\"1\"]", vars)).isEqualTo(str("b"));
        assertThat(eval("[[1, 2], [3]][0][1]")).isEqualTo(num(2));
        assertThat(eval("{a = {b = 1}}.a.b")).isEqualTo(num(1));
    }

    @Test
    void accessErrors() {
        Map<String, Value> vars = Map.of("local", obj("o", obj("a", num(1)), "l", Value.tuple(List.of(num(1))),
                "m", Value.map(Map.of("k", num(1))), "n", Value.nullOf(Type.DYNAMIC), "s", Value.set(List.of(num(1)))));
        assertThat(error("local.o.bbbb", vars)).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Unsupported attribute");
            assertThat(d.detail()).isEqualTo("This object does not have an attribute named \"bbbb\".");
            assertThat(d.subject().toString()).isEqualTo("test.tf:1,8-13");
        });
        assertThat(error("local.l[1]", vars)).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Invalid index");
            assertThat(d.detail()).isEqualTo("The given key does not identify an element in this collection value: "
                    + "the given index is greater than or equal to the length of the collection.");
        });
        assertThat(error("local.l[-1]", vars).detail()).contains("a negative number is not a valid index");
        assertThat(error("local.l[\"x\"]", vars).detail()).contains("a number is required");
        assertThat(error("local.o.aa", vars).detail()).isEqualTo("This object does not have an attribute named \"aa\". Did you mean \"a\"?");
        assertThat(error("local.m.x", vars).summary()).isEqualTo("Missing map element");
        assertThat(error("local.m[\"x\"]", vars).summary()).isEqualTo("Invalid index");
        assertThat(error("local.n.x", vars).summary()).isEqualTo("Attempt to get attribute from null value");
        assertThat(error("local.n[0]", vars).summary()).isEqualTo("Attempt to index null value");
        assertThat(error("local.s[0]", vars).detail()).startsWith("Elements of a set are identified only by their value");
        assertThat(error("local.o.a.b", vars).detail()).isEqualTo("Can't access attributes on a primitive-typed value (number).");
    }

    @Test
    void undeclaredReferences() {
        Map<String, Value> vars = Map.of("var", obj("a", num(1)), "local", obj(), "aws_vpc", obj("main", obj("id", str("vpc-1"))),
                "data", obj());
        assertThat(error("var.bbbb", vars)).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Reference to undeclared input variable");
            assertThat(d.detail()).isEqualTo("An input variable with the name \"bbbb\" has not been declared. "
                    + "This variable can be declared with a variable \"bbbb\" {} block.");
        });
        assertThat(error("local.x", vars).detail()).isEqualTo("A local value with the name \"x\" has not been declared.");
        assertThat(error("var.aa", vars).detail()).isEqualTo("An input variable with the name \"aa\" has not been declared. Did you mean \"a\"?");
        assertThat(error("aws_vpc.mian.id", vars).detail())
                .isEqualTo("A managed resource \"aws_vpc\" \"mian\" has not been declared in the root module. Did you mean \"main\"?");
        assertThat(error("aws_vpc.other.id", vars).detail()).isEqualTo("A managed resource \"aws_vpc\" \"other\" has not been declared in the root module.");
        assertThat(error("aws_subnet.x.id", vars).summary()).isEqualTo("Reference to undeclared resource");
        assertThat(error("data.aws_ami.al2.id", vars).detail()).isEqualTo("A data resource \"aws_ami\" \"al2\" has not been declared in the root module.");
        assertThat(error("aws_vpc.main.nope", vars).summary()).isEqualTo("Unsupported attribute");
        assertThat(error("count.index", vars).summary()).isEqualTo("Reference to \"count\" in non-counted context");
        assertThat(error("each.key", vars).summary()).isEqualTo("Reference to \"each\" in context without for_each");
    }

    @Test
    void forExpressions() {
        assertThat(json("[for x in [1, 2, 3] : x * 2]")).isEqualTo("[2,4,6]");
        assertThat(json("[for i, x in [\"a\", \"b\"] : \"${i}=${x}\"]")).isEqualTo("[\"0=a\",\"1=b\"]");
        assertThat(json("[for x in [1, 2, 3, 4] : x if x % 2 == 0]")).isEqualTo("[2,4]");
        assertThat(json("{for k, v in {a = 1, b = 2} : v => k}")).isEqualTo("{\"1\":\"a\",\"2\":\"b\"}");
        assertThat(json("{for s in [\"apple\", \"avocado\", \"banana\"] : substr(s, 0, 1) => s...}"))
                .isEqualTo("{\"a\":[\"apple\",\"avocado\"],\"b\":[\"banana\"]}");
        assertThat(json("[for k, v in {b = 2, a = 1} : k]")).isEqualTo("[\"a\",\"b\"]"); // map order is key order
        assertThat(json("[for v in toset([\"b\", \"a\", \"b\"]) : v]")).isEqualTo("[\"a\",\"b\"]");
        assertThat(json("[for k, v in toset([\"x\"]) : k]")).isEqualTo("[\"x\"]"); // a set's key is its value
        assertThat(json("{for x in [] : x => x}")).isEqualTo("{}");
        assertThat(error("{for x in [\"a\", \"a\"] : x => 1}")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Duplicate object key");
            assertThat(d.detail()).contains("Two different items produced the key \"a\" in this 'for' expression.");
        });
        assertThat(error("[for x in null : x]").summary()).isEqualTo("Iteration over null value");
        assertThat(error("[for x in \"abc\" : x]").detail()).isEqualTo("A value of type string cannot be used as the collection in a 'for' expression.");
        assertThat(error("[for x in [1] : x if null]").summary()).isEqualTo("Condition is null");
    }

    @Test
    void forExpressionVariablesShadowOuterOnesAndAreNotReferences() {
        Expression e = HclParser.parseExpression("x", "[for s in var.list : upper(s) if s != local.skip]");
        assertThat(e.references()).extracting(Traversal::toString).containsExactly("var.list", "local.skip");
    }

    @Test
    void splats() {
        Value instances = Value.tuple(List.of(obj("id", str("i-1"), "tags", obj("Name", str("a"))),
                obj("id", str("i-2"), "tags", obj("Name", str("b")))));
        Map<String, Value> vars = Map.of("aws_instance", obj("web", instances),
                "local", obj("one", obj("id", str("solo")), "none", Value.NULL,
                        "nested", Value.tuple(List.of(obj("ips", Value.tuple(List.of(str("1"), str("2")))), obj("ips", Value.tuple(List.of(str("3")))))),
                        "list", Value.list(List.of(obj("id", str("x"))))));
        assertThat(json("aws_instance.web[*].id", vars)).isEqualTo("[\"i-1\",\"i-2\"]");
        assertThat(json("aws_instance.web.*.id", vars)).isEqualTo("[\"i-1\",\"i-2\"]");
        assertThat(json("aws_instance.web[*].tags.Name", vars)).isEqualTo("[\"a\",\"b\"]");
        assertThat(json("aws_instance.web.*.id[1]", vars)).isEqualTo("\"i-2\""); // the legacy splat stops at the index
        assertThat(json("local.nested[*].ips[0]", vars)).isEqualTo("[\"1\",\"3\"]"); // the full splat takes the index in
        assertThat(json("local.one[*].id", vars)).isEqualTo("[\"solo\"]"); // a single value is wrapped
        assertThat(json("local.none[*].id", vars)).isEqualTo("[]");
        assertThat(eval("local.list[*].id", vars).type()).isEqualTo(Type.list(Type.STRING));
        assertThat(json("local.nested[*].ips[*]", vars)).isEqualTo("[[\"1\",\"2\"],[\"3\"]]");
        assertThat(json("length(aws_instance.web[*])", vars)).isEqualTo("2");
        assertThat(error("tolist(null)[*]").summary()).isEqualTo("Splat of null value");
    }

    @Test
    void templates() {
        Map<String, Value> vars = Map.of("var", obj("name", str("web"), "n", num(3), "list", Value.tuple(List.of(str("a"), str("b"))),
                "flag", Value.TRUE));
        assertThat(eval("\"${var.name}-${var.n}\"", vars)).isEqualTo(str("web-3"));
        assertThat(eval("\"${var.n}\"", vars)).isEqualTo(num(3)); // a lone interpolation keeps its type
        assertThat(eval("\"${var.list}\"", vars).type()).isInstanceOf(TupleType.class);
        assertThat(eval("\"x ${true}\"", vars)).isEqualTo(str("x true"));
        assertThat(eval("\"%{ if var.flag }yes%{ else }no%{ endif }\"", vars)).isEqualTo(str("yes"));
        assertThat(eval("\"%{ if !var.flag }yes%{ endif }\"", vars)).isEqualTo(str(""));
        assertThat(eval("\"%{ for x in var.list }[${x}]%{ endfor }\"", vars)).isEqualTo(str("[a][b]"));
        assertThat(eval("\"%{ for i, x in var.list }${i}${x} %{ endfor }\"", vars)).isEqualTo(str("0a 1b "));
        assertThat(eval("\"{${var.name}}\"", vars)).isEqualTo(str("{web}"));
        assertThat(eval("\"${ {a = \"}\"}.a }\"", vars)).isEqualTo(str("}")); // braces and strings nest inside interpolations
        assertThat(error("\"${null}x\"", vars)).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Invalid template interpolation value");
            assertThat(d.detail()).isEqualTo("The expression result is null. Cannot include a null value in a string template.");
        });
        assertThat(error("\"x${var.list}\"", vars).detail()).isEqualTo("Cannot include the given value in a string template: string required.");
    }

    @Test
    void stripMarkers() {
        Map<String, Value> vars = Map.of("list", Value.tuple(List.of(str("a"), str("b"))));
        String heredoc = "<<EOT\n%{ for x in list ~}\n${x}\n%{ endfor ~}\nEOT\n";
        assertThat(eval(heredoc, vars)).isEqualTo(str("a\nb\n"));
        assertThat(eval("\"a   ${~ \"b\" ~}   c\"")).isEqualTo(str("abc"));
        assertThat(eval("\"a %{~ if true ~} b %{~ endif ~} c\"")).isEqualTo(str("abc"));
    }

    @Test
    void functionCallsWithExpansion() {
        assertThat(eval("max([1, 5, 3]...)")).isEqualTo(num(5));
        assertThat(eval("format(\"%s-%s\", [\"a\", \"b\"]...)")).isEqualTo(str("a-b"));
        assertThat(error("nosuch(1)")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Call to unknown function");
            assertThat(d.detail()).isEqualTo("There is no function named \"nosuch\".");
        });
        assertThat(error("lenght([])").detail()).isEqualTo("There is no function named \"lenght\". Did you mean \"length\"?");
        assertThat(error("upper()")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Not enough function arguments");
            assertThat(d.detail()).isEqualTo("Function \"upper\" expects 1 argument(s). Missing value for \"str\".");
        });
        assertThat(error("upper(\"a\", \"b\")").detail()).isEqualTo("Function \"upper\" expects only 1 argument(s).");
        assertThat(error("upper([])")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Invalid function argument");
            assertThat(d.detail()).isEqualTo("Invalid value for \"str\" parameter: string required.");
            assertThat(d.subject().toString()).isEqualTo("test.tf:1,7-9");
        });
        assertThat(error("max(null...)").summary()).isEqualTo("Invalid expanding argument value");
    }

    @Test
    void nullHandling() {
        assertThat(eval("null").type()).isEqualTo(Type.DYNAMIC);
        assertThat(eval("[null][0]").isNull()).isTrue();
        assertThat(eval("coalesce(null, \"x\")")).isEqualTo(str("x"));
        assertThat(eval("tostring(null)")).isEqualTo(Value.nullOf(Type.STRING));
        assertThat(error("upper(null)").detail()).isEqualTo("Invalid value for \"str\" parameter: argument must not be null.");
    }
}
