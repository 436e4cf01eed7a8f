package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GatewayResourcesTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void anInternetGatewayIsAttachedAndMovedBetweenVpcsInPlace() {
        String first = tf.vpc("10.50.0.0/16");
        String second = tf.vpc("10.51.0.0/16");
        Map<String, Object> state = tf.create("aws_internet_gateway", config("vpc_id", first, "tags", Map.of("Name", "gw")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("igw-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":internet-gateway/" + id)
                .containsEntry("owner_id", tf.account())
                .containsEntry("vpc_id", first)
                .containsEntry("tags_all", Map.of("Name", "gw", "Environment", "test"));

        Map<String, Object> moved = tf.update("aws_internet_gateway", state, config("vpc_id", second, "tags", Map.of("Name", "gw")));
        assertThat(moved).containsEntry("id", id).containsEntry("vpc_id", second);

        tf.delete("aws_internet_gateway", moved);
    }

    @Test
    void anElasticIpInTheVpcDomainAndItsAssociationWithAnInterface() {
        Map<String, Object> state = tf.create("aws_eip", config("domain", "vpc", "tags", Map.of("Name", "nat")));

        String id = (String) state.get("id");
        String ip = (String) state.get("public_ip");
        assertThat(id).startsWith("eipalloc-");
        assertThat(state).containsEntry("allocation_id", id)
                .containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":elastic-ip/" + id)
                .containsEntry("domain", "vpc")
                .containsEntry("vpc", true)
                .containsEntry("network_border_group", "ap-northeast-1")
                .containsEntry("public_ipv4_pool", "amazon")
                .containsEntry("public_dns", "ec2-" + ip.replace('.', '-') + ".ap-northeast-1.compute.amazonaws.com")
                .containsEntry("association_id", "")
                .containsEntry("private_ip", "")
                .containsEntry("private_dns", null)
                .containsEntry("tags_all", Map.of("Name", "nat", "Environment", "test"));

        String vpc = tf.vpc("10.52.0.0/16");
        tf.attachedInternetGateway(vpc);
        String subnet = tf.subnet(vpc, "10.52.1.0/24");
        String eni = tf.ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        Map<String, Object> associated = tf.update("aws_eip", state,
                config("domain", "vpc", "network_interface", eni, "tags", Map.of("Name", "nat")));
        String privateIp = (String) associated.get("private_ip");
        assertThat((String) associated.get("association_id")).startsWith("eipassoc-");
        assertThat(associated).containsEntry("network_interface", eni)
                .containsEntry("private_dns", "ip-" + privateIp.replace('.', '-') + ".ap-northeast-1.compute.internal");

        tf.delete("aws_eip", associated);
    }

    @Test
    void theDeprecatedVpcArgumentStillAllocatesInTheVpcDomain() {
        Map<String, Object> state = tf.create("aws_eip", config("vpc", true));
        assertThat(state).containsEntry("domain", "vpc").containsEntry("vpc", true);
        tf.delete("aws_eip", state);
    }

    @Test
    void anEipAssociationIsKnownByItsAssociationId() {
        String vpc = tf.vpc("10.53.0.0/16");
        tf.attachedInternetGateway(vpc);
        String subnet = tf.subnet(vpc, "10.53.1.0/24");
        String eni = tf.ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
        Map<String, Object> eip = tf.create("aws_eip", config("domain", "vpc"));

        Map<String, Object> state = tf.create("aws_eip_association",
                config("allocation_id", eip.get("id"), "network_interface_id", eni));
        assertThat((String) state.get("id")).startsWith("eipassoc-");
        assertThat(state).containsEntry("allocation_id", eip.get("id"))
                .containsEntry("network_interface_id", eni)
                .containsEntry("public_ip", eip.get("public_ip"))
                .containsEntry("instance_id", "");
        assertThat((String) state.get("private_ip_address")).startsWith("10.53.1.");

        tf.delete("aws_eip_association", state);
        tf.delete("aws_eip", eip);
    }

    @Test
    void aPublicNatGatewayTakesItsAddressesFromTheEipAndTheSubnet() {
        String vpc = tf.vpc("10.54.0.0/16");
        tf.attachedInternetGateway(vpc);
        String subnet = tf.subnet(vpc, "10.54.1.0/24");
        Map<String, Object> eip = tf.create("aws_eip", config("domain", "vpc"));

        Map<String, Object> state = tf.create("aws_nat_gateway",
                config("allocation_id", eip.get("id"), "subnet_id", subnet, "tags", Map.of("Name", "nat")));

        assertThat((String) state.get("id")).startsWith("nat-");
        assertThat((String) state.get("association_id")).startsWith("eipassoc-");
        assertThat((String) state.get("network_interface_id")).startsWith("eni-");
        assertThat((String) state.get("private_ip")).startsWith("10.54.1.");
        assertThat(state).containsEntry("allocation_id", eip.get("id"))
                .containsEntry("connectivity_type", "public")
                .containsEntry("public_ip", eip.get("public_ip"))
                .containsEntry("subnet_id", subnet)
                .containsEntry("secondary_allocation_ids", List.of())
                .containsEntry("secondary_private_ip_address_count", number(0))
                .containsEntry("secondary_private_ip_addresses", List.of())
                .containsEntry("tags_all", Map.of("Name", "nat", "Environment", "test"));
        // The EIP's refresh sees the NAT gateway's association: computed, so no diff.
        Map<String, Object> eipNow = tf.resource("aws_eip").read(tf.aws(), eip).orElseThrow();
        assertThat(eipNow).containsEntry("association_id", state.get("association_id"))
                .containsEntry("network_interface", state.get("network_interface_id"));
        tf.assertStable("aws_eip", config("domain", "vpc"), eipNow);

        Map<String, Object> retagged = tf.update("aws_nat_gateway", state,
                config("allocation_id", eip.get("id"), "subnet_id", subnet, "tags", Map.of("Name", "nat-1")));
        assertThat(retagged).containsEntry("tags", Map.of("Name", "nat-1"));

        tf.delete("aws_nat_gateway", retagged);
        // The association the EIP last saw went with the NAT gateway: releasing it still works.
        tf.delete("aws_eip", eipNow);
    }

    @Test
    void aPrivateNatGatewayHasNoPublicAddress() {
        String subnet = tf.subnet(tf.vpc("10.55.0.0/16"), "10.55.1.0/24");
        Map<String, Object> state = tf.create("aws_nat_gateway", config("connectivity_type", "private", "subnet_id", subnet));
        assertThat(state).containsEntry("connectivity_type", "private")
                .containsEntry("allocation_id", "")
                .containsEntry("public_ip", "")
                .containsEntry("association_id", "");
        tf.delete("aws_nat_gateway", state);
    }

    @Test
    void aNatGatewayThatFailsFailsTheApplyWithAwsReason() {
        String vpc = tf.vpc("10.56.0.0/16");
        String subnet = tf.subnet(vpc, "10.56.1.0/24");
        Map<String, Object> eip = tf.create("aws_eip", config("domain", "vpc"));

        assertProviderError(() -> tf.create("aws_nat_gateway", config("allocation_id", eip.get("id"), "subnet_id", subnet)))
                .matches("waiting for EC2 NAT Gateway \\(nat-[0-9a-f]+\\) create: unexpected state 'failed', wanted target "
                        + "'available'\\. last error: Gateway\\.NotAttached: Network " + vpc + " has no Internet gateway attached");
    }
}
