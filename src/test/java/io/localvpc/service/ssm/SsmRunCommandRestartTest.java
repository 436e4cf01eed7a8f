package io.localvpc.service.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.CommandStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * Nothing acknowledged is lost: a managed instance's registration, a finished command and a
 * command still running survive a restart on the same data directory, and the running one
 * finishes when the clock moves on afterwards.
 */
class SsmRunCommandRestartTest {
    private static final String ACCOUNT = "300000000001";

    @TempDir
    Path dataDir;

    @Test
    void registration_and_commands_survive_a_restart() {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dataDir);
        server.start();
        String instance;
        String finished;
        String running;
        Instant registered;
        try {
            HandsOnTopology topology = HandsOnTopology.build(server, ACCOUNT);
            instance = topology.privateInstance();
            SsmInstanceRole.associate(topology.ec2(), instance,
                    SsmInstanceRole.create(server.iam(ACCOUNT), "hands-on-ssm", true));
            SsmClient ssm = server.ssm(ACCOUNT);
            registered = server.clock().now();
            assertThat(ssm.describeInstanceInformation(r -> { }).instanceInformationList()).hasSize(1);
            finished = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(instance)
                    .parameters(Map.of("commands", List.of("ping -c 2 8.8.8.8")))).command().commandId();
            server.advance(Duration.ofSeconds(5));
            running = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(instance)
                    .parameters(Map.of("commands", List.of("echo begun", "sleep 60", "echo done")))).command().commandId();
            server.advance(Duration.ofSeconds(5));
            assertThat(ssm.getCommandInvocation(r -> r.commandId(running).instanceId(instance)).status())
                    .isEqualTo(CommandInvocationStatus.IN_PROGRESS);
        } finally {
            server.stop();
        }

        server.start();
        try {
            SsmClient ssm = server.ssm(ACCOUNT);
            InstanceInformation info = ssm.describeInstanceInformation(r -> { }).instanceInformationList().get(0);
            assertThat(info.instanceId()).isEqualTo(instance);
            assertThat(info.registrationDate()).isEqualTo(registered);
            GetCommandInvocationResponse ping = ssm.getCommandInvocation(r -> r.commandId(finished).instanceId(instance));
            assertThat(ping.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
            assertThat(ping.standardOutputContent()).contains("2 packets transmitted, 2 received");
            assertThat(ssm.getCommandInvocation(r -> r.commandId(running).instanceId(instance)).status())
                    .isEqualTo(CommandInvocationStatus.IN_PROGRESS);

            server.advance(Duration.ofMinutes(1));
            GetCommandInvocationResponse done = ssm.getCommandInvocation(r -> r.commandId(running).instanceId(instance));
            assertThat(done.status()).isEqualTo(CommandInvocationStatus.SUCCESS);
            assertThat(done.standardOutputContent()).isEqualTo("begun\ndone\n");
            assertThat(ssm.listCommands(r -> { }).commands()).extracting(c -> c.status())
                    .containsOnly(CommandStatus.SUCCESS).hasSize(2);
        } finally {
            server.stop();
        }
    }
}
