package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.shell.FakeNetwork;
import io.localvpc.dataplane.shell.ScenarioAccess;
import io.localvpc.testing.LocalVpcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/** {@code localvpc exec} run in-process against a test server with a fake network. */
class ExecCommandTest {
    static final String ACCOUNT = "333344445555";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static final FakeNetwork net = ScenarioAccess.natHandsOn();
    static String web;

    @BeforeAll
    static void launch() {
        Ec2Client ec2 = server.ec2(ACCOUNT);
        String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("amzn2-*-x86_64-gp2")))
                .images().get(0).imageId();
        web = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("t3.micro"))
                .instances().get(0).instanceId();
        ec2.createTags(r -> r.resources(web).tags(Tag.builder().key("Name").value("private-web").build()));
        server.advance(Duration.ofSeconds(2));
        net.withHost(FakeNetwork.host(web, true));
        server.localVpc().attachNetwork(net);
    }

    record Run(int exitCode, String out, String err) {}

    /** Runs {@code localvpc exec ARGS} with the given environment (the server's endpoint and account in it). */
    static Run run(Map<String, String> env, String... args) {
        assertThat(args[0]).isEqualTo("exec");
        CommandLine cli = ExecCommand.commandLine(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cli.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        return new Run(code, out.toString(), err.toString());
    }

    static Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", server.localVpc().endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCOUNT,
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_DEFAULT_REGION", "ap-northeast-1");
    }

    @Test
    void prints_the_remote_output_and_exits_with_its_status() {
        Run ok = run(env(), "exec", "private-web", "--", "curl", "-s", "https://checkip.amazonaws.com");
        assertThat(ok).isEqualTo(new Run(0, "203.0.113.10\n", ""));
        Run lost = run(env(), "exec", web, "--", "ping", "-c", "2", "10.9.9.9");
        assertThat(lost.exitCode()).isEqualTo(1);
        assertThat(lost.out()).contains("2 packets transmitted, 0 received, 100% packet loss");
        Run missing = run(env(), "exec", web, "--", "foo");
        assertThat(missing).isEqualTo(new Run(127, "", "sh: foo: command not found\n"));
    }

    @Test
    void the_command_words_are_joined_for_the_instance_shell_as_ssh_does() {
        Run both = run(env(), "exec", "private-web", "--", "hostname -s && nc -z 1.2.3.4 443 && echo open");
        assertThat(both).isEqualTo(new Run(0, "ip-10-0-20-5\nopen\n", ""));
        Run withoutDashes = run(env(), "exec", "private-web", "ping", "-c", "1", "8.8.8.8");
        assertThat(withoutDashes.exitCode()).isZero();
        assertThat(withoutDashes.out()).contains("1 received");
    }

    @Test
    void endpoint_option_wins_and_region_comes_from_the_environment() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID", ACCOUNT,
                "AWS_REGION", "ap-northeast-1");
        Run r = run(env, "exec", "--endpoint", server.localVpc().endpoint().toString(), "private-web", "--", "hostname");
        assertThat(r).isEqualTo(new Run(0, "ip-10-0-20-5.ap-northeast-1.compute.internal\n", ""));
        Run otherRegion = run(env, "exec", "--endpoint", server.localVpc().endpoint().toString(), "--region", "us-east-1",
                "private-web", "--", "hostname");
        assertThat(otherRegion.exitCode()).isEqualTo(2);
        assertThat(otherRegion.err()).startsWith("localvpc exec: No instance has the ID or Name tag 'private-web'");
    }

    @Test
    void an_unreachable_endpoint_is_exit_2_with_a_clear_message() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run r = run(Map.of(), "exec", "--endpoint", "http://127.0.0.1:" + closedPort, web, "--", "hostname");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("localvpc exec: cannot reach LocalVPC at http://127.0.0.1:" + closedPort)
                .contains("--endpoint or AWS_ENDPOINT_URL");
    }

    @Test
    void registered_as_a_subcommand_of_localvpc() {
        CommandLine cli = LocalVpcCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cli.execute("exec", "--endpoint", server.localVpc().endpoint().toString(), "--region", "ap-northeast-1",
                "i-0000000000000dead", "--", "hostname");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("localvpc exec: The instance ID 'i-0000000000000dead' does not exist");
        assertThat(cli.execute("exec", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: localvpc exec", "INSTANCE", "COMMAND");
    }
}
