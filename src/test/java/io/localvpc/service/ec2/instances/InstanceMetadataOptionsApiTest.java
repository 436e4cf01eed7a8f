package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataProtocolState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;

/** ModifyInstanceMetadataOptions: the new options show pending for one state delay, then applied. */
class InstanceMetadataOptionsApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 330000000;

    private static InstanceMetadataOptionsResponse described(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).metadataOptions();
    }

    private static String launch(Ec2Client ec2) {
        String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name")
                .values("amzn2-ami-hvm-2.0.20251110.0-x86_64-gp2"))).images().get(0).imageId();
        return ec2.runInstances(r -> r.imageId(image).instanceType("t3.nano").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
    }

    @Test
    void options_change_pending_then_applied_and_describe_instances_follows() {
        Ec2Client ec2 = server.ec2(String.format("%012d", ++accounts));
        String id = launch(ec2);
        InstanceMetadataOptionsResponse initial = described(ec2, id);
        assertThat(initial.state()).isEqualTo(InstanceMetadataOptionsState.APPLIED);
        assertThat(initial.httpTokens()).isEqualTo(HttpTokensState.OPTIONAL);
        assertThat(initial.httpProtocolIpv6()).isEqualTo(InstanceMetadataProtocolState.DISABLED);

        var response = ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens(HttpTokensState.REQUIRED)
                .httpPutResponseHopLimit(3).httpProtocolIpv6(InstanceMetadataProtocolState.ENABLED)
                .instanceMetadataTags(InstanceMetadataTagsState.ENABLED));
        assertThat(response.instanceId()).isEqualTo(id);
        InstanceMetadataOptionsResponse pending = response.instanceMetadataOptions();
        assertThat(pending.state()).isEqualTo(InstanceMetadataOptionsState.PENDING);
        assertThat(pending.httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
        assertThat(pending.httpPutResponseHopLimit()).isEqualTo(3);
        assertThat(pending.httpEndpoint()).isEqualTo(InstanceMetadataEndpointState.ENABLED); // left as it was
        assertThat(pending.httpProtocolIpv6()).isEqualTo(InstanceMetadataProtocolState.ENABLED);
        assertThat(pending.instanceMetadataTags()).isEqualTo(InstanceMetadataTagsState.ENABLED);
        assertThat(described(ec2, id)).isEqualTo(pending);

        server.advance(Duration.ofSeconds(1));
        InstanceMetadataOptionsResponse applied = described(ec2, id);
        assertThat(applied).isEqualTo(pending.toBuilder().state(InstanceMetadataOptionsState.APPLIED).build());
        assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("metadata-options.http-tokens").values("required")))
                .reservations()).hasSize(1);

        ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpEndpoint(InstanceMetadataEndpointState.DISABLED));
        server.advance(Duration.ofSeconds(1));
        assertThat(described(ec2, id).httpEndpoint()).isEqualTo(InstanceMetadataEndpointState.DISABLED);
        assertThat(described(ec2, id).httpTokens()).isEqualTo(HttpTokensState.REQUIRED);
    }

    @Test
    void bad_values_and_unknown_or_terminated_instances_are_refused() {
        Ec2Client ec2 = server.ec2(String.format("%012d", ++accounts));
        String id = launch(ec2);
        assertAwsError(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpPutResponseHopLimit(65)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens("sometimes")),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpEndpoint("on")),
                "InvalidParameterValue");
        assertThat(described(ec2, id).httpPutResponseHopLimit()).isEqualTo(1);
        assertAwsError(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId("i-0123456789abcdef0")
                .httpTokens(HttpTokensState.REQUIRED)), "InvalidInstanceID.NotFound");
        ec2.terminateInstances(r -> r.instanceIds(id));
        assertAwsError(() -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens(HttpTokensState.REQUIRED)),
                "IncorrectInstanceState");
    }
}
