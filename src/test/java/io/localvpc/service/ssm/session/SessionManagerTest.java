package io.localvpc.service.ssm.session;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.DataChannelClient;
import io.localvpc.testing.DataChannelClient.Frame;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Session;
import software.amazon.awssdk.services.ssm.model.SessionFilterKey;
import software.amazon.awssdk.services.ssm.model.SessionState;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;

/**
 * Session Manager end to end through the AWS SDK and a WebSocket client playing the
 * session-manager-plugin's part: StartSession on the hands-on's private instance (its agent online
 * through the NAT gateway), the data channel's handshake, a shell running ping, acknowledgements
 * and retransmissions, and every way a session ends.
 */
class SessionManagerTest {
    private static final String ACCOUNT = "123456789012";
    private static final String PROMPT = "sh-4.2$ ";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static HandsOnTopology topology;
    static SsmClient ssm;
    static String profile;

    @BeforeAll
    static void managedPrivateInstance() {
        topology = HandsOnTopology.build(server, ACCOUNT);
        profile = SsmInstanceProfile.create(server.iam(ACCOUNT));
        topology.ec2().associateIamInstanceProfile(r -> r.instanceId(topology.privateInstance())
                .iamInstanceProfile(p -> p.name(profile)));
        ssm = server.ssm(ACCOUNT);
    }

    @AfterAll
    static void closeClients() {
        ssm.close();
    }

    /** Starts a shell session and takes its channel as far as the first prompt. */
    private static Shell shell() {
        StartSessionResponse started = ssm.startSession(r -> r.target(topology.privateInstance()));
        DataChannelClient client = DataChannelClient.connect(started.streamUrl());
        client.open(started.tokenValue());
        assertThat(client.handshake()).isEqualTo("Standard_Stream");
        client.expectAck(client.sendSize());
        assertThat(client.readOutputUntil(PROMPT, 2)).isEqualTo("\r\n" + PROMPT);
        return new Shell(started, client);
    }

    private record Shell(StartSessionResponse started, DataChannelClient client) {}

    private static Session described(String sessionId, SessionState state) {
        List<Session> found = ssm.describeSessions(r -> r.state(state)
                .filters(f -> f.key(SessionFilterKey.SESSION_ID).value(sessionId))).sessions();
        assertThat(found).as("%s sessions with id %s", state, sessionId).hasSize(1);
        return found.get(0);
    }

    @Test
    void start_session_answers_a_session_id_a_token_and_a_stream_url_on_the_host_the_client_used() {
        StartSessionResponse started = ssm.startSession(r -> r.target(topology.privateInstance()));

        assertThat(started.sessionId()).matches("root-[0-9a-f]{17}");
        assertThat(started.tokenValue()).hasSizeGreaterThan(40);
        assertThat(started.streamUrl()).isEqualTo("ws://127.0.0.1:" + server.localVpc().port() + "/v1/data-channel/"
                + started.sessionId() + "?role=publish_subscribe&cell-number=1");
        Session session = described(started.sessionId(), SessionState.ACTIVE);
        assertThat(session.statusAsString()).isEqualTo("Connecting");
        assertThat(session.target()).isEqualTo(topology.privateInstance());
        assertThat(session.documentName()).isEqualTo("SSM-SessionManagerRunShell");
        assertThat(session.owner()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(session.startDate()).isEqualTo(server.clock().now());
        ssm.terminateSession(r -> r.sessionId(started.sessionId()));
    }

    @Test
    void the_stream_url_names_the_host_the_client_called() {
        java.net.URI localhost = java.net.URI.create("http://localhost:" + server.localVpc().port());
        try (SsmClient viaName = io.localvpc.testing.Clients.pointedAt(SsmClient.builder(), localhost,
                LocalVpcServer.REGION, ACCOUNT)) {
            StartSessionResponse started = viaName.startSession(r -> r.target(topology.privateInstance()));
            assertThat(started.streamUrl()).startsWith("ws://localhost:" + server.localVpc().port() + "/v1/data-channel/");
            viaName.terminateSession(r -> r.sessionId(started.sessionId()));
        }
    }

    @Test
    void the_shell_echoes_what_is_typed_and_runs_ping_through_the_nat_gateway() {
        Shell shell = shell();
        DataChannelClient client = shell.client();
        assertThat(described(shell.started().sessionId(), SessionState.ACTIVE).statusAsString()).isEqualTo("Connected");

        client.expectAck(client.type("ping -c 2 8.8.8.8\n"));
        String output = client.readOutputUntil(PROMPT, 3);

        assertThat(output).startsWith("ping -c 2 8.8.8.8\r\n")
                .containsPattern("64 bytes from 8\\.8\\.8\\.8: icmp_seq=2 ttl=\\d+ time=\\d+\\.\\d+ ms\r\n")
                .contains("2 packets transmitted, 2 received, 0% packet loss")
                .doesNotContainPattern("[^\r]\n");
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
        client.close();
    }

    @Test
    void line_editing_happens_on_the_instance_side_because_the_plugin_does_not_echo() {
        Shell shell = shell();
        DataChannelClient client = shell.client();

        client.expectAck(client.type("echo helo"));
        assertThat(client.readOutputUntil("helo", 3)).isEqualTo("echo helo");
        client.expectAck(client.type("\u007f\bllo\u001b[D\t")); // DEL, Backspace, "llo", Left arrow and Tab (swallowed)
        assertThat(client.readOutputUntil("llo", 4)).isEqualTo("\b \b\b \bllo");
        client.expectAck(client.type("\r"));

        assertThat(client.readOutputUntil(PROMPT, 5)).isEqualTo("\r\nhello\r\n" + PROMPT);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void an_output_left_unacknowledged_is_sent_again_byte_for_byte() {
        Shell shell = shell();
        DataChannelClient client = shell.client();

        client.expectAck(client.type("x"));
        Frame echo = client.nextIncludingResends();
        assertThat(echo.text()).isEqualTo("x");
        Frame resent = client.nextIncludingResends();

        assertThat(resent.seq()).isEqualTo(echo.seq());
        assertThat(resent.messageId()).isEqualTo(echo.messageId());
        assertThat(resent.raw()).isEqualTo(echo.raw());
        client.ack(resent);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void a_duplicate_input_is_acknowledged_again_but_not_run_twice() {
        Shell shell = shell();
        DataChannelClient client = shell.client();
        long seq = client.send(DataChannelClient.OUTPUT, "echo once\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        client.expectAck(seq);
        assertThat(client.readOutputUntil(PROMPT, 3)).isEqualTo("echo once\r\nonce\r\n" + PROMPT);

        client.sendRaw(DataChannelClient.input(seq, "echo once\n"));
        client.expectAck(seq);
        client.expectAck(client.type("echo twice\n"));

        assertThat(client.readOutputUntil(PROMPT, 4)).isEqualTo("echo twice\r\ntwice\r\n" + PROMPT);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void a_frame_whose_digest_does_not_match_is_dropped_without_an_ack() {
        Shell shell = shell();
        DataChannelClient client = shell.client();
        byte[] corrupt = DataChannelClient.input(2, "echo bad\n");
        corrupt[corrupt.length - 2] ^= 1;
        client.sendRaw(corrupt);
        client.expectAck(client.type("echo good\n"));

        assertThat(client.readOutputUntil(PROMPT, 3)).isEqualTo("echo good\r\ngood\r\n" + PROMPT);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void an_input_ahead_of_its_turn_waits_for_the_gap_to_fill() {
        Shell shell = shell();
        DataChannelClient client = shell.client();
        long first = client.send(DataChannelClient.OUTPUT, new byte[0]); // reserve seq 2
        client.expectAck(first);
        client.sendRaw(DataChannelClient.input(first + 2, "b\n"));
        client.expectAck(first + 2);
        client.sendRaw(DataChannelClient.input(first + 1, "echo a"));
        client.expectAck(first + 1);

        assertThat(client.readOutputUntil(PROMPT, 3)).isEqualTo("echo a" + "b\r\nab\r\n" + PROMPT);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void a_wrong_token_closes_the_socket_without_a_word() {
        StartSessionResponse started = ssm.startSession(r -> r.target(topology.privateInstance()));
        try (DataChannelClient client = DataChannelClient.connect(started.streamUrl())) {
            client.open("not-the-token");
            assertThat(client.awaitClose().statusCode()).isEqualTo(1008);
        }
        ssm.terminateSession(r -> r.sessionId(started.sessionId()));
    }

    @Test
    void exit_closes_the_channel_and_the_session_goes_to_history_as_terminated() {
        Shell shell = shell();
        DataChannelClient client = shell.client();

        client.expectAck(client.type("exit 3\r"));
        assertThat(client.readOutputUntil("exit\r\n", 3)).isEqualTo("exit 3\r\nexit\r\n");
        Frame closed = client.next();

        assertThat(closed.type()).isEqualTo("channel_closed");
        assertThat(closed.text()).contains("\"SessionId\":\"" + shell.started().sessionId() + "\"")
                .contains("\"DestinationId\":\"" + topology.privateInstance() + "\"")
                .contains("\"Output\":\"\"");
        assertThat(client.awaitClose().statusCode()).isEqualTo(1000);
        Session ended = described(shell.started().sessionId(), SessionState.HISTORY);
        assertThat(ended.statusAsString()).isEqualTo("Terminated");
        assertThat(ended.endDate()).isEqualTo(server.clock().now());
        assertThat(ssm.describeSessions(r -> r.state(SessionState.ACTIVE)).sessions())
                .extracting(Session::sessionId).doesNotContain(shell.started().sessionId());
    }

    @Test
    void ctrl_d_on_an_empty_line_exits_and_ctrl_c_abandons_the_line() {
        Shell shell = shell();
        DataChannelClient client = shell.client();

        client.expectAck(client.type("echo lost\u0003"));
        assertThat(client.readOutputUntil("^C\r\n" + PROMPT, 3)).isEqualTo("echo lost^C\r\n" + PROMPT);
        client.expectAck(client.type("\u0004"));

        assertThat(client.readOutputUntil("exit\r\n", 4)).isEqualTo("exit\r\n");
        assertThat(client.next().type()).isEqualTo("channel_closed");
    }

    @Test
    void terminate_session_pushes_channel_closed_to_a_connected_plugin() {
        Shell shell = shell();

        assertThat(ssm.terminateSession(r -> r.sessionId(shell.started().sessionId())).sessionId())
                .isEqualTo(shell.started().sessionId());

        assertThat(shell.client().next().type()).isEqualTo("channel_closed");
        assertThat(described(shell.started().sessionId(), SessionState.HISTORY).details()).isEqualTo("TerminateSession");
        // Terminating again is no error, as on AWS.
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
    }

    @Test
    void resume_session_gives_a_new_token_and_the_channel_carries_on_where_it_was() {
        Shell shell = shell();
        DataChannelClient first = shell.client();
        first.expectAck(first.type("echo before\n"));
        assertThat(first.readOutputUntil(PROMPT, 3)).isEqualTo("echo before\r\nbefore\r\n" + PROMPT);
        first.expectAck(first.type("z"));
        Frame unacked = first.next(); // the echo of "z", never acknowledged
        first.abort();

        var resumed = ssm.resumeSession(r -> r.sessionId(shell.started().sessionId()));
        assertThat(resumed.tokenValue()).isNotEqualTo(shell.started().tokenValue());
        assertThat(resumed.streamUrl()).isEqualTo(shell.started().streamUrl());
        try (DataChannelClient stale = first.reconnect(shell.started().streamUrl())) {
            stale.open(shell.started().tokenValue());
            assertThat(stale.awaitClose().statusCode()).isEqualTo(1008);
        }
        DataChannelClient second = first.reconnect(shell.started().streamUrl());
        second.open(resumed.tokenValue());

        Frame again = second.next();
        assertThat(again.raw()).as("no new handshake: the unacknowledged output comes first").isEqualTo(unacked.raw());
        second.ack(again);
        second.expectAck(second.type("\n"));
        assertThat(second.readOutputUntil(PROMPT, unacked.seq() + 1)).isEqualTo("\r\nsh: z: command not found\r\n" + PROMPT);
        ssm.terminateSession(r -> r.sessionId(shell.started().sessionId()));
        assertThat(second.next().type()).isEqualTo("channel_closed");

        var gone = ssm.resumeSession(r -> r.sessionId(shell.started().sessionId()));
        assertThat(gone.tokenValue()).as("an ended session cannot be resumed").isNull();
    }

    @Test
    void an_interactive_command_runs_once_the_client_is_ready_and_then_closes_the_session() {
        StartSessionResponse started = ssm.startSession(r -> r.target(topology.privateInstance())
                .documentName("AWS-StartInteractiveCommand").parameters(Map.of("command", List.of("ping -c 1 8.8.8.8"))));
        try (DataChannelClient client = DataChannelClient.connect(started.streamUrl())) {
            client.open(started.tokenValue());
            assertThat(client.handshake()).isEqualTo("InteractiveCommands");
            client.expectAck(client.sendSize());

            assertThat(client.readOutputUntil("ms\r\n", 2)).contains("1 packets transmitted, 1 received");
            assertThat(client.next().type()).isEqualTo("channel_closed");
        }
        assertThat(described(started.sessionId(), SessionState.HISTORY).documentName())
                .isEqualTo("AWS-StartInteractiveCommand");
    }

    @Test
    void documents_that_cannot_run_are_refused() {
        assertAwsError(() -> ssm.startSession(r -> r.target(topology.privateInstance())
                .documentName("AWS-StartInteractiveCommand")), "InvalidParameters");
        assertAwsError(() -> ssm.startSession(r -> r.target(topology.privateInstance())
                .documentName("AWS-StartPortForwardingSession")
                .parameters(Map.of("portNumber", List.of("80")))), "InvalidDocument");
        assertAwsError(() -> ssm.startSession(r -> r.target(topology.privateInstance())
                .documentName("No-Such-Document")), "InvalidDocument");
    }

    @Test
    void an_instance_whose_agent_is_offline_is_not_connected() {
        var error = assertAwsError(() -> ssm.startSession(r -> r.target(topology.publicNoIpInstance())), "TargetNotConnected");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(topology.publicNoIpInstance() + " is not connected.");
        assertThat(error.statusCode()).isEqualTo(400);
        assertAwsError(() -> ssm.startSession(r -> r.target("i-0123456789abcdef0")), "TargetNotConnected");

        topology.ec2().deleteRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0"));
        try {
            assertAwsError(() -> ssm.startSession(r -> r.target(topology.privateInstance())), "TargetNotConnected");
        } finally {
            topology.ec2().createRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(topology.nat()));
        }
        ssm.terminateSession(r -> r.sessionId(ssm.startSession(s -> s.target(topology.privateInstance())).sessionId()));
    }

    @Test
    void stopping_the_instance_ends_its_sessions() {
        String image = topology.ec2().describeInstances(r -> r.instanceIds(topology.privateInstance()))
                .reservations().get(0).instances().get(0).imageId();
        String spare = topology.ec2().runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO)
                .minCount(1).maxCount(1).subnetId(topology.privateSubnet()).securityGroupIds(topology.egressOnlyGroup())
                .iamInstanceProfile(p -> p.name(profile))).instances().get(0).instanceId();
        server.advance(Duration.ofSeconds(5));
        StartSessionResponse started = ssm.startSession(r -> r.target(spare));
        try (DataChannelClient client = DataChannelClient.connect(started.streamUrl())) {
            client.open(started.tokenValue());
            client.handshake();

            topology.ec2().stopInstances(r -> r.instanceIds(spare));

            assertThat(client.next().type()).isEqualTo("channel_closed");
        }
        assertThat(described(started.sessionId(), SessionState.HISTORY).statusAsString()).isEqualTo("Terminated");
    }

    @Test
    void a_session_no_client_holds_ends_after_the_idle_timeout_and_a_connected_one_does_not() {
        StartSessionResponse abandoned = ssm.startSession(r -> r.target(topology.privateInstance()));
        Shell held = shell();

        server.advance(Duration.ofMinutes(20));

        Session ended = described(abandoned.sessionId(), SessionState.HISTORY);
        assertThat(ended.statusAsString()).isEqualTo("Terminated");
        assertThat(ended.details()).isEqualTo("no client connected for 20 minutes");
        assertThat(ended.endDate()).isEqualTo(ended.startDate().plus(Duration.ofMinutes(20)));
        assertThat(described(held.started().sessionId(), SessionState.ACTIVE).statusAsString()).isEqualTo("Connected");
        var resumed = ssm.resumeSession(r -> r.sessionId(abandoned.sessionId()));
        assertThat(resumed.tokenValue()).isNull();
        ssm.terminateSession(r -> r.sessionId(held.started().sessionId()));
    }

    @Test
    void describe_sessions_filters_and_pages() {
        String a = ssm.startSession(r -> r.target(topology.privateInstance()).reason("first")).sessionId();
        server.advance(Duration.ofMinutes(1));
        String b = ssm.startSession(r -> r.target(topology.privateInstance())).sessionId();

        var page = ssm.describeSessions(r -> r.state(SessionState.ACTIVE).maxResults(1)
                .filters(f -> f.key(SessionFilterKey.TARGET).value(topology.privateInstance())));
        assertThat(page.sessions()).extracting(Session::sessionId).containsExactly(b);
        assertThat(page.nextToken()).isNotNull();
        var after = ssm.describeSessions(r -> r.state(SessionState.ACTIVE).filters(
                f -> f.key(SessionFilterKey.INVOKED_AFTER).value(server.clock().now().minusSeconds(1).toString())));
        assertThat(after.sessions()).extracting(Session::sessionId).contains(b).doesNotContain(a);
        assertThat(described(a, SessionState.ACTIVE).reason()).isEqualTo("first");
        assertAwsError(() -> ssm.describeSessions(r -> r.state("Sometime")), "ValidationException");
        ssm.terminateSession(r -> r.sessionId(a));
        ssm.terminateSession(r -> r.sessionId(b));
    }
}
