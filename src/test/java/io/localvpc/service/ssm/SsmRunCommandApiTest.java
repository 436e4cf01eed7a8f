package io.localvpc.service.ssm;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.CommandStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Run Command on the hands-on's private instance, through the SDK: {@code AWS-RunShellScript}
 * runs in the instance's simulated shell, the invocation moves Pending → InProgress → its result
 * as the frozen clock is advanced, and the errors are AWS's.
 */
class SsmRunCommandApiTest {
    private static final String ACCOUNT = "200000000001";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static HandsOnTopology topology;
    static SsmClient ssm;
    static String instance;

    @BeforeAll
    static void handsOn() {
        topology = HandsOnTopology.build(server, ACCOUNT);
        String profile = SsmInstanceRole.create(server.iam(ACCOUNT), "hands-on-ssm", true);
        SsmInstanceRole.associate(topology.ec2(), topology.privateInstance(), profile);
        ssm = server.ssm(ACCOUNT);
        instance = topology.privateInstance();
    }

    private static Command run(String... commands) {
        return send(r -> r.instanceIds(instance).parameters(Map.of("commands", List.of(commands))));
    }

    private static Command send(java.util.function.Consumer<SendCommandRequest.Builder> request) {
        return ssm.sendCommand(r -> {
            r.documentName("AWS-RunShellScript");
            request.accept(r);
        }).command();
    }

    private static GetCommandInvocationResponse invocation(Command command) {
        return ssm.getCommandInvocation(r -> r.commandId(command.commandId()).instanceId(instance));
    }

    private static Command reread(Command command) {
        return ssm.listCommands(r -> r.commandId(command.commandId())).commands().get(0);
    }

    @Test
    void ping_through_the_nat_gateway_succeeds_once_the_clock_has_moved_on() {
        java.time.Instant sentAt = server.clock().now();
        Command sent = run("ping -c 4 8.8.8.8");
        assertThat(sent.commandId()).hasSize(36);
        assertThat(sent.documentName()).isEqualTo("AWS-RunShellScript");
        assertThat(sent.documentVersion()).isEqualTo("$DEFAULT");
        assertThat(sent.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(sent.instanceIds()).containsExactly(instance);
        assertThat(sent.parameters()).containsEntry("commands", List.of("ping -c 4 8.8.8.8"));
        assertThat(sent.targetCount()).isEqualTo(1);
        assertThat(sent.maxConcurrency()).isEqualTo("50");
        assertThat(sent.maxErrors()).isEqualTo("0");
        assertThat(sent.timeoutSeconds()).isEqualTo(3600);
        assertThat(sent.requestedDateTime()).isEqualTo(server.clock().now());
        assertThat(sent.expiresAfter()).isEqualTo(server.clock().now().plusSeconds(3600));

        GetCommandInvocationResponse pending = invocation(sent);
        assertThat(pending.status()).isEqualTo(CommandInvocationStatus.PENDING);
        assertThat(pending.responseCode()).isEqualTo(-1);
        assertThat(pending.standardOutputContent()).isEmpty();
        assertThat(pending.executionStartDateTime()).isEmpty();

        server.advance(Duration.ofSeconds(1));
        GetCommandInvocationResponse running = invocation(sent);
        assertThat(running.status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        assertThat(running.executionStartDateTime()).isNotEmpty();
        assertThat(reread(sent).status()).isEqualTo(CommandStatus.IN_PROGRESS);

        server.advance(Duration.ofSeconds(5));
        GetCommandInvocationResponse done = invocation(sent);
        assertThat(done.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
        assertThat(done.statusDetails()).isEqualTo("Success");
        assertThat(done.responseCode()).isZero();
        assertThat(done.pluginName()).isEqualTo("aws:runShellScript");
        assertThat(done.standardOutputContent())
                .startsWith("PING 8.8.8.8 (8.8.8.8) 56(84) bytes of data.\n64 bytes from 8.8.8.8: icmp_seq=1")
                .contains("4 packets transmitted, 4 received, 0% packet loss");
        assertThat(done.standardErrorContent()).isEmpty();
        assertThat(java.time.Instant.parse(done.executionStartDateTime())).as("delivered after the state delay")
                .isEqualTo(sentAt.plusSeconds(1));
        assertThat(done.executionElapsedTime()).startsWith("PT3.0");
        assertThat(Duration.between(sentAt, java.time.Instant.parse(done.executionEndDateTime())))
                .isBetween(Duration.ofSeconds(4), Duration.ofMillis(4100));

        Command command = reread(sent);
        assertThat(command.status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(command.completedCount()).isEqualTo(1);
        assertThat(command.errorCount()).isZero();
    }

    @Test
    void a_script_runs_line_after_line_like_sh_and_exit_ends_it() {
        Command lines = run("echo one", "false", "echo two");
        Command text = run("echo a\necho b\nexit 3\necho never");
        server.advance(Duration.ofSeconds(5));
        GetCommandInvocationResponse first = invocation(lines);
        assertThat(first.status()).as("the last command's status counts").isEqualTo(CommandInvocationStatus.SUCCESS);
        assertThat(first.standardOutputContent()).isEqualTo("one\ntwo\n");
        GetCommandInvocationResponse second = invocation(text);
        assertThat(second.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(second.statusDetails()).isEqualTo("Failed");
        assertThat(second.responseCode()).isEqualTo(3);
        assertThat(second.standardOutputContent()).isEqualTo("a\nb\n");
        assertThat(second.standardErrorContent()).isEqualTo("failed to run commands: exit status 3\n");
        Command failed = reread(text);
        assertThat(failed.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(failed.errorCount()).isEqualTo(1);
    }

    @Test
    void a_failing_command_fails_with_its_exit_code() {
        Command missing = run("no-such-tool --help");
        Command unreachable = run("curl -sS -m 2 http://10.0.99.99/");
        server.advance(Duration.ofSeconds(10));
        GetCommandInvocationResponse notFound = invocation(missing);
        assertThat(notFound.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(notFound.responseCode()).isEqualTo(127);
        assertThat(notFound.standardErrorContent()).startsWith("sh: no-such-tool: command not found\n");
        GetCommandInvocationResponse timeout = invocation(unreachable);
        assertThat(timeout.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(timeout.responseCode()).isEqualTo(28);
        assertThat(timeout.executionElapsedTime()).isEqualTo("PT2.001S");
    }

    @Test
    void a_script_running_past_its_execution_timeout_times_out() {
        Command slow = send(r -> r.instanceIds(instance)
                .parameters(Map.of("commands", List.of("echo start", "sleep 30"), "executionTimeout", List.of("10"))));
        server.advance(Duration.ofSeconds(6));
        assertThat(invocation(slow).status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        server.advance(Duration.ofSeconds(6));
        GetCommandInvocationResponse timedOut = invocation(slow);
        assertThat(timedOut.status()).isEqualTo(CommandInvocationStatus.TIMED_OUT);
        assertThat(timedOut.statusDetails()).isEqualTo("ExecutionTimedOut");
        assertThat(timedOut.standardOutputContent()).isEqualTo("start\n");
        assertThat(timedOut.executionElapsedTime()).isEqualTo("PT10S");
        Command command = reread(slow);
        assertThat(command.status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(command.errorCount()).isEqualTo(1);
    }

    @Test
    void cancel_stops_a_running_script() {
        Command slow = run("sleep 600");
        server.advance(Duration.ofSeconds(2));
        assertThat(invocation(slow).status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        ssm.cancelCommand(r -> r.commandId(slow.commandId()));
        assertThat(invocation(slow).status()).isEqualTo(CommandInvocationStatus.CANCELLED);
        assertThat(reread(slow).status()).isEqualTo(CommandStatus.CANCELLED);
        server.advance(Duration.ofMinutes(20));
        assertThat(invocation(slow).status()).as("stays cancelled").isEqualTo(CommandInvocationStatus.CANCELLED);
        assertAwsError(() -> ssm.cancelCommand(r -> r.commandId(UUID.randomUUID().toString())), "InvalidCommandId");
    }

    @Test
    void without_the_route_to_the_nat_the_command_waits_for_the_agent_and_its_delivery_times_out() {
        topology.ec2().deleteRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0"));
        Command later;
        try {
            Command lost = send(r -> r.instanceIds(instance).timeoutSeconds(30)
                    .parameters(Map.of("commands", List.of("echo hi"))));
            later = send(r -> r.instanceIds(instance).timeoutSeconds(600)
                    .parameters(Map.of("commands", List.of("ping -c 1 8.8.8.8"))));
            server.advance(Duration.ofSeconds(31));
            GetCommandInvocationResponse timedOut = invocation(lost);
            assertThat(timedOut.status()).isEqualTo(CommandInvocationStatus.TIMED_OUT);
            assertThat(timedOut.statusDetails()).isEqualTo("DeliveryTimedOut");
            assertThat(timedOut.executionStartDateTime()).isEmpty();
            Command command = reread(lost);
            assertThat(command.status()).isEqualTo(CommandStatus.TIMED_OUT);
            assertThat(command.statusDetails()).isEqualTo("DeliveryTimedOut");
            assertThat(command.deliveryTimedOutCount()).isEqualTo(1);
            assertThat(command.completedCount()).isEqualTo(1);
            assertThat(invocation(later).status()).isEqualTo(CommandInvocationStatus.PENDING);
        } finally {
            topology.ec2().createRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(topology.nat()));
        }
        // The agent is back: the next request hands the waiting command to it, and it runs.
        assertThat(invocation(later).status()).isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        server.advance(Duration.ofSeconds(2));
        GetCommandInvocationResponse delivered = invocation(later);
        assertThat(delivered.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
        assertThat(delivered.standardOutputContent()).contains("1 packets transmitted, 1 received");
    }

    @Test
    void targets_select_managed_instances_by_tag_or_id() {
        Command byName = send(r -> r.targets(t -> t.key("tag:Name").values("private-box"))
                .parameters(Map.of("commands", List.of("hostname"))));
        assertThat(byName.targetCount()).isEqualTo(1);
        assertThat(byName.instanceIds()).isEmpty();
        assertThat(byName.targets()).hasSize(1);
        Command byKey = send(r -> r.targets(t -> t.key("tag-key").values("Name"))
                .parameters(Map.of("commands", List.of("hostname"))));
        assertThat(byKey.targetCount()).as("only the private instance is managed").isEqualTo(1);
        Command byId = send(r -> r.targets(t -> t.key("InstanceIds").values(instance))
                .parameters(Map.of("commands", List.of("hostname"))));
        Command none = send(r -> r.targets(t -> t.key("tag:Name").values("public-box"))
                .parameters(Map.of("commands", List.of("hostname"))));
        assertThat(none.targetCount()).isZero();
        server.advance(Duration.ofSeconds(2));
        GetCommandInvocationResponse hostname = ssm.getCommandInvocation(r -> r.commandId(byId.commandId())
                .instanceId(instance));
        assertThat(hostname.standardOutputContent()).matches("ip-10-0-20-\\d+\\.ap-northeast-1\\.compute\\.internal\n");
        assertThat(reread(none).status()).isEqualTo(CommandStatus.SUCCESS);
    }

    @Test
    void lists_page_and_filter_and_show_the_plugin_output_with_details() {
        String account = "200000000002";
        HandsOnTopology other = HandsOnTopology.build(server, account);
        SsmInstanceRole.associate(other.ec2(), other.privateInstance(),
                SsmInstanceRole.create(server.iam(account), "ssm", true));
        SsmClient client = server.ssm(account);
        List<String> ids = new ArrayList<>();
        java.time.Instant secondSent = server.clock().now().plusSeconds(1);
        for (int i = 0; i < 3; i++) {
            int n = i;
            ids.add(client.sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(other.privateInstance())
                    .comment("run " + n).parameters(Map.of("commands", List.of("echo out " + n, "nope")))).command().commandId());
            server.advance(Duration.ofSeconds(1));
        }
        ids.add(client.sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(other.privateInstance())
                .parameters(Map.of("commands", List.of("sleep 100")))).command().commandId());

        ListCommandsResponse first = client.listCommands(r -> r.maxResults(2));
        assertThat(first.commands()).extracting(Command::commandId).containsExactly(ids.get(3), ids.get(2));
        ListCommandsResponse second = client.listCommands(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.commands()).extracting(Command::commandId).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.nextToken()).isNull();
        assertThat(client.listCommandsPaginator(r -> r.maxResults(1)).commands().stream().count()).isEqualTo(4);
        assertThat(client.listCommands(r -> r.instanceId(other.privateInstance())).commands()).hasSize(4);
        assertThat(client.listCommands(r -> r.instanceId(instance)).commands()).isEmpty();

        server.advance(Duration.ofSeconds(5));
        assertThat(client.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.STATUS).value("Failed"))).commands())
                .hasSize(3);
        assertThat(client.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.EXECUTION_STAGE).value("Executing")))
                .commands()).extracting(Command::commandId).containsExactly(ids.get(3));
        assertThat(client.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.INVOKED_AFTER)
                .value(secondSent.toString()))).commands()).extracting(Command::commandId)
                .containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(client.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.INVOKED_BEFORE)
                .value(secondSent.toString()))).commands()).extracting(Command::commandId)
                .containsExactly(ids.get(1), ids.get(0));
        assertThat(client.listCommands(r -> r.filters(f -> f.key(CommandFilterKey.DOCUMENT_NAME)
                .value("AWS-RunShellScript"))).commands()).hasSize(4);
        assertAwsError(() -> client.listCommands(r -> r.filters(f -> f.key("Colour").value("x"))), "InvalidFilterKey");
        assertAwsError(() -> client.listCommands(r -> r.maxResults(51)), "ValidationException");
        assertAwsError(() -> client.listCommands(r -> r.commandId("not-a-command-id-but-36-characters-x")),
                "InvalidCommandId");

        List<CommandInvocation> invocations = client.listCommandInvocations(r -> r.commandId(ids.get(0)).details(true))
                .commandInvocations();
        assertThat(invocations).hasSize(1);
        CommandInvocation invocation = invocations.get(0);
        assertThat(invocation.status()).isEqualTo(CommandInvocationStatus.FAILED);
        assertThat(invocation.comment()).isEqualTo("run 0");
        CommandPlugin plugin = invocation.commandPlugins().get(0);
        assertThat(plugin.name()).isEqualTo("aws:runShellScript");
        assertThat(plugin.responseCode()).isEqualTo(127);
        assertThat(plugin.output()).isEqualTo("out 0\n\n----------ERROR-------\nsh: nope: command not found\n"
                + "failed to run commands: exit status 127\n");
        assertThat(client.listCommandInvocations(r -> r.commandId(ids.get(0))).commandInvocations().get(0)
                .commandPlugins()).isEmpty();
        assertThat(client.listCommandInvocations(r -> r.instanceId(other.privateInstance())
                .filters(f -> f.key(CommandFilterKey.STATUS).value("InProgress"))).commandInvocations()).hasSize(1);
        assertThat(client.listCommandInvocationsPaginator(r -> r.maxResults(1)).commandInvocations().stream().count())
                .isEqualTo(4);
    }

    @Test
    void bad_requests_get_aws_errors() {
        String publicBox = topology.publicInstance();
        var unmanaged = assertAwsError(() -> send(r -> r.instanceIds(publicBox)
                .parameters(Map.of("commands", List.of("echo hi")))), "InvalidInstanceId");
        assertThat(unmanaged.awsErrorDetails().errorMessage())
                .isEqualTo("Instances [[" + publicBox + "]] not in a valid state for account " + ACCOUNT);
        assertAwsError(() -> send(r -> r.instanceIds("i-0123456789abcdef0")
                .parameters(Map.of("commands", List.of("echo hi")))), "InvalidInstanceId");
        assertAwsError(() -> ssm.sendCommand(r -> r.documentName("AWS-NoSuchDocument").instanceIds(instance)),
                "InvalidDocument");
        assertAwsError(() -> send(r -> r.instanceIds(instance)), "InvalidParameters");
        assertAwsError(() -> send(r -> r.instanceIds(instance).parameters(Map.of("commands", List.of("echo"),
                "colour", List.of("blue")))), "InvalidParameters");
        assertAwsError(() -> send(r -> r.instanceIds(instance).parameters(Map.of("commands", List.of("echo"),
                "executionTimeout", List.of("0")))), "InvalidParameters");
        assertAwsError(() -> send(r -> r.instanceIds(instance, instance)
                .parameters(Map.of("commands", List.of("echo")))), "DuplicateInstanceId");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(String.format("i-%017x", i));
        }
        assertAwsError(() -> send(r -> r.instanceIds(many).parameters(Map.of("commands", List.of("echo")))),
                "ValidationException");
        assertAwsError(() -> send(r -> r.instanceIds(instance).timeoutSeconds(10)
                .parameters(Map.of("commands", List.of("echo")))), "ValidationException");
        assertAwsError(() -> send(r -> r.instanceIds(instance).maxErrors("lots")
                .parameters(Map.of("commands", List.of("echo")))), "ValidationException");
        assertAwsError(() -> ssm.getCommandInvocation(r -> r.commandId(UUID.randomUUID().toString()).instanceId(instance)),
                "InvocationDoesNotExist");
        Command sent = run("echo hi");
        assertAwsError(() -> ssm.getCommandInvocation(r -> r.commandId(sent.commandId()).instanceId(publicBox)),
                "InvocationDoesNotExist");
        assertAwsError(() -> ssm.getCommandInvocation(r -> r.commandId("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")
                .instanceId(instance)), "InvalidCommandId");
        assertAwsError(() -> ssm.getCommandInvocation(r -> r.commandId("short").instanceId(instance)),
                "ValidationException");
        assertAwsError(() -> ssm.getCommandInvocation(r -> r.commandId(sent.commandId()).instanceId(instance)
                .pluginName("aws:runPowerShellScript")), "InvalidPluginName");
    }
}
