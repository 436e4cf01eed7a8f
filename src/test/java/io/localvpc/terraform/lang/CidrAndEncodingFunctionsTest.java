package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import static io.localvpc.terraform.lang.Hcl.error;
import static io.localvpc.terraform.lang.Hcl.eval;
import static io.localvpc.terraform.lang.Hcl.json;
import static org.assertj.core.api.Assertions.assertThat;

class CidrAndEncodingFunctionsTest {

    private static String s(String expression) {
        return eval(expression).asString();
    }

    @Test
    void cidrsubnet() {
        assertThat(s("cidrsubnet(\"172.16.0.0/12\", 4, 2)")).isEqualTo("172.18.0.0/16");
        assertThat(s("cidrsubnet(\"10.1.2.0/24\", 4, 15)")).isEqualTo("10.1.2.240/28");
        assertThat(s("cidrsubnet(\"10.0.0.0/16\", 8, 0)")).isEqualTo("10.0.0.0/24");
        assertThat(s("cidrsubnet(\"10.0.5.7/16\", 8, 1)")).isEqualTo("10.0.1.0/24"); // host bits of the prefix are ignored
        assertThat(s("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)")).isEqualTo("fd00:fd12:3456:7800:a200::/72");
        assertThat(s("cidrsubnet(\"2600:1f18::/56\", 8, 1)")).isEqualTo("2600:1f18:0:1::/64");
        assertThat(error("cidrsubnet(\"10.0.0.0/30\", 4, 0)").detail())
                .isEqualTo("Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of 30 by 4.");
        assertThat(error("cidrsubnet(\"10.0.0.0/16\", 2, 4)").detail()).contains("prefix extension of 2 does not accommodate a subnet numbered 4");
        assertThat(error("cidrsubnet(\"10.0.0/16\", 8, 0)").detail()).isEqualTo("Call to function \"cidrsubnet\" failed: invalid CIDR expression: invalid CIDR address: 10.0.0/16.");
    }

    @Test
    void cidrhostAndNetmask() {
        assertThat(s("cidrhost(\"10.12.112.0/20\", 16)")).isEqualTo("10.12.112.16");
        assertThat(s("cidrhost(\"10.12.112.0/20\", 268)")).isEqualTo("10.12.113.12");
        assertThat(s("cidrhost(\"10.0.0.0/24\", -2)")).isEqualTo("10.0.0.254");
        assertThat(s("cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)")).isEqualTo("fd00:fd12:3456:7890::22");
        assertThat(error("cidrhost(\"10.0.0.0/30\", 4)").detail()).contains("prefix of 30 does not accommodate a host numbered 4");
        assertThat(s("cidrnetmask(\"172.16.0.0/12\")")).isEqualTo("255.240.0.0");
        assertThat(s("cidrnetmask(\"10.0.0.0/32\")")).isEqualTo("255.255.255.255");
        assertThat(error("cidrnetmask(\"fd00::/8\")").summary()).isEqualTo("Error in function call");
    }

    @Test
    void cidrsubnets() {
        assertThat(json("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)"))
                .isEqualTo("[\"10.1.0.0/20\",\"10.1.16.0/20\",\"10.1.32.0/24\",\"10.1.48.0/20\"]");
        assertThat(json("cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32)"))
                .isEqualTo("[\"fd00:fd12:3456:7800::/72\",\"fd00:fd12:3456:7800:100::/72\",\"fd00:fd12:3456:7800:200::/72\","
                        + "\"fd00:fd12:3456:7800:300::/88\"]");
        assertThat(error("cidrsubnets(\"10.0.0.0/24\", 1, 1, 1)").detail()).contains("not enough remaining address space");
        assertThat(error("cidrsubnets(\"10.0.0.0/24\", 0)").detail()).isEqualTo("Invalid value for \"newbits\" parameter: must extend prefix by at least one bit.");
        assertThat(error("cidrsubnets(\"nope\", 1)").detail()).isEqualTo("Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: nope.");
    }

    @Test
    void jsonFunctions() {
        assertThat(s("jsonencode({hello = \"world\", n = 1.5, l = [true, null]})")).isEqualTo("{\"hello\":\"world\",\"l\":[true,null],\"n\":1.5}");
        assertThat(s("jsonencode(\"<a & b>\")")).isEqualTo("\"\\u003ca \\u0026 b\\u003e\"");
        assertThat(s("jsonencode(\"日本\")")).isEqualTo("\"日本\"");
        assertThat(Hcl.json("jsondecode(\"{\\\"hello\\\": \\\"world\\\", \\\"n\\\": [1, 2.5]}\")")).isEqualTo("{\"hello\":\"world\",\"n\":[1,2.5]}");
        assertThat(eval("jsondecode(\"true\")")).isEqualTo(Value.TRUE);
        assertThat(eval("jsondecode(\"null\")").isNull()).isTrue();
        assertThat(eval("jsondecode(\"12345678901234567890\")").toString()).isEqualTo("12345678901234567890");
        assertThat(error("jsondecode(\"{\")").summary()).isEqualTo("Invalid function argument");
        assertThat(error("jsondecode(\"1 2\")").summary()).isEqualTo("Invalid function argument");
    }

    @Test
    void base64AndHashes() {
        assertThat(s("base64encode(\"Hello World\")")).isEqualTo("SGVsbG8gV29ybGQ=");
        assertThat(s("base64decode(\"SGVsbG8gV29ybGQ=\")")).isEqualTo("Hello World");
        assertThat(error("base64decode(\"!!!\")").detail()).contains("failed to decode base64 data");
        assertThat(error("base64decode(\"/w==\")").detail()).contains("not valid UTF-8");
        assertThat(s("md5(\"hello world\")")).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
        assertThat(s("sha1(\"hello world\")")).isEqualTo("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
        assertThat(s("sha256(\"hello world\")")).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
        assertThat(s("base64sha256(\"hello world\")")).isEqualTo("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
        assertThat(s("urlencode(\"a b&c=d/é\")")).isEqualTo("a+b%26c%3Dd%2F%C3%A9");
    }
}
