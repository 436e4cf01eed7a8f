package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.localvpc.terraform.lang.Hcl.error;
import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.json;
import static io.localvpc.terraform.lang.Hcl.num;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionFunctionsTest {

    @Test
    void length() {
        assertThat(eval("length([])")).isEqualTo(num(0));
        assertThat(eval("length([\"a\", \"b\"])")).isEqualTo(num(2));
        assertThat(eval("length({a = 1})")).isEqualTo(num(1));
        assertThat(eval("length(\"héllo👋\")")).isEqualTo(num(6));
        assertThat(eval("length(toset([\"a\", \"a\"]))")).isEqualTo(num(1));
        assertThat(error("length(5)").detail()).isEqualTo("Call to function \"length\" failed: argument must be a string, a collection type, or a structural type.");
    }

    @Test
    void elementLookupAndIndex() {
        assertThat(eval("element([\"a\", \"b\", \"c\"], 1)")).isEqualTo(Hcl.str("b"));
        assertThat(eval("element([\"a\", \"b\", \"c\"], 3)")).isEqualTo(Hcl.str("a")); // wraps around
        assertThat(error("element([], 0)").detail()).contains("cannot use element function with an empty list");
        assertThat(eval("lookup({a = \"ay\", b = \"bee\"}, \"a\", \"what?\")")).isEqualTo(Hcl.str("ay"));
        assertThat(eval("lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")")).isEqualTo(Hcl.str("what?"));
        assertThat(error("lookup(tomap({a = 1}), \"c\")").detail()).contains("lookup failed to find key \"c\"");
        assertThat(error("lookup({a = 1}, \"c\")").detail()).isEqualTo("Invalid value for \"inputMap\" parameter: the given object has no attribute \"c\".");
        assertThat(eval("lookup(tomap({a = 1}), \"c\", \"2\")")).isEqualTo(num(2));
        assertThat(error("lookup(tomap({a = 1}), \"c\", [])").summary()).isEqualTo("Invalid function argument");
        assertThat(eval("index([\"a\", \"b\", \"c\"], \"b\")")).isEqualTo(num(1));
        assertThat(error("index([\"a\"], \"z\")").detail()).contains("item not found");
        assertThat(eval("contains([\"a\", \"b\"], \"a\")")).isEqualTo(Value.TRUE);
        assertThat(eval("contains([1, 2], \"1\")")).isEqualTo(Value.FALSE);
        assertThat(eval("contains(toset([\"x\"]), \"x\")")).isEqualTo(Value.TRUE);
    }

    @Test
    void mergeConcatKeysValues() {
        assertThat(json("merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})")).isEqualTo("{\"a\":\"b\",\"c\":\"z\",\"e\":\"f\"}");
        assertThat(json("merge({a = 1}, null, {b = [2]})")).isEqualTo("{\"a\":1,\"b\":[2]}");
        assertThat(eval("merge(tomap({a = \"x\"}), tomap({b = \"y\"}))").type()).isEqualTo(Type.map(Type.STRING));
        assertThat(error("merge({a = 1}, [1])").summary()).isEqualTo("Invalid function argument");
        assertThat(json("concat([\"a\", \"\"], [\"b\", \"c\"])")).isEqualTo("[\"a\",\"\",\"b\",\"c\"]");
        assertThat(eval("concat(tolist([\"a\"]), tolist([\"b\"]))").type()).isEqualTo(Type.list(Type.STRING));
        assertThat(error("concat([1], \"x\")").detail()).contains("all arguments must be lists or tuples; got string");
        assertThat(json("keys({a = 1, c = 2, d = 3})")).isEqualTo("[\"a\",\"c\",\"d\"]");
        assertThat(json("values({a = 3, c = 2, d = 1})")).isEqualTo("[3,2,1]");
        assertThat(json("zipmap([\"a\", \"b\"], [1, 2])")).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(error("zipmap([\"a\"], [1, 2])").detail()).contains("number of keys (1) does not match number of values (2)");
        assertThat(json("transpose({a = [\"1\", \"2\"], b = [\"2\", \"3\"], c = [\"1\"]})"))
                .isEqualTo("{\"1\":[\"a\",\"c\"],\"2\":[\"a\",\"b\"],\"3\":[\"b\"]}");
        assertThat(eval("keys(var.u)", Map.of("var", Hcl.obj("u", Value.unknown(Type.DYNAMIC))))).isEqualTo(Value.unknown(Type.list(Type.STRING)));
    }

    @Test
    void coalesceAndFriends() {
        assertThat(eval("coalesce(\"\", \"b\")")).isEqualTo(Hcl.str("b"));
        assertThat(eval("coalesce(1, 2)")).isEqualTo(num(1));
        assertThat(eval("coalesce(null, 2)")).isEqualTo(num(2));
        assertThat(error("coalesce(null, \"\")").detail()).contains("no non-null, non-empty-string arguments");
        assertThat(json("coalescelist([], [\"c\", \"d\"])")).isEqualTo("[\"c\",\"d\"]");
        assertThat(json("compact([\"a\", \"\", \"b\", null, \"c\"])")).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(eval("one([])").isNull()).isTrue();
        assertThat(eval("one([\"hello\"])")).isEqualTo(Hcl.str("hello"));
        assertThat(error("one([1, 2])").summary()).isEqualTo("Invalid function argument");
        assertThat(eval("alltrue([true, \"true\"])")).isEqualTo(Value.TRUE);
        assertThat(eval("anytrue([false])")).isEqualTo(Value.FALSE);
    }

    @Test
    void rangeFlattenDistinct() {
        assertThat(json("range(3)")).isEqualTo("[0,1,2]");
        assertThat(json("range(1, 4)")).isEqualTo("[1,2,3]");
        assertThat(json("range(1, 8, 2)")).isEqualTo("[1,3,5,7]");
        assertThat(json("range(4, 1)")).isEqualTo("[4,3,2]");
        assertThat(json("range(0, 1, 0.25)")).isEqualTo("[0,0.25,0.5,0.75]");
        assertThat(error("range(0, 1, 0)").summary()).isEqualTo("Invalid function argument");
        assertThat(error("range(2000)").detail()).contains("more than 1024 values");
        assertThat(json("flatten([[\"a\", \"b\"], [], [\"c\"], [[\"d\"]]])")).isEqualTo("[\"a\",\"b\",\"c\",\"d\"]");
        assertThat(json("distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])")).isEqualTo("[\"a\",\"b\",\"c\",\"d\"]");
    }

    @Test
    void sliceSortReverseChunk() {
        assertThat(json("slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)")).isEqualTo("[\"b\",\"c\"]");
        assertThat(error("slice([1], 0, 2)").detail()).contains("end index must not be greater than the length of the list");
        assertThat(error("slice([1, 2], 2, 1)").detail()).contains("start index must not be greater than end index");
        assertThat(json("sort([\"e\", \"d\", \"a\", \"x\"])")).isEqualTo("[\"a\",\"d\",\"e\",\"x\"]");
        assertThat(json("sort([10, 9])")).isEqualTo("[\"10\",\"9\"]"); // lexical, as Terraform sorts
        assertThat(json("reverse([1, 2, 3])")).isEqualTo("[3,2,1]");
        assertThat(json("chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2)")).isEqualTo("[[\"a\",\"b\"],[\"c\",\"d\"],[\"e\"]]");
        assertThat(json("chunklist([\"a\", \"b\"], 0)")).isEqualTo("[[\"a\",\"b\"]]");
    }

    @Test
    void setFunctions() {
        assertThat(json("setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])")).isEqualTo("[\"a\",\"b\",\"c\",\"d\"]");
        assertThat(json("setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])")).isEqualTo("[\"b\"]");
        assertThat(json("setsubtract([\"a\", \"b\", \"c\"], [\"a\", \"c\"])")).isEqualTo("[\"b\"]");
        assertThat(json("setproduct([\"development\", \"staging\"], [\"app1\", \"app2\"])"))
                .isEqualTo("[[\"development\",\"app1\"],[\"development\",\"app2\"],[\"staging\",\"app1\"],[\"staging\",\"app2\"]]");
        assertThat(eval("setunion([\"a\"], [])").type()).isEqualTo(Type.set(Type.STRING));
    }

    @Test
    void knownStructureWithUnknownElements() {
        Map<String, Value> vars = Map.of("var", Hcl.obj("u", Value.unknown(Type.STRING)));
        assertThat(eval("element([var.u, \"b\"], 1)", vars)).isEqualTo(Hcl.str("b"));
        assertThat(eval("length(merge({a = var.u}, {b = 1}))", vars)).isEqualTo(num(2));
        assertThat(eval("keys({a = var.u})", vars).elements()).containsExactly(Hcl.str("a"));
        assertThat(eval("distinct([var.u])", vars).isKnown()).isFalse();
        assertThat(eval("length(toset([var.u, \"a\"]))", vars).isKnown()).isFalse(); // the unknown might equal "a"
        assertThat(eval("flatten([[var.u]])", vars).elements()).hasSize(1);
        assertThat(eval("zipmap([\"k\"], [var.u])", vars).attributes()).containsOnlyKeys("k");
        assertThat(List.of(eval("coalesce(var.u, \"x\")", vars).isKnown())).containsExactly(false);
    }
}
