package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.ServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing listening at the endpoint, the Terraform commands run LocalVPC inside themselves on
 * the default data directory ({@code .localvpc} in the working directory), so what one command
 * creates the next one finds. Each command is its own JVM, started in a directory of its own, as a
 * user runs them.
 */
class InProcessFallbackTest {

    @Test
    void applyThenDestroyWithNoServerRunning(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_vpc" "alone" {
                  cidr_block = "10.42.0.0/16"
                }
                """);
        String endpoint = "http://127.0.0.1:" + unusedPort();

        Run apply = run(dir, endpoint, "apply", "-auto-approve");
        assertThat(apply.exitCode).as(apply.output).isZero();
        assertThat(apply.output).contains("LocalVPC is not running at " + endpoint)
                .contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(dir.resolve(".localvpc")).isDirectory();

        Run destroy = run(dir, endpoint, "destroy", "-auto-approve");
        assertThat(destroy.exitCode).as(destroy.output).isZero();
        assertThat(destroy.output).contains("Destroy complete! Resources: 1 destroyed.");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(Path dir, String endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", ServerProcess.classPath(), "io.localvpc.cli.LocalVpcCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("AWS_ENDPOINT_URL", endpoint);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().remove("AWS_REGION");
        builder.environment().remove("AWS_DEFAULT_REGION");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("localvpc " + String.join(" ", args) + " did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** A loopback port nothing listens on (taken and given back at once). */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
