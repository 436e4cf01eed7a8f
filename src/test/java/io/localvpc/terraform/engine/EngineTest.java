package io.localvpc.terraform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.config.ConfigLoader;
import io.localvpc.terraform.config.Configuration;
import io.localvpc.terraform.config.InputVariables;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.render.PlanRenderer;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.State;
import io.localvpc.terraform.state.StateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a fake provider: graph order, plan diffs, apply, destroy, state, parallelism. */
class EngineTest {
    @TempDir
    Path dir;

    final FakeProvider provider = new FakeProvider();
    final StringWriter log = new StringWriter();

    private Engine engine(String mainTf, int parallelism, String... vars) throws IOException {
        Files.writeString(dir.resolve("main.tf"), mainTf);
        Configuration config = ConfigLoader.load(dir, provider);
        List<InputVariables.CommandLineValue> values = java.util.Arrays.stream(vars).map(InputVariables.CommandLineValue::var).toList();
        var variables = InputVariables.resolve(config, values, Map.of(), new HashMap<>());
        StateFile file = StateFile.in(dir);
        State state = file.read();
        AwsContext aws = new AwsContext(URI.create("http://127.0.0.1:1"), "us-east-1", "test", "test", Map.of());
        return new Engine(config, variables, provider, aws, state, file, parallelism, new Progress(new PrintWriter(log, true)));
    }

    private Engine engine(String mainTf) throws IOException {
        return engine(mainTf, 10);
    }

    private Plan applyAll(String mainTf) throws IOException {
        Engine engine = engine(mainTf);
        Plan plan = engine.plan(false);
        Applier.Result result = engine.apply(plan);
        assertThat(result.failures()).isEmpty();
        return plan;
    }

    static final String TWO_BOXES = """
            locals {
              base = { name = "a", size = 1 }
            }
            resource "aws_box" "a" {
              name = local.base.name
              size = local.base.size
              tags = { Name = "first" }
            }
            resource "aws_box" "b" {
              name   = "b"
              parent = aws_box.a.id
              rule {
                port = 22
              }
            }
            output "b_parent" {
              value = aws_box.b.parent
            }
            """;

    @Test
    void plansCreatesInTerraformsFormatAndAppliesInDependencyOrder() throws IOException {
        Engine engine = engine(TWO_BOXES);
        Plan plan = engine.plan(false);
        String text = PlanRenderer.render(plan);
        assertThat(text).contains("Terraform used the selected providers to generate the following execution plan. "
                        + "Resource actions are indicated with the following symbols:\n  + create\n")
                .contains("  # aws_box.a will be created\n  + resource \"aws_box\" \"a\" {\n")
                .contains("      + arn  = (known after apply)\n")
                .contains("      + kind = \"small\"\n")
                .contains("      + tags = {\n          + \"Name\" = \"first\"\n        }\n")
                .contains("      + parent = (known after apply)\n")
                .contains("      + rule {\n          + port     = 22\n          + protocol = \"tcp\"\n        }\n")
                .contains("Plan: 2 to add, 0 to change, 0 to destroy.\n")
                .contains("Changes to Outputs:\n  + b_parent = (known after apply)\n");

        Applier.Result result = engine.apply(plan);

        assertThat(result.failures()).isEmpty();
        assertThat(result.added()).isEqualTo(2);
        assertThat(provider.calls).containsExactly("create a", "create b");
        assertThat(log.toString()).contains("aws_box.a: Creating...\n").contains("aws_box.a: Creation complete after 0s [id=box-1]\n");
        State saved = StateFile.in(dir).read();
        assertThat(saved.instance(InstanceAddress.parse("aws_box.b")).orElseThrow().dependencies()).containsExactly("aws_box.a");
        assertThat(saved.outputs().get("b_parent").value()).isEqualTo("box-1");
        assertThat(saved.outputs().get("b_parent").type()).isEqualTo("string");
    }

    @Test
    void aSecondPlanHasNoChanges() throws IOException {
        applyAll(TWO_BOXES);
        Plan again = engine(TWO_BOXES).plan(false);
        assertThat(again.isEmpty()).isTrue();
        assertThat(PlanRenderer.render(again)).contains("No changes. Your infrastructure matches the configuration.");
    }

    @Test
    void aForceNewChangeReplacesAndAnotherUpdatesInPlace() throws IOException {
        applyAll(TWO_BOXES);
        String changed = TWO_BOXES.replace("size = local.base.size", "size = 2\n  kind = \"large\"")
                .replace("name   = \"b\"", "name   = \"b\"\n  tags = { Env = \"dev\" }");
        Engine engine = engine(changed);
        Plan plan = engine.plan(false);
        String text = PlanRenderer.render(plan);
        assertThat(text).contains("  # aws_box.a must be replaced\n-/+ resource \"aws_box\" \"a\" {\n")
                .contains("      ~ kind = \"small\" -> \"large\" # forces replacement\n")
                .contains("      ~ id   = \"box-1\" -> (known after apply)\n")
                .contains("  # aws_box.b will be updated in-place\n  ~ resource \"aws_box\" \"b\" {\n")
                .contains("      ~ parent = \"box-1\" -> (known after apply)\n")
                .contains("Plan: 1 to add, 1 to change, 1 to destroy.");
        Applier.Result result = engine.apply(plan);
        assertThat(result.failures()).isEmpty();
        assertThat(provider.calls).containsSubsequence("delete a", "create a", "update b");
        assertThat(provider.boxes.values()).extracting(b -> b.get("parent")).contains("box-3");
    }

    @Test
    void createBeforeDestroyCreatesTheReplacementFirst() throws IOException {
        String config = "resource \"aws_box\" \"a\" {\n  name = \"a\"\n  kind = \"small\"\n"
                + "  lifecycle {\n    create_before_destroy = true\n  }\n}\n"
                + "resource \"aws_box\" \"b\" {\n  name   = \"b\"\n  parent = aws_box.a.id\n}\n";
        applyAll(config);
        provider.calls.clear();
        Engine engine = engine(config.replace("\"small\"", "\"large\""));
        Plan plan = engine.plan(false);
        assertThat(PlanRenderer.render(plan)).contains("+/- create replacement and then destroy")
                .contains("  # aws_box.a must be replaced\n+/- resource \"aws_box\" \"a\" {");
        assertThat(engine.apply(plan).failures()).isEmpty();
        assertThat(provider.calls).containsExactly("create a", "update b", "delete a");
    }

    @Test
    void ignoreChangesKeepsWhatStateHas() throws IOException {
        String config = TWO_BOXES.replace("tags = { Name = \"first\" }", "tags = { Name = \"first\" }\n  lifecycle {\n    ignore_changes = [tags]\n  }");
        applyAll(config);
        Plan plan = engine(config.replace("\"first\"", "\"renamed\"")).plan(false);
        assertThat(plan.hasResourceChanges()).isFalse();
    }

    @Test
    void preventDestroyRefusesAPlanThatDestroys() throws IOException {
        String config = TWO_BOXES.replace("tags = { Name = \"first\" }", "tags = { Name = \"first\" }\n  lifecycle {\n    prevent_destroy = true\n  }");
        applyAll(config);
        assertThatThrownBy(() -> engine(config).plan(true))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.failures().get(0).diagnostic().summary())
                        .isEqualTo("Instance cannot be destroyed"));
    }

    @Test
    void destroyGoesInReverseDependencyOrder() throws IOException {
        applyAll(TWO_BOXES);
        provider.calls.clear();
        Engine engine = engine(TWO_BOXES);
        Plan plan = engine.plan(true);
        assertThat(PlanRenderer.render(plan)).contains("  # aws_box.a will be destroyed\n  - resource \"aws_box\" \"a\" {\n")
                .contains("      - name = \"a\" -> null\n").contains("Plan: 0 to add, 0 to change, 2 to destroy.");
        Applier.Result result = engine.apply(plan);
        assertThat(result.destroyed()).isEqualTo(2);
        assertThat(provider.calls).containsExactly("delete b", "delete a");
        assertThat(StateFile.in(dir).read().instances()).isEmpty();
        assertThat(log.toString()).contains("aws_box.b: Destroying... [id=box-2]\n").contains("aws_box.b: Destruction complete after 0s\n");
    }

    @Test
    void driftIsReportedAndPlannedAsCreate() throws IOException {
        applyAll(TWO_BOXES);
        provider.boxes.remove("box-2");
        Plan plan = engine(TWO_BOXES).plan(false);
        String text = PlanRenderer.render(plan);
        assertThat(text).contains("  # aws_box.b has been deleted\n").contains("  # aws_box.b will be created\n")
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.");
    }

    @Test
    void aFailedCreateKeepsTheSuccessfulOnesAndARerunConverges() throws IOException {
        String config = """
                resource "aws_box" "a" { name = "a" }
                resource "aws_box" "b" { name = "b" }
                resource "aws_box" "c" {
                  name   = "c"
                  parent = aws_box.b.id
                }
                """;
        provider.failName = "b";
        Engine engine = engine(config);
        Applier.Result result = engine.apply(engine.plan(false));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.diagnostic().summary()).isEqualTo("creating Box (b): api error Boom: the box broke");
            assertThat(f.with()).isEqualTo("aws_box.b");
            assertThat(f.diagnostic().subject().start().line()).isEqualTo(2);
        });
        assertThat(StateFile.in(dir).read().instances().keySet()).extracting(Object::toString).containsExactly("aws_box.a");

        provider.failName = null;
        Engine rerun = engine(config);
        Plan plan = rerun.plan(false);
        assertThat(plan.toAdd()).isEqualTo(2);
        assertThat(rerun.apply(plan).failures()).isEmpty();
        assertThat(engine(config).plan(false).isEmpty()).isTrue();
    }

    @Test
    void noMoreThanParallelismOperationsRunAtOnce() throws IOException, InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(1);
        provider.onCreate = name -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            if (now == 3) {
                full.countDown();
            }
            try {
                full.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        Engine engine = engine("""
                resource "aws_box" "many" {
                  count = 12
                  name  = "box-${count.index}"
                }
                """, 3);
        Applier.Result result = engine.apply(engine.plan(false));
        assertThat(result.added()).isEqualTo(12);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void countForEachDynamicBlocksAndDataSources() throws IOException {
        applyAll("""
                variable "ports" {
                  type    = list(number)
                  default = [22, 443]
                }
                data "aws_box_lookup" "base" {
                  name = "base"
                }
                resource "aws_box" "per_zone" {
                  for_each = toset(["a", "b"])
                  name     = "zone-${each.key}"
                  parent   = data.aws_box_lookup.base.arn
                  dynamic "rule" {
                    for_each = var.ports
                    iterator = p
                    content {
                      port = p.value
                    }
                  }
                }
                resource "aws_box" "counted" {
                  count  = 2
                  name   = "n${count.index}"
                  parent = aws_box.per_zone["b"].id
                }
                output "ids" {
                  value = [for b in aws_box.counted : b.id]
                }
                """);
        State state = StateFile.in(dir).read();
        assertThat(state.instances().keySet()).extracting(Object::toString).containsExactly(
                "data.aws_box_lookup.base", "aws_box.counted[0]", "aws_box.counted[1]", "aws_box.per_zone[\"a\"]",
                "aws_box.per_zone[\"b\"]");
        Map<String, Object> zone = state.instance(InstanceAddress.parse("aws_box.per_zone[\"a\"]")).orElseThrow().attributes();
        assertThat(zone.get("parent")).isEqualTo("arn:aws:lookup:::base");
        assertThat((List<?>) zone.get("rule")).hasSize(2);
        assertThat(state.outputs().get("ids").value()).asList().hasSize(2);
    }

    @Test
    void unsupportedArgumentsAndCyclesAreRefusedAsTerraformWordsThem() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_box\" \"a\" {\n  name  = \"a\"\n  color = \"red\"\n}\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, provider)).isInstanceOfSatisfying(HclException.class, e -> {
            assertThat(e.diagnostics().get(0).summary()).isEqualTo("Unsupported argument");
            assertThat(e.diagnostics().get(0).detail()).isEqualTo("An argument named \"color\" is not expected here.");
            assertThat(e.diagnostics().get(0).subject().start().line()).isEqualTo(3);
        });
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_box\" \"a\" {\n}\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, provider)).isInstanceOfSatisfying(HclException.class,
                e -> assertThat(e.diagnostics().get(0).summary()).isEqualTo("Missing required argument"));
        Files.writeString(dir.resolve("main.tf"), "locals {\n  a = local.b\n  b = local.a\n}\n"
                + "resource \"aws_box\" \"a\" {\n  name = local.a\n}\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, provider)).isInstanceOfSatisfying(HclException.class,
                e -> assertThat(e.diagnostics().get(0).summary()).isEqualTo("Cycle: local.a, local.b"));
        Files.writeString(dir.resolve("main.tf"), "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, provider)).isInstanceOfSatisfying(HclException.class, e -> {
            assertThat(e.diagnostics().get(0).summary()).isEqualTo("Unsupported block type");
            assertThat(e.diagnostics().get(0).detail()).contains("module");
        });
    }

    @Test
    void variablesFollowTerraformsPrecedenceAndValidations() throws IOException {
        Files.writeString(dir.resolve("terraform.tfvars"), "name = \"from-tfvars\"\n");
        Files.writeString(dir.resolve("b.auto.tfvars"), "name = \"from-auto\"\n");
        String config = """
                variable "name" {
                  type = string
                  validation {
                    condition     = length(var.name) > 3
                    error_message = "The name must be longer than 3 characters."
                  }
                }
                resource "aws_box" "a" { name = var.name }
                """;
        Plan plan = engine(config).plan(false);
        assertThat(plan.changes().get(0).after().get("name")).isEqualTo("from-auto");
        Plan overridden = engine(config, 10, "name=from-cli").plan(false);
        assertThat(overridden.changes().get(0).after().get("name")).isEqualTo("from-cli");
        assertThatThrownBy(() -> engine(config, 10, "name=ab")).isInstanceOfSatisfying(HclException.class, e -> assertThat(
                e.diagnostics().get(0).detail()).startsWith("The name must be longer than 3 characters."));
    }
}
