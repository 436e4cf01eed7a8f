package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworkInterfaceResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    @SuppressWarnings("unchecked")
    void anInterfaceWithChosenAddressesChangesAddressesChecksAndDescriptionInPlace() {
        Map<String, Object> vpc = tf.create("aws_vpc", config("cidr_block", "10.70.0.0/16"));
        String subnet = tf.subnet((String) vpc.get("id"), "10.70.1.0/24");
        Map<String, Object> state = tf.create("aws_network_interface", config("subnet_id", subnet,
                "private_ips", List.of("10.70.1.10", "10.70.1.11"), "description", "app", "tags", Map.of("Name", "app")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("eni-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":network-interface/" + id)
                .containsEntry("private_ips", List.of("10.70.1.10", "10.70.1.11"))
                .containsEntry("private_ips_count", number(1))
                .containsEntry("private_ip_list", List.of("10.70.1.10", "10.70.1.11"))
                .containsEntry("description", "app")
                .containsEntry("interface_type", "interface")
                .containsEntry("source_dest_check", true)
                .containsEntry("security_groups", List.of(vpc.get("default_security_group_id")))
                .containsEntry("attachment", List.of())
                .containsEntry("owner_id", tf.account())
                .containsEntry("tags_all", Map.of("Name", "app", "Environment", "test"));
        assertThat(state.get("private_ip")).isIn("10.70.1.10", "10.70.1.11");
        assertThat((String) state.get("mac_address")).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");

        Map<String, Object> updated = tf.update("aws_network_interface", state, config("subnet_id", subnet,
                "private_ips", List.of(state.get("private_ip"), "10.70.1.12"), "description", "router",
                "source_dest_check", false, "tags", Map.of("Name", "app")));
        assertThat(updated).containsEntry("id", id)
                .containsEntry("description", "router")
                .containsEntry("source_dest_check", false);
        assertThat(ProviderHarness.list(updated.get("private_ips"))).contains("10.70.1.12").hasSize(2);

        tf.delete("aws_network_interface", updated);
    }
}
