package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.Session;
import software.amazon.awssdk.services.ssm.model.SessionState;

/**
 * {@code aws ssm start-session} wired to LocalVPC, with the AWS CLI v2 at /usr/bin/aws. Without
 * session-manager-plugin on PATH the CLI calls StartSession, then TerminateSession for the session
 * it cannot use, and fails with its "not found" message: evidence that the CLI's customization
 * reaches our StartSession and TerminateSession as it would reach AWS's.
 */
class AwsCliSessionTest {
    private static final String ACCOUNT = "123456789012";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static HandsOnTopology topology;

    @TempDir
    Path home;

    @BeforeAll
    static void managedPrivateInstance() {
        topology = HandsOnTopology.build(server, ACCOUNT);
        String profile = SsmInstanceProfile.create(server.iam(ACCOUNT));
        topology.ec2().associateIamInstanceProfile(r -> r.instanceId(topology.privateInstance())
                .iamInstanceProfile(p -> p.name(profile)));
    }

    record Result(int exitCode, String output) {}

    private Result aws(String... args) throws Exception {
        assertThat(AwsCliHandsOnTest.AWS_CLI).as("AWS CLI v2 (apt-get install -y awscli) is needed for this test").isExecutable();
        List<String> command = new java.util.ArrayList<>(List.of(AwsCliHandsOnTest.AWS_CLI.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.localVpc().endpoint().toString(), "--region", "ap-northeast-1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("PATH", home.toString() + ":/usr/bin:/bin"); // no session-manager-plugin anywhere on it
        env.put("AWS_ACCESS_KEY_ID", ACCOUNT);
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void start_session_without_the_plugin_starts_then_terminates_the_session() throws Exception {
        assertThat(Files.exists(Path.of("/usr/bin/session-manager-plugin"))).as("this test needs the plugin absent").isFalse();

        Result result = aws("ssm", "start-session", "--target", topology.privateInstance());

        assertThat(result.output()).contains("SessionManagerPlugin is not found");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(255);
        List<Session> history = server.ssm(ACCOUNT).describeSessions(r -> r.state(SessionState.HISTORY)).sessions();
        assertThat(history).singleElement().satisfies(s -> {
            assertThat(s.target()).isEqualTo(topology.privateInstance());
            assertThat(s.statusAsString()).isEqualTo("Terminated");
            assertThat(s.details()).isEqualTo("TerminateSession");
        });
    }

    @Test
    void start_session_on_an_instance_without_a_profile_is_not_connected() throws Exception {
        Result result = aws("ssm", "start-session", "--target", topology.publicInstance());

        assertThat(result.output()).contains("An error occurred (TargetNotConnected) when calling the StartSession operation: "
                + topology.publicInstance() + " is not connected.");
        assertThat(result.exitCode()).isEqualTo(254);
    }
}
