package io.localvpc.terraform.aws;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.ec2.Instance;
import io.localvpc.service.ssm.agent.AgentPresence;
import io.localvpc.service.ssm.agent.SsmAgents;
import io.localvpc.terraform.aws.ec2.InstanceResource;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hands-on's point, reached through the compute and IAM types: an instance in the private
 * subnet (routed to the NAT gateway), egress-only group, AmazonSSMManagedInstanceCore role in its
 * profile, has an SSM agent that is online.
 */
class HandsOnSsmTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @Test
    void thePrivateInstanceBuiltByTheTypesHasItsAgentOnline() {
        HandsOnTopology network = HandsOnTopology.build(server, "test");
        ProviderHarness tf = new ProviderHarness(server);
        HandsOnCompute compute = HandsOnCompute.create(tf, network.vpc(), "hands-on");
        Map<String, Object> box = tf.create(new InstanceResource(), config("ami", compute.ami(), "instance_type", "t3.nano",
                "subnet_id", network.privateSubnet(), "vpc_security_group_ids", List.of(compute.groupId()),
                "iam_instance_profile", compute.profileName(),
                "root_block_device", List.of(Map.of("volume_size", number(30), "volume_type", "gp3"))));

        var now = server.clock().now();
        Instance instance = server.localVpc().cloud().region("000000000000", ProviderHarness.REGION, now).read(now)
                .find(Instance.class, (String) box.get("id")).orElseThrow();
        AgentPresence presence = new SsmAgents(server.localVpc().cloud(), server.localVpc()::network)
                .presence("000000000000", ProviderHarness.REGION, instance, now);
        assertThat(presence.problems()).isEmpty();
        assertThat(presence.online()).isTrue();
        assertThat(presence.roleName()).isEqualTo("hands-on-ssm-role");
    }
}
