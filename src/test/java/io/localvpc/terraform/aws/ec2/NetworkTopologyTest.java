package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The hands-on NAT network applied resource by resource in dependency order, as the engine applies
 * it, then destroyed in reverse order: afterwards the account holds nothing but its default VPC.
 */
class NetworkTopologyTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    private final List<Map.Entry<String, Map<String, Object>>> applied = new ArrayList<>();

    @Test
    void theNatHandsOnNetworkIsAppliedAndDestroyedWithoutLeftovers() {
        String vpc = apply("aws_vpc", config("cidr_block", "10.0.0.0/16", "enable_dns_hostnames", true));
        String igw = apply("aws_internet_gateway", config("vpc_id", vpc));
        String publicSubnet = apply("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.0.1.0/24",
                "availability_zone", "ap-northeast-1a", "map_public_ip_on_launch", true));
        String privateSubnet = apply("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.0.2.0/24",
                "availability_zone", "ap-northeast-1a"));
        String eip = apply("aws_eip", config("domain", "vpc"));
        String nat = apply("aws_nat_gateway", config("allocation_id", eip, "subnet_id", publicSubnet));
        String publicTable = apply("aws_route_table", config("vpc_id", vpc));
        String privateTable = apply("aws_route_table", config("vpc_id", vpc));
        apply("aws_route", config("route_table_id", publicTable, "destination_cidr_block", "0.0.0.0/0", "gateway_id", igw));
        apply("aws_route", config("route_table_id", privateTable, "destination_cidr_block", "0.0.0.0/0", "nat_gateway_id", nat));
        apply("aws_route_table_association", config("subnet_id", publicSubnet, "route_table_id", publicTable));
        apply("aws_route_table_association", config("subnet_id", privateSubnet, "route_table_id", privateTable));

        // The NAT route is kept as a NAT route (natGatewayId), so a refresh of it plans no change.
        var privateRoutes = tf.resource("aws_route_table").read(tf.aws(), config("id", privateTable)).orElseThrow();
        assertThat(ProviderHarness.list(privateRoutes.get("route"))).singleElement()
                .satisfies(r -> {
                    assertThat(((Map<?, ?>) r).get("nat_gateway_id")).isEqualTo(nat);
                    assertThat(((Map<?, ?>) r).get("gateway_id")).isEqualTo("");
                });

        for (int i = applied.size() - 1; i >= 0; i--) {
            tf.delete(applied.get(i).getKey(), applied.get(i).getValue());
        }

        var ec2 = tf.ec2();
        assertThat(ec2.describeVpcs().vpcs()).singleElement().satisfies(v -> assertThat(v.isDefault()).isTrue());
        Filter inVpc = Filter.builder().name("vpc-id").values(vpc).build();
        assertThat(ec2.describeSubnets(r -> r.filters(inVpc)).subnets()).isEmpty();
        assertThat(ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables()).isEmpty();
        // The default VPC keeps its own internet gateway.
        assertThat(ec2.describeInternetGateways().internetGateways())
                .noneSatisfy(g -> assertThat(g.internetGatewayId()).isEqualTo(igw));
        assertThat(ec2.describeAddresses().addresses()).isEmpty();
        assertThat(ec2.describeNatGateways().natGateways()).allSatisfy(n -> assertThat(n.stateAsString()).isEqualTo("deleted"));
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(inVpc)).networkInterfaces()).isEmpty();
    }

    /** Creates a resource (asserting it round-trips) and remembers it for the destroy. */
    private String apply(String type, Map<String, Object> config) {
        Map<String, Object> state = tf.create(type, config);
        applied.add(Map.entry(type, state));
        return (String) state.get("id");
    }
}
