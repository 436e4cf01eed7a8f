package io.localvpc.service.ssm.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.Clients;
import io.localvpc.testing.DataChannelClient;
import io.localvpc.testing.ServerProcess;
import io.localvpc.testing.SsmInstanceProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Session;
import software.amazon.awssdk.services.ssm.model.SessionState;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;

/**
 * A session's history outlives the process; its channel does not. A polite stop tells the
 * connected plugin the session ended; after kill -9 the next start finds the session it had
 * recorded as connected and terminates it, as AWS ends a session whose client never came back.
 */
class SessionRestartTest {
    private static final String ACCOUNT = "210987654321";

    @TempDir
    Path dataDir;

    @Test
    void a_polite_stop_closes_live_channels_and_a_crash_leaves_them_terminated_on_the_next_start() throws Exception {
        String stopped;
        String crashed;
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s")) {
            String instance = managedInstanceInDefaultVpc(server);
            try (SsmClient ssm = ssm(server)) {
                StartSessionResponse started = ssm.startSession(r -> r.target(instance));
                stopped = started.sessionId();
                DataChannelClient client = connected(started);

                server.stop();

                assertThat(client.next().type()).isEqualTo("channel_closed");
                client.close();
            }
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s"); SsmClient ssm = ssm(server)) {
            assertThat(history(ssm, stopped).details()).isEqualTo("LocalVPC stopped");
            String instance = history(ssm, stopped).target();
            StartSessionResponse started = ssm.startSession(r -> r.target(instance));
            crashed = started.sessionId();
            connected(started).close();
            assertThat(ssm.describeSessions(r -> r.state(SessionState.ACTIVE)).sessions())
                    .extracting(Session::sessionId).containsExactly(crashed);

            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s"); SsmClient ssm = ssm(server)) {
            Session afterCrash = history(ssm, crashed);
            assertThat(afterCrash.statusAsString()).isEqualTo("Terminated");
            assertThat(afterCrash.details()).isEqualTo("LocalVPC restarted");
            assertThat(afterCrash.endDate()).isAfterOrEqualTo(afterCrash.startDate());
            assertThat(ssm.describeSessions(r -> r.state(SessionState.ACTIVE)).sessions()).isEmpty();
        }
    }

    private static DataChannelClient connected(StartSessionResponse started) {
        DataChannelClient client = DataChannelClient.connect(started.streamUrl());
        client.open(started.tokenValue());
        client.handshake();
        return client;
    }

    private static Session history(SsmClient ssm, String sessionId) {
        List<Session> ended = ssm.describeSessions(r -> r.state(SessionState.HISTORY)).sessions().stream()
                .filter(s -> s.sessionId().equals(sessionId)).toList();
        assertThat(ended).hasSize(1);
        return ended.get(0);
    }

    /** An instance in the default VPC (public subnet, public IP, internet gateway) with an SSM profile. */
    private static String managedInstanceInDefaultVpc(ServerProcess server) throws InterruptedException {
        try (Ec2Client ec2 = Clients.ec2(server.endpoint(), Region.AP_NORTHEAST_1, ACCOUNT);
                IamClient iam = Clients.iam(server.endpoint(), ACCOUNT)) {
            String profile = SsmInstanceProfile.create(iam);
            String image = ec2.describeImages(r -> r.owners("amazon")
                    .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images().get(0).imageId();
            String instance = ec2.runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO)
                    .minCount(1).maxCount(1).iamInstanceProfile(p -> p.name(profile))).instances().get(0).instanceId();
            ec2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(instance));
            return instance;
        }
    }

    private static SsmClient ssm(ServerProcess server) {
        return Clients.pointedAt(SsmClient.builder(), server.endpoint(), Region.AP_NORTHEAST_1, ACCOUNT);
    }
}
