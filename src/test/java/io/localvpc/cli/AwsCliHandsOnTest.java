package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.LocalVpc;
import io.localvpc.LocalVpcConfig;
import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.time.SimClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole NAT gateway hands-on, driven by the real AWS CLI v2 (Debian's awscli at
 * /usr/bin/aws, which .ci/run installs) against a LocalVPC on an ephemeral port.
 */
class AwsCliHandsOnTest {
    static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path home;

    @Test
    void the_nat_gateway_hands_on_runs_with_the_aws_cli() throws Exception {
        assertThat(AWS_CLI).as("AWS CLI v2 (apt-get install -y awscli) is needed for this test").isExecutable();
        LocalVpcConfig config = new LocalVpcConfig("127.0.0.1", 0, null, SimClock.system(),
                Timings.withStateChange(Duration.ZERO), Quotas.DEFAULT);
        try (LocalVpc localVpc = LocalVpc.start(config)) {
            Result result = run(Path.of("src/test/scripts/nat-gateway-hands-on.sh"), localVpc);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("hands-on complete");
        }
    }

    @Test
    void the_vpc_endpoints_hands_on_runs_with_the_aws_cli() throws Exception {
        assertThat(AWS_CLI).as("AWS CLI v2 (apt-get install -y awscli) is needed for this test").isExecutable();
        LocalVpcConfig config = new LocalVpcConfig("127.0.0.1", 0, null, SimClock.system(),
                Timings.withStateChange(Duration.ZERO), Quotas.DEFAULT);
        try (LocalVpc localVpc = LocalVpc.start(config)) {
            Result result = run(Path.of("src/test/scripts/vpc-endpoints-hands-on.sh"), localVpc);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("endpoints hands-on complete");
        }
    }

    record Result(int exitCode, String output) {}

    private Result run(Path script, LocalVpc localVpc) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        var env = builder.environment();
        env.put("AWS", AWS_CLI.toString());
        env.put("ENDPOINT", localVpc.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "123456789012");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_DEFAULT_REGION", "ap-northeast-1");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_ENDPOINT_URL");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = new String(out, StandardCharsets.UTF_8);
        Files.writeString(home.resolve("hands-on.log"), output);
        return new Result(process.exitValue(), output);
    }
}
