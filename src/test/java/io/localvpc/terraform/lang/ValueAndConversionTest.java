package io.localvpc.terraform.lang;

import io.localvpc.terraform.provider.Unknown;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.num;
import static io.localvpc.terraform.lang.Hcl.obj;
import static io.localvpc.terraform.lang.Hcl.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueAndConversionTest {

    private static Type constraint(String text) {
        return Type.fromConstraint(HclParser.parseExpression("variables.tf", text));
    }

    @Test
    void primitiveConversions() {
        assertThat(num(5).convert(Type.STRING)).isEqualTo(str("5"));
        assertThat(Value.number(new BigDecimal("1.50")).convert(Type.STRING)).isEqualTo(str("1.5"));
        assertThat(Value.TRUE.convert(Type.STRING)).isEqualTo(str("true"));
        assertThat(str("12.5").convert(Type.NUMBER)).isEqualTo(Value.number(new BigDecimal("12.5")));
        assertThat(str("false").convert(Type.BOOL)).isEqualTo(Value.FALSE);
        assertThatThrownBy(() -> str("abc").convert(Type.NUMBER)).hasMessage("a number is required");
        assertThatThrownBy(() -> str("yes").convert(Type.BOOL)).hasMessage("a bool is required");
        assertThatThrownBy(() -> str("True").convert(Type.BOOL)).hasMessage("a bool is required; to convert from string, use lowercase \"true\"");
        assertThat(str("1").convert(Type.BOOL)).isEqualTo(Value.TRUE);
        assertThatThrownBy(() -> num(1).convert(Type.BOOL)).hasMessage("bool required");
        assertThatThrownBy(() -> eval("[1]").convert(Type.STRING)).hasMessage("string required");
    }

    @Test
    void collectionConversions() {
        Value tuple = eval("[\"a\", 1, true]");
        Value list = tuple.convert(Type.list(Type.DYNAMIC));
        assertThat(list.type()).isEqualTo(Type.list(Type.STRING)); // unified to string
        assertThat(list.elements()).containsExactly(str("a"), str("1"), str("true"));
        assertThat(eval("[\"b\", \"a\", \"b\"]").convert(Type.set(Type.STRING)).elements()).containsExactly(str("a"), str("b"));
        assertThat(eval("{a = 1, b = \"2\"}").convert(Type.map(Type.NUMBER)).attributes()).containsEntry("b", num(2));
        assertThatThrownBy(() -> eval("[1, [2]]").convert(Type.list(Type.DYNAMIC))).hasMessageContaining("same type");
        assertThatThrownBy(() -> eval("[\"a\", \"b\"]").convert(Type.list(Type.NUMBER))).hasMessage("element 0: a number is required");
        assertThatThrownBy(() -> eval("{a = 1}").convert(Type.list(Type.STRING))).hasMessage("list of string required");
        assertThat(eval("[1, \"2\"]").convert(Type.tuple(List.of(Type.STRING, Type.NUMBER))).elements()).containsExactly(str("1"), num(2));
    }

    @Test
    void objectConversionsWithOptionalAttributes() {
        Type t = constraint("object({name = string, size = optional(number, 10), tags = optional(map(string))})");
        Value v = eval("{name = \"a\", extra = true}").convert(t);
        assertThat(v.attributes()).containsOnlyKeys("name", "size", "tags"); // extra attributes are dropped
        assertThat(v.attributes().get("size")).isEqualTo(num(10));
        assertThat(v.attributes().get("tags").isNull()).isTrue();
        assertThat(v.attributes().get("tags").type()).isEqualTo(Type.map(Type.STRING));
        assertThatThrownBy(() -> eval("{size = 1}").convert(t)).hasMessage("attribute \"name\" is required");
        assertThatThrownBy(() -> eval("{name = []}").convert(t)).hasMessage("attribute \"name\": string required");
        Value nested = eval("[{name = \"x\"}]").convert(Type.list(t));
        assertThat(nested.elements().get(0).attributes().get("size")).isEqualTo(num(10));
    }

    @Test
    void typeConstraints() {
        assertThat(constraint("string")).isEqualTo(Type.STRING);
        assertThat(constraint("any")).isEqualTo(Type.DYNAMIC);
        assertThat(constraint("list(string)")).isEqualTo(Type.list(Type.STRING));
        assertThat(constraint("set(number)").friendlyName()).isEqualTo("set of number");
        assertThat(constraint("map(list(bool))").typeExpression()).isEqualTo("map(list(bool))");
        assertThat(constraint("tuple([string, number])")).isEqualTo(Type.tuple(List.of(Type.STRING, Type.NUMBER)));
        assertThat(constraint("object({a = string, b = optional(number)})")).isEqualTo(
                ObjectType.of(Map.of("a", Type.STRING, "b", Type.NUMBER), Set.of("b"), Map.of()));
        assertThatThrownBy(() -> constraint("strin")).isInstanceOfSatisfying(HclException.class, e -> {
            assertThat(e.first().summary()).isEqualTo("Invalid type specification");
            assertThat(e.first().detail()).isEqualTo("The keyword \"strin\" is not a valid type specification.");
        });
        assertThatThrownBy(() -> constraint("list(string, number)")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> constraint("\"string\""))
                .isInstanceOfSatisfying(HclException.class, e -> assertThat(e.first().summary()).isEqualTo("Invalid quoted type constraints"));
        assertThatThrownBy(() -> constraint("optional(string)")).isInstanceOf(HclException.class);
        assertThatThrownBy(() -> constraint("object({a = optional(number, \"x\")})"))
                .isInstanceOfSatisfying(HclException.class, e -> assertThat(e.first().summary()).isEqualTo("Invalid default value for optional attribute"));
    }

    @Test
    void unification() {
        assertThat(Conversions.unify(List.of(Type.STRING, Type.NUMBER))).isEqualTo(Type.STRING);
        assertThat(Conversions.unify(List.of(Type.NUMBER, Type.BOOL))).isNull();
        assertThat(Conversions.unify(List.of(Type.DYNAMIC, Type.NUMBER))).isEqualTo(Type.DYNAMIC);
        assertThat(Conversions.unify(List.of(Type.list(Type.STRING), Type.tuple(List.of(Type.NUMBER))))).isEqualTo(Type.list(Type.STRING));
        assertThat(Conversions.unify(List.of(Type.object(Map.of("a", Type.STRING)), Type.object(Map.of("a", Type.NUMBER)))))
                .isEqualTo(Type.object(Map.of("a", Type.STRING)));
        assertThat(Conversions.unify(List.of(Type.object(Map.of("a", Type.STRING)), Type.object(Map.of("b", Type.STRING)))))
                .isEqualTo(Type.map(Type.STRING));
    }

    @Test
    void setsAreDeduplicatedAndOrdered() {
        Value s = Value.set(List.of(str("b"), str("a"), str("b")));
        assertThat(s.elements()).containsExactly(str("a"), str("b"));
        assertThat(Value.set(List.of(num(10), num(9), num(10))).elements()).containsExactly(num(9), num(10));
        assertThat(s).isEqualTo(Value.set(List.of(str("a"), str("b"))));
    }

    @Test
    void mapsAndObjectsKeepKeysInLexicalOrder() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("z", num(1));
        m.put("a", num(2));
        assertThat(Value.object(m).attributes().keySet()).containsExactly("a", "z");
        assertThat(Value.map(m).attributes().keySet()).containsExactly("a", "z");
    }

    @Test
    void unknownValuesPropagate() {
        Map<String, Value> vars = Map.of("aws_vpc", obj("main", obj("id", Value.unknown(Type.STRING), "cidr", str("10.0.0.0/16"))),
                "var", obj("u", Value.unknown(Type.DYNAMIC), "ub", Value.unknown(Type.BOOL), "ul", Value.unknown(Type.list(Type.STRING))));
        assertThat(eval("aws_vpc.main.id", vars).isKnown()).isFalse();
        assertThat(eval("\"${aws_vpc.main.id}-x\"", vars)).isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("var.u + 1", vars)).isEqualTo(Value.unknown(Type.NUMBER));
        assertThat(eval("var.u == 1", vars)).isEqualTo(Value.unknown(Type.BOOL));
        assertThat(eval("var.ub ? \"a\" : \"b\"", vars)).isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("upper(aws_vpc.main.id)", vars)).isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("length([aws_vpc.main.id, \"x\"])", vars)).isEqualTo(num(2)); // known length, unknown elements
        assertThat(eval("length(var.ul)", vars).isKnown()).isFalse();
        assertThat(eval("[for s in var.ul : s]", vars).isKnown()).isFalse();
        assertThat(eval("var.ul[0]", vars)).isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("var.u.anything", vars).isKnown()).isFalse();
        assertThat(eval("var.ul[*]", vars).isKnown()).isFalse();
        assertThat(eval("cidrsubnet(aws_vpc.main.cidr, 8, 1)", vars)).isEqualTo(str("10.0.1.0/24"));
        assertThat(eval("jsonencode({id = aws_vpc.main.id})", vars).isKnown()).isFalse();
        assertThat(eval("concat([aws_vpc.main.id], [\"a\"])", vars).elements()).hasSize(2);
        assertThat(eval("{id = aws_vpc.main.id}", vars).isWhollyKnown()).isFalse();
        assertThat(eval("{id = aws_vpc.main.id}", vars).isKnown()).isTrue();
        assertThat(eval("can(aws_vpc.main.id)", vars).isKnown()).isFalse();
        assertThat(eval("try(aws_vpc.main.id, \"x\")", vars).isKnown()).isFalse();
        assertThat(eval("var.u ? 1 : 2", vars).isKnown()).isFalse();
        assertThat(eval("!var.ub", vars).isKnown()).isFalse();
        assertThat(eval("-var.u", vars).isKnown()).isFalse();
    }

    @Test
    void plainJavaRoundTrip() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("id", "vpc-1");
        plain.put("n", new BigDecimal("2"));
        plain.put("ok", true);
        plain.put("list", List.of("a", "b"));
        plain.put("none", null);
        plain.put("later", Unknown.VALUE);
        Value v = Value.fromPlain(plain);
        assertThat(v.attributes().get("later").isKnown()).isFalse();
        assertThat(v.attributes().get("none").isNull()).isTrue();
        assertThat(v.toPlain()).isEqualTo(plain);
        assertThat(Value.unknown(Type.STRING).toPlain()).isSameAs(Unknown.VALUE);
    }

    @Test
    void renderingAsTerraformShowsValues() {
        assertThat(str("a\"b").toString()).isEqualTo("\"a\\\"b\"");
        assertThat(num(10).toString()).isEqualTo("10");
        assertThat(Value.number(new BigDecimal("2.50")).toString()).isEqualTo("2.5");
        assertThat(Value.NULL.toString()).isEqualTo("null");
        assertThat(Value.unknown(Type.STRING).toString()).isEqualTo("(known after apply)");
        assertThat(eval("[\"a\", 1]").toString()).isEqualTo("[\n  \"a\",\n  1,\n]");
        assertThat(eval("{b = {c = true}, a = []}").toString()).isEqualTo("{\n  \"a\" = []\n  \"b\" = {\n    \"c\" = true\n  }\n}");
        assertThat(eval("toset([\"x\"])").toString()).isEqualTo("toset([\n  \"x\",\n])");
    }

    @Test
    void equalityAndHashing() {
        assertThat(Value.number(new BigDecimal("1.0"))).isEqualTo(num(1)).hasSameHashCodeAs(num(1));
        assertThat(str("a")).isNotEqualTo(num(1));
        assertThat(Value.nullOf(Type.STRING)).isNotEqualTo(Value.NULL); // typed nulls differ as values...
        assertThat(eval("tostring(null) == null")).isEqualTo(Value.TRUE); // ...but == treats all nulls as equal
    }
}
