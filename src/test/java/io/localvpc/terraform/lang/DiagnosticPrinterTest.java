package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DiagnosticPrinterTest {

    private static final String MAIN = """
            locals {
              name = "demo"
            }

            resource "aws_vpc" "main" {
              cidr_block = local.nam
            }
            """;

    @Test
    void evaluationErrorsQuoteTheLineAndNameTheBlock() {
        Body body = HclParser.parseFile("main.tf", MAIN);
        Expression cidr = body.blocks("resource").get(0).body().attribute("cidr_block").orElseThrow().expression();
        HclException e = catchThrowableOfType(HclException.class,
                () -> cidr.evaluate(Hcl.context(Map.of("local", Hcl.obj("name", Hcl.str("demo"))))));
        String rendered = new DiagnosticPrinter(Map.of("main.tf", MAIN)).render(e.first());
        assertThat(rendered).isEqualTo("""

                Error: Reference to undeclared local value

                  on main.tf line 6, in resource "aws_vpc" "main":
                   6:   cidr_block = local.nam

                A local value with the name "nam" has not been declared. Did you mean "name"?
                """);
    }

    @Test
    void syntaxErrorsRenderWithTheirLine() {
        String text = "variable \"x\" {\n  default = [1, 2\n}\n";
        HclException e = catchThrowableOfType(HclException.class, () -> HclParser.parseFile("variables.tf", text));
        String rendered = new DiagnosticPrinter(Map.of("variables.tf", text)).render(e);
        assertThat(rendered).startsWith("\nError: Missing item separator\n\n  on variables.tf line 3, in variable \"x\":\n   3: }\n\n");
        assertThat(rendered).endsWith("Expected a comma to mark the beginning of the next item.\n");
    }

    @Test
    void multiLineSubjectsShowEveryLineAndUnknownFilesShowNone() {
        String text = "x = {\n  a = 1\n}\n";
        Diagnostic d = new Diagnostic(Diagnostic.Severity.WARNING, "Something", "Detail.",
                HclParser.parseFile("m.tf", text).attribute("x").orElseThrow().range());
        assertThat(new DiagnosticPrinter(Map.of("m.tf", text)).render(d))
                .isEqualTo("\nWarning: Something\n\n  on m.tf line 1:\n   1: x = {\n   2:   a = 1\n   3: }\n\nDetail.\n");
        assertThat(new DiagnosticPrinter(Map.of()).render(d)).isEqualTo("\nWarning: Something\n\n  on m.tf line 1:\n\nDetail.\n");
        assertThat(new DiagnosticPrinter(Map.of()).render(Diagnostic.error("No subject", "Just text.", null)))
                .isEqualTo("\nError: No subject\n\nJust text.\n");
    }
}
