package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubnetResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void createsAPublicSubnetAndTurnsItPrivateInPlace() {
        String vpc = tf.vpc("10.30.0.0/16");
        Map<String, Object> state = tf.create("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.30.1.0/24",
                "availability_zone", "ap-northeast-1a", "map_public_ip_on_launch", true, "tags", Map.of("Name", "public")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("subnet-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":subnet/" + id)
                .containsEntry("vpc_id", vpc)
                .containsEntry("cidr_block", "10.30.1.0/24")
                .containsEntry("availability_zone", "ap-northeast-1a")
                .containsEntry("map_public_ip_on_launch", true)
                .containsEntry("assign_ipv6_address_on_creation", false)
                .containsEntry("ipv6_cidr_block", "")
                .containsEntry("private_dns_hostname_type_on_launch", "ip-name")
                .containsEntry("owner_id", tf.account())
                .containsEntry("tags_all", Map.of("Name", "public", "Environment", "test"));
        assertThat((String) state.get("availability_zone_id")).startsWith("apne1-az");

        Map<String, Object> updated = tf.update("aws_subnet", state, config("vpc_id", vpc, "cidr_block", "10.30.1.0/24",
                "availability_zone", "ap-northeast-1a", "tags", Map.of("Name", "private", "Tier", "app")));
        assertThat(updated).containsEntry("id", id).containsEntry("map_public_ip_on_launch", false)
                .containsEntry("tags", Map.of("Name", "private", "Tier", "app"));

        tf.delete("aws_subnet", updated);
    }

    @Test
    void aCidrOutsideTheVpcIsAwsRefusalWordedAsTheProviderWordsIt() {
        String vpc = tf.vpc("10.31.0.0/16");
        assertProviderError(() -> tf.create("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.99.0.0/24")))
                .startsWith("creating EC2 Subnet: operation error EC2: CreateSubnet, https response error StatusCode: 400, RequestID: ")
                .contains("api error InvalidSubnet.Range: ");
    }

    @Test
    void aSubnetDeletedOutsideTerraformReadsAsGone() {
        String vpc = tf.vpc("10.32.0.0/16");
        Map<String, Object> state = tf.create("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.32.1.0/24"));
        tf.ec2().deleteSubnet(r -> r.subnetId((String) state.get("id")));
        assertThat(tf.resource("aws_subnet").read(tf.aws(), state)).isEmpty();
    }
}
