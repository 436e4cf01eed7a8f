package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.config.InputVariables;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Terraform's single-dash options, parsed as Terraform parses them. */
class TerraformOptionsTest {

    @Test
    void aSecondCommandOnALockedStateIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("main.tf"), "locals {\n  a = 1\n}\n");
        try (var held = io.localvpc.terraform.state.StateLock.acquire(dir, "OperationTypeApply")) {
            CommandLine cli = LocalVpcCommand.commandLine(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
                    new ByteArrayInputStream(new byte[0]));
            java.io.StringWriter err = new java.io.StringWriter();
            cli.setErr(new java.io.PrintWriter(err, true)).setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
            assertThat(cli.execute("apply", "-chdir=" + dir, "-auto-approve")).isEqualTo(1);
            assertThat(err.toString()).contains("Error: Error acquiring the state lock")
                    .contains("Operation: OperationTypeApply");
        }
    }

    @Test
    void varAndVarFileKeepTheirCommandLineOrderAndSingleDashOptionsParse() {
        CommandLine cli = LocalVpcCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
        CommandLine.ParseResult parsed = cli.parseArgs("apply", "-var", "a=1", "-var-file=x.tfvars", "-var=b=2",
                "-parallelism=3", "-auto-approve", "examples/nat-gateway");
        ApplyCommand apply = (ApplyCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(apply.variableValues).containsExactly(InputVariables.CommandLineValue.var("a=1"),
                InputVariables.CommandLineValue.file(Path.of("x.tfvars")), InputVariables.CommandLineValue.var("b=2"));
        assertThat(apply.parallelism).isEqualTo(3);
        assertThat(apply.autoApprove).isTrue();
        assertThat(apply.dir()).isEqualTo(Path.of("examples/nat-gateway").toAbsolutePath());
    }
}
