package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VpcResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void createsReadsUpdatesAndDeletesAVpcAsTheProviderKeepsIt() {
        Map<String, Object> state = tf.create("aws_vpc", config("cidr_block", "10.20.0.0/16", "tags", Map.of("Name", "main")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("vpc-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":vpc/" + id)
                .containsEntry("cidr_block", "10.20.0.0/16")
                .containsEntry("instance_tenancy", "default")
                .containsEntry("enable_dns_support", true)
                .containsEntry("enable_dns_hostnames", false)
                .containsEntry("enable_network_address_usage_metrics", false)
                .containsEntry("assign_generated_ipv6_cidr_block", false)
                .containsEntry("ipv6_cidr_block", "")
                .containsEntry("ipv4_ipam_pool_id", null)
                .containsEntry("owner_id", tf.account())
                .containsEntry("tags", Map.of("Name", "main"))
                .containsEntry("tags_all", Map.of("Name", "main", "Environment", "test"));
        assertThat((String) state.get("default_network_acl_id")).startsWith("acl-");
        assertThat((String) state.get("default_security_group_id")).startsWith("sg-");
        assertThat((String) state.get("dhcp_options_id")).startsWith("dopt-");
        assertThat(state.get("main_route_table_id")).isEqualTo(state.get("default_route_table_id"));
        assertThat((String) state.get("main_route_table_id")).startsWith("rtb-");

        Map<String, Object> updated = tf.update("aws_vpc", state, config("cidr_block", "10.20.0.0/16",
                "enable_dns_hostnames", true, "tags", Map.of("Name", "renamed")));
        assertThat(updated).containsEntry("id", id).containsEntry("enable_dns_hostnames", true)
                .containsEntry("tags_all", Map.of("Name", "renamed", "Environment", "test"));

        tf.delete("aws_vpc", updated);
    }

    @Test
    void attributesDifferentFromAwsDefaultsAreSetOnCreate() {
        Map<String, Object> state = tf.create("aws_vpc", config("cidr_block", "10.21.0.0/16",
                "enable_dns_hostnames", true, "enable_network_address_usage_metrics", true));
        assertThat(state).containsEntry("enable_dns_hostnames", true)
                .containsEntry("enable_network_address_usage_metrics", true)
                .containsEntry("tags", null)
                .containsEntry("tags_all", Map.of("Environment", "test"));
        tf.delete("aws_vpc", state);
    }

    @Test
    void aCidrOutsideTheVpcRangeIsRefusedAtPlanWithTheProvidersWords() {
        var vpc = tf.resource("aws_vpc");
        assertProviderError(() -> vpc.plan(tf.aws(), null,
                ProviderHarness.proposed(vpc.schema(), config("cidr_block", "10.0.0.0/30"), null)))
                .isEqualTo("expected \"cidr_block\" to contain a network Value with between 16 and 28 significant bits, got: 30");
        assertProviderError(() -> vpc.plan(tf.aws(), null,
                ProviderHarness.proposed(vpc.schema(), config("cidr_block", "10.0.0.0/33"), null)))
                .isEqualTo("expected cidr_block to contain a valid Value, got: 10.0.0.0/33 with err: invalid CIDR address: 10.0.0.0/33");
    }

    @Test
    void anUnknownTenancyIsRefusedAtPlan() {
        var vpc = tf.resource("aws_vpc");
        assertProviderError(() -> vpc.plan(tf.aws(), null,
                ProviderHarness.proposed(vpc.schema(), config("cidr_block", "10.22.0.0/16", "instance_tenancy", "host"), null)))
                .isEqualTo("expected instance_tenancy to be one of [\"default\" \"dedicated\"], got host");
    }

    @Test
    void aVpcDeletedOutsideTerraformReadsAsGone() {
        Map<String, Object> state = tf.create("aws_vpc", config("cidr_block", "10.23.0.0/16"));
        tf.ec2().deleteVpc(r -> r.vpcId((String) state.get("id")));
        assertThat(tf.resource("aws_vpc").read(tf.aws(), state)).isEmpty();
    }
}
