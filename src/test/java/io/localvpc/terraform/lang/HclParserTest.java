package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HclParserTest {

    private static Body parse(String text) {
        return HclParser.parseFile("main.tf", text);
    }

    private static Diagnostic syntaxError(String text) {
        HclException[] caught = new HclException[1];
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(HclException.class, e -> caught[0] = e);
        return caught[0].first();
    }

    @Test
    void attributesBlocksLabelsAndComments() {
        Body body = parse("""
                # hash comment
                // slash comment
                /* block
                   comment */ region = "eu-west-1" /* inline */
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16" # trailing
                  tags = {
                    Name = "main"
                  }
                }
                terraform {
                  required_providers {
                    aws = { source = "hashicorp/aws" }
                  }
                }
                """);
        assertThat(body.attributes()).extracting(Attribute::name).containsExactly("region");
        assertThat(body.blocks()).extracting(Block::type).containsExactly("resource", "terraform");
        Block vpc = body.blocks("resource").get(0);
        assertThat(vpc.labels()).containsExactly("aws_vpc", "main");
        assertThat(vpc.header()).isEqualTo("resource \"aws_vpc\" \"main\"");
        assertThat(vpc.body().attribute("cidr_block")).isPresent();
        assertThat(vpc.range().start().line()).isEqualTo(5);
        assertThat(vpc.range().end().line()).isEqualTo(10);
        assertThat(vpc.defRange().toString()).isEqualTo("main.tf:5,1-26");
        assertThat(body.blocks("terraform").get(0).body().blocks("required_providers")).hasSize(1);
    }

    @Test
    void oneLineBlocksHoldOneArgument() {
        Body body = parse("""
                resource "aws_instance" "web" {
                  lifecycle { create_before_destroy = true }
                  timeouts {}
                }
                """);
        Body web = body.blocks().get(0).body();
        assertThat(web.blocks("lifecycle").get(0).body().attribute("create_before_destroy")).isPresent();
        assertThat(web.blocks("timeouts").get(0).body().attributes()).isEmpty();

        Diagnostic two = syntaxError("a { b = 1, c = 2 }\n");
        assertThat(two.summary()).isEqualTo("Invalid single-argument block definition");
        Diagnostic nested = syntaxError("a { b {} }\n");
        assertThat(nested.summary()).isEqualTo("Invalid single-argument block definition");
    }

    @Test
    void dynamicBlocksAreOrdinaryNestedBlocks() {
        Body body = parse("""
                resource "aws_security_group" "sg" {
                  dynamic "ingress" {
                    for_each = var.ports
                    content {
                      from_port = ingress.value
                    }
                  }
                }
                """);
        Block dynamic = body.blocks().get(0).body().blocks("dynamic").get(0);
        assertThat(dynamic.labels()).containsExactly("ingress");
        assertThat(dynamic.body().blocks("content").get(0).body().attribute("from_port").orElseThrow()
                .expression().references()).extracting(Traversal::toString).containsExactly("ingress.value");
    }

    @Test
    void identifiersMayContainDashesAndLabelsMayBeBare() {
        Body body = parse("provider-x some_label {\n  a-b = 1\n}\n");
        assertThat(body.blocks().get(0).type()).isEqualTo("provider-x");
        assertThat(body.blocks().get(0).labels()).containsExactly("some_label");
        assertThat(body.blocks().get(0).body().attribute("a-b")).isPresent();
    }

    @Test
    void positionsCountCharactersNotBytes() {
        Body body = parse("# 日本語のコメント 🎉\nname = \"日本🎉\" // 絵文字\nx = y\n");
        Attribute x = body.attribute("x").orElseThrow();
        assertThat(x.nameRange().start()).extracting(SourcePos::line, SourcePos::column).containsExactly(3, 1);
        Attribute name = body.attribute("name").orElseThrow();
        assertThat(name.expression().range().end().column()).isEqualTo(13); // "日本🎉" is 5 characters with quotes, from column 8
        Diagnostic bad = syntaxError("s = \"日本🎉\" @\n");
        assertThat(bad.summary()).isEqualTo("Invalid character");
        assertThat(bad.subject().start().column()).isEqualTo(11);
    }

    @Test
    void heredocsKeepTextAndFlushHeredocsStripIndentation() {
        Body body = parse("""
                a = <<EOF
                  hello
                    ${name}
                EOF
                b = <<-EOT
                    first
                      second

                    third
                    EOT
                """);
        Map<String, Value> vars = Map.of("name", Value.string("world"));
        assertThat(body.attribute("a").orElseThrow().expression().evaluate(Hcl.context(vars)).asString())
                .isEqualTo("  hello\n    world\n");
        assertThat(body.attribute("b").orElseThrow().expression().evaluate(Hcl.context(vars)).asString())
                .isEqualTo("first\n  second\n\nthird\n");
    }

    @Test
    void windowsLineEndingsEmptyFilesAndTrailingComments() {
        Body crlf = parse("a = 1\r\nb = <<EOT\r\nx\r\nEOT\r\nc {\r\n}\r\n");
        assertThat(crlf.attributes()).extracting(Attribute::name).containsExactly("a", "b");
        assertThat(crlf.blocks()).hasSize(1);
        assertThat(parse("").attributes()).isEmpty();
        assertThat(parse("# nothing but a comment").blocks()).isEmpty();
        assertThat(parse("a = 1 # no newline at the end").attribute("a")).isPresent();
        assertThat(parse("a = <<EOT\nx\nEOT").attribute("a").orElseThrow().expression().evaluate(Hcl.context(Map.of())).asString())
                .isEqualTo("x\n");
    }

    @Test
    void commentsAndNewlinesInsideBracketsAndObjects() {
        Body body = parse("""
                list = [
                  # first
                  1, // one
                  /* two */ 2,
                ]
                obj = {
                  a = 1, # trailing comma and comment
                  b = 2

                  c = [for x in [1, 2] :
                    x * 10
                    if x > 1]
                }
                call = merge(
                  { x = 1 },
                  { y = 2 },
                )
                """);
        EvalContext ctx = Hcl.context(Map.of());
        assertThat(body.attribute("list").orElseThrow().expression().evaluate(ctx).elements()).hasSize(2);
        assertThat(body.attribute("obj").orElseThrow().expression().evaluate(ctx).attributes()).containsOnlyKeys("a", "b", "c");
        assertThat(body.attribute("call").orElseThrow().expression().evaluate(ctx).attributes()).containsOnlyKeys("x", "y");
    }

    @Test
    void stringEscapes() {
        assertThat(Hcl.eval("\"a\\nb\\t\\\"q\\\" \\\\ \\u00e9 \\U0001F600 $${x} %%{y}\"").asString())
                .isEqualTo("a\nb\t\"q\" \\ é 😀 ${x} %{y}");
        assertThat(Hcl.eval("<<EOF\n$${literal} %%{literal}\nEOF\n").asString()).isEqualTo("${literal} %{literal}\n");
    }

    @Test
    void syntaxErrorsAreWordedAsTerraform() {
        assertThat(syntaxError("resource \"a\" \"b\" {\n  x = 1\n")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Unclosed configuration block");
            assertThat(d.subject().start().line()).isEqualTo(1);
            assertThat(d.subject().start().column()).isEqualTo(18);
        });
        assertThat(syntaxError("x = 1 y = 2\n").summary()).isEqualTo("Missing newline after argument");
        assertThat(syntaxError("x = \n").summary()).isEqualTo("Invalid expression");
        assertThat(syntaxError("x = 'single'\n").detail()).contains("Single quotes are not valid");
        assertThat(syntaxError("x = a & b\n")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Unsupported operator");
            assertThat(d.detail()).isEqualTo("Bitwise operators are not supported. Did you mean to use \"&&\"?");
        });
        assertThat(syntaxError("x = 1;\n").detail()).startsWith("The \";\" character is not valid.");
        assertThat(syntaxError("= 1\n").summary()).isEqualTo("Argument or block definition required");
        assertThat(syntaxError("x 1\n").summary()).isEqualTo("Argument or block definition required");
        assertThat(syntaxError("x = 1\nx = 2\n")).satisfies(d -> {
            assertThat(d.summary()).isEqualTo("Attribute redefined");
            assertThat(d.detail()).isEqualTo("The argument \"x\" was already set at main.tf:1,1-2. Each argument may be set only once.");
        });
        assertThat(syntaxError("x = \"abc\n").summary()).isEqualTo("Invalid multi-line string");
        assertThat(syntaxError("x = \"abc").summary()).isEqualTo("Unterminated template string");
        assertThat(syntaxError("x = \"\\q\"\n").summary()).isEqualTo("Invalid escape sequence");
        assertThat(syntaxError("x = [1 2]\n").summary()).isEqualTo("Missing item separator");
        assertThat(syntaxError("x = { a = 1 b = 2 }\n").summary()).isEqualTo("Missing attribute separator");
        assertThat(syntaxError("x = a.\n").summary()).isEqualTo("Invalid attribute name");
        assertThat(syntaxError("x = (1\n").summary()).isEqualTo("Unbalanced parentheses");
        assertThat(syntaxError("x = a ? b\n").summary()).isEqualTo("Missing false expression in conditional");
        assertThat(syntaxError("b \"x\" = 1\n").summary()).isEqualTo("Invalid block definition");
        assertThat(syntaxError("b {\n} x = 1\n").summary()).isEqualTo("Missing newline after block definition");
        assertThat(syntaxError("x = /* open").summary()).isEqualTo("Unterminated comment");
        assertThat(syntaxError("x = \"%{ if true }a\"\n").summary()).isEqualTo("Unterminated template directive");
        assertThat(syntaxError("x = \"%{ endif }\"\n").summary()).isEqualTo("Unexpected endif directive");
    }

    @Test
    void expressionEntryPointRejectsTrailingText() {
        assertThatThrownBy(() -> HclParser.parseExpression("x", "1 2"))
                .isInstanceOfSatisfying(HclException.class, e -> assertThat(e.first().summary()).isEqualTo("Extra characters after expression"));
        assertThat(HclParser.parseExpression("x", "{\n a = 1\n b = [\n 2,\n 3\n ]\n}").evaluate(Hcl.context(Map.of())).attributes())
                .containsOnlyKeys("a", "b");
    }

    @Test
    void referencesAreListedInSourceOrder() {
        Expression e = HclParser.parseExpression("x", "\"${var.a}-${local.b[0]}\" == join(\",\", aws_subnet.public[*].id) ? "
                + "[for s in data.aws_subnets.x.ids : s if s != each.key] : {k = count.index}");
        assertThat(e.references()).extracting(Traversal::toString).containsExactly(
                "var.a", "local.b[0]", "aws_subnet.public", "data.aws_subnets.x.ids", "each.key", "count.index");
        Expression dynamicIndex = HclParser.parseExpression("x", "aws_subnet.public[count.index].id");
        assertThat(dynamicIndex.references()).extracting(Traversal::toString).containsExactly("aws_subnet.public", "count.index");
    }

    @Test
    void helpersForMetaArguments() {
        Body body = parse("""
                resource "a" "b" {
                  depends_on = [aws_vpc.main, module.x]
                  lifecycle {
                    ignore_changes = all
                  }
                }
                """);
        Body b = body.blocks().get(0).body();
        List<Expression> deps = b.attribute("depends_on").orElseThrow().expression().asTupleElements();
        assertThat(deps).extracting(e -> e.asTraversal().toString()).containsExactly("aws_vpc.main", "module.x");
        assertThat(b.blocks("lifecycle").get(0).body().attribute("ignore_changes").orElseThrow().expression().asKeyword()).isEqualTo("all");
        assertThat(HclParser.parseExpression("x", "aws_subnet.public[0].id").asTraversal().toString()).isEqualTo("aws_subnet.public[0].id");
        assertThat(HclParser.parseExpression("x", "each.value[\"a\"]").asTraversal().toString()).isEqualTo("each.value[\"a\"]");
        assertThat(HclParser.parseExpression("x", "f(1)").asTraversal()).isNull();
    }

    @Test
    void rangesPrintAsTerraformDoes() {
        Attribute a = parse("\n  cidr = var.c\n").attribute("cidr").orElseThrow();
        assertThat(a.expression().range().toString()).isEqualTo("main.tf:2,10-15");
        assertThat(a.range().toString()).isEqualTo("main.tf:2,3-15");
    }
}
