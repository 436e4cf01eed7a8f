package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import static io.localvpc.terraform.lang.Hcl.error;
import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.json;
import static io.localvpc.terraform.lang.Hcl.str;
import static org.assertj.core.api.Assertions.assertThat;

class StringFunctionsTest {

    private static String s(String expression) {
        return eval(expression).asString();
    }

    @Test
    void format() {
        assertThat(s("format(\"Hello, %s!\", \"Ander\")")).isEqualTo("Hello, Ander!");
        assertThat(s("format(\"There are %d lights\", 4)")).isEqualTo("There are 4 lights");
        assertThat(s("format(\"%.2f\", 3.14159)")).isEqualTo("3.14");
        assertThat(s("format(\"%f\", 1)")).isEqualTo("1.000000");
        assertThat(s("format(\"%5d|%-5d|%05d\", 42, 42, 42)")).isEqualTo("   42|42   |00042");
        assertThat(s("format(\"%+d %x %X %o %b\", 5, 255, 255, 8, 5)")).isEqualTo("+5 ff FF 10 101");
        assertThat(s("format(\"%q\", \"a\\\"b\")")).isEqualTo("\"a\\\"b\"");
        assertThat(s("format(\"%q\", \"tab\\there\\n\\u0007é\")")).isEqualTo("\"tab\\there\\n\\aé\"");
        assertThat(s("format(\"%t %v %v\", true, 1.5, \"x\")")).isEqualTo("true 1.5 x");
        assertThat(s("format(\"%v\", [1, \"a\"])")).isEqualTo("[1,\"a\"]");
        assertThat(s("format(\"%#v\", \"a\")")).isEqualTo("\"a\"");
        assertThat(s("format(\"100%%\")")).isEqualTo("100%");
        assertThat(s("format(\"%[2]s %[1]s\", \"a\", \"b\")")).isEqualTo("b a");
        assertThat(s("format(\"%.3s\", \"abcdef\")")).isEqualTo("abc");
        assertThat(s("format(\"%x\", \"hi\")")).isEqualTo("6869");
        assertThat(s("format(\"%e\", 1234.5678)")).isEqualTo("1.234568e+03");
        assertThat(error("format(\"%d %d\", 1)")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Error in function call");
            assertThat(d.detail()).isEqualTo("Call to function \"format\" failed: not enough arguments for \"%d\" at 3: need index 1 but have 1 total.");
        });
        assertThat(error("format(\"%d\", \"x\")").detail()).contains("unsupported value for \"%d\" at 0: a number is required");
        assertThat(error("format(\"%d\", 1.5)").detail()).contains("an integer is required");
        assertThat(error("format(\"%y\", 1)").detail()).contains("unsupported format verb 'y' in \"%y\" at offset 0");
        assertThat(error("format(\"%s\", 1, 2)")).satisfies(d -> {
            assertThat(d.detail()).isEqualTo("Invalid value for \"args\" parameter: too many arguments; only 1 used by format string.");
            assertThat(d.subject().toString()).isEqualTo("test.tf:1,17-18");
        });
    }

    @Test
    void formatlist() {
        assertThat(json("formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\"])")).isEqualTo("[\"Hello, Valentina!\",\"Hello, Ander!\"]");
        assertThat(json("formatlist(\"%s-%s\", \"x\", [\"a\", \"b\"])")).isEqualTo("[\"x-a\",\"x-b\"]");
        assertThat(error("formatlist(\"%s%s\", [\"a\"], [\"b\", \"c\"])").detail()).contains("argument 2 has length 2, which is inconsistent with argument 1 of length 1");
    }

    @Test
    void joinAndSplit() {
        assertThat(s("join(\", \", [\"foo\", \"bar\", \"baz\"])")).isEqualTo("foo, bar, baz");
        assertThat(s("join(\"-\", [\"a\"], [\"b\", \"c\"])")).isEqualTo("a-b-c");
        assertThat(s("join(\",\", [1, true])")).isEqualTo("1,true");
        assertThat(error("join(\",\")").detail()).contains("at least one list is required");
        assertThat(error("join(\",\", [\"a\", null])").summary()).isEqualTo("Invalid function argument");
        assertThat(json("split(\",\", \"foo,bar,baz\")")).isEqualTo("[\"foo\",\"bar\",\"baz\"]");
        assertThat(json("split(\",\", \"\")")).isEqualTo("[\"\"]");
        assertThat(json("split(\".\", \"a.b\")")).isEqualTo("[\"a\",\"b\"]"); // the separator is not a regex
    }

    @Test
    void caseAndTrimming() {
        assertThat(s("upper(\"héllo\")")).isEqualTo("HÉLLO");
        assertThat(s("lower(\"HELLO\")")).isEqualTo("hello");
        assertThat(s("title(\"hello world-wide web\")")).isEqualTo("Hello World-Wide Web");
        assertThat(s("trimspace(\"  hello\\n\\t\")")).isEqualTo("hello");
        assertThat(s("trim(\"?!hello?!\", \"!?\")")).isEqualTo("hello");
        assertThat(s("trimprefix(\"helloworld\", \"hello\")")).isEqualTo("world");
        assertThat(s("trimprefix(\"helloworld\", \"x\")")).isEqualTo("helloworld");
        assertThat(s("trimsuffix(\"helloworld\", \"world\")")).isEqualTo("hello");
        assertThat(s("chomp(\"hello\\n\\n\")")).isEqualTo("hello");
        assertThat(s("strrev(\"abc\")")).isEqualTo("cba");
        assertThat(s("indent(2, \"a\\nb\")")).isEqualTo("a\n  b");
    }

    @Test
    void predicates() {
        assertThat(eval("startswith(\"hello world\", \"hello\")")).isEqualTo(Value.TRUE);
        assertThat(eval("endswith(\"hello world\", \"hello\")")).isEqualTo(Value.FALSE);
        assertThat(eval("strcontains(\"hello\", \"ell\")")).isEqualTo(Value.TRUE);
    }

    @Test
    void replaceAndSubstr() {
        assertThat(s("replace(\"1 + 2 + 3\", \"+\", \"-\")")).isEqualTo("1 - 2 - 3");
        assertThat(s("replace(\"hello world\", \"/w.*d/\", \"everybody\")")).isEqualTo("hello everybody");
        assertThat(s("replace(\"a-1 b-2\", \"/([a-z])-(\\\\d)/\", \"$2$1\")")).isEqualTo("1a 2b");
        assertThat(s("substr(\"hello world\", 1, 4)")).isEqualTo("ello");
        assertThat(s("substr(\"🤔🤷\", 0, 1)")).isEqualTo("🤔");
        assertThat(s("substr(\"hello world\", -5, -1)")).isEqualTo("world");
        assertThat(s("substr(\"hello\", 1, 100)")).isEqualTo("ello");
        assertThat(s("substr(\"abc\", 10, 1)")).isEmpty();
        assertThat(s("substr(\"abc\", -10, 2)")).isEqualTo("ab");
    }

    @Test
    void regexFunctions() {
        assertThat(s("regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")")).isEqualTo("aaabbbccc");
        assertThat(json("regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")")).isEqualTo("[\"2019\",\"02\",\"01\"]");
        assertThat(json("regex(\"^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?\", \"https://terraform.io/docs/\")"))
                .isEqualTo("{\"authority\":\"terraform.io\",\"scheme\":\"https\"}");
        assertThat(error("regex(\"[a-z]+\", \"123\")").detail()).contains("pattern did not match any part of the given string");
        assertThat(error("regex(\"[\", \"x\")").detail()).contains("error parsing pattern");
        assertThat(json("regexall(\"[a-z]+\", \"1234abcd5678efgh9\")")).isEqualTo("[\"abcd\",\"efgh\"]");
        assertThat(eval("length(regexall(\"[a-z]+\", \"123\"))")).isEqualTo(Hcl.num(0));
        assertThat(json("regexall(\"(a)(b)?\", \"a\")")).isEqualTo("[[\"a\",null]]");
    }

    @Test
    void unknownArgumentsGiveUnknownStrings() {
        assertThat(eval("upper(var.x)", java.util.Map.of("var", Hcl.obj("x", Value.unknown(Type.STRING)))))
                .isEqualTo(Value.unknown(Type.STRING));
        assertThat(eval("format(\"%s\", var.x)", java.util.Map.of("var", Hcl.obj("x", Value.unknown(Type.STRING))))
                .isKnown()).isFalse();
        assertThat(eval("upper(\"x\")")).isEqualTo(str("X"));
    }
}
