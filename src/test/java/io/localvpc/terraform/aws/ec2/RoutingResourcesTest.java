package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RoutingResourcesTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void aRouteTableKeepsItsInlineRoutesAsASetAndChangesThemInPlace() {
        String vpc = tf.vpc("10.40.0.0/16");
        String igw = tf.attachedInternetGateway(vpc);
        Map<String, Object> toInternet = route("0.0.0.0/0", igw);
        Map<String, Object> state = tf.create("aws_route_table", config("vpc_id", vpc, "route", List.of(toInternet),
                "tags", Map.of("Name", "public")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("rtb-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":route-table/" + id)
                .containsEntry("owner_id", tf.account())
                .containsEntry("propagating_vgws", List.of())
                .containsEntry("vpc_id", vpc)
                .containsEntry("tags_all", Map.of("Name", "public", "Environment", "test"));
        assertThat(state.get("route")).isEqualTo(List.of(Map.ofEntries(
                Map.entry("carrier_gateway_id", ""), Map.entry("cidr_block", "0.0.0.0/0"), Map.entry("core_network_arn", ""),
                Map.entry("destination_prefix_list_id", ""), Map.entry("egress_only_gateway_id", ""),
                Map.entry("gateway_id", igw), Map.entry("ipv6_cidr_block", ""), Map.entry("local_gateway_id", ""),
                Map.entry("nat_gateway_id", ""), Map.entry("network_interface_id", ""), Map.entry("transit_gateway_id", ""),
                Map.entry("vpc_endpoint_id", ""), Map.entry("vpc_peering_connection_id", ""))));

        Map<String, Object> updated = tf.update("aws_route_table", state, config("vpc_id", vpc,
                "route", List.of(route("192.168.0.0/16", igw)), "tags", Map.of("Name", "public")));
        assertThat(ProviderHarness.list(updated.get("route"))).singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("cidr_block")).isEqualTo("192.168.0.0/16"));

        tf.delete("aws_route_table", updated);
    }

    @Test
    void aRouteIsKnownByItsTableAndDestination() {
        String vpc = tf.vpc("10.41.0.0/16");
        String igw = tf.attachedInternetGateway(vpc);
        String table = (String) tf.create("aws_route_table", config("vpc_id", vpc)).get("id");
        Map<String, Object> config = config("route_table_id", table, "destination_cidr_block", "0.0.0.0/0", "gateway_id", igw);

        Map<String, Object> state = tf.create("aws_route", config);

        assertThat(state).containsEntry("id", "r-" + table + "1080289494")
                .containsEntry("gateway_id", igw)
                .containsEntry("nat_gateway_id", "")
                .containsEntry("origin", "CreateRoute")
                .containsEntry("state", "active")
                .containsEntry("instance_id", "")
                .containsEntry("instance_owner_id", "");
        // The table shows the route among its computed routes, and a plan of the table stays empty.
        tf.assertStable("aws_route_table", config("vpc_id", vpc),
                tf.resource("aws_route_table").read(tf.aws(), config("id", table)).orElseThrow());
        assertProviderError(() -> tf.create("aws_route", config))
                .isEqualTo("RouteAlreadyExists: Route in Route Table (" + table + ") with destination (0.0.0.0/0) already exists");

        tf.delete("aws_route", state);
    }

    @Test
    void anAssociationMovesToAnotherTableUnderANewId() {
        String vpc = tf.vpc("10.42.0.0/16");
        String subnet = tf.subnet(vpc, "10.42.1.0/24");
        String first = (String) tf.create("aws_route_table", config("vpc_id", vpc)).get("id");
        String second = (String) tf.create("aws_route_table", config("vpc_id", vpc)).get("id");

        Map<String, Object> state = tf.create("aws_route_table_association", config("subnet_id", subnet, "route_table_id", first));
        assertThat((String) state.get("id")).startsWith("rtbassoc-");
        assertThat(state).containsEntry("subnet_id", subnet).containsEntry("route_table_id", first).containsEntry("gateway_id", "");

        Map<String, Object> moved = tf.update("aws_route_table_association", state,
                config("subnet_id", subnet, "route_table_id", second));
        assertThat(moved.get("id")).isNotEqualTo(state.get("id"));
        assertThat(moved).containsEntry("route_table_id", second);
        assertThat(tf.resource("aws_route_table_association").read(tf.aws(), state)).as("the old association").isEmpty();

        tf.delete("aws_route_table_association", moved);
    }

    @Test
    void theMainAssociationIsGivenBackToTheOriginalTableOnDelete() {
        Map<String, Object> vpc = tf.create("aws_vpc", config("cidr_block", "10.43.0.0/16"));
        String vpcId = (String) vpc.get("id");
        String original = (String) vpc.get("main_route_table_id");
        String table = (String) tf.create("aws_route_table", config("vpc_id", vpcId)).get("id");

        Map<String, Object> state = tf.create("aws_main_route_table_association", config("vpc_id", vpcId, "route_table_id", table));
        assertThat((String) state.get("id")).startsWith("rtbassoc-");
        assertThat(state).containsEntry("original_route_table_id", original).containsEntry("route_table_id", table);
        assertThat(tf.resource("aws_vpc").read(tf.aws(), vpc).orElseThrow()).containsEntry("main_route_table_id", table);

        tf.resource("aws_main_route_table_association").delete(tf.aws(), state);
        assertThat(tf.resource("aws_vpc").read(tf.aws(), vpc).orElseThrow()).containsEntry("main_route_table_id", original);
    }

    private static Map<String, Object> route(String cidr, String gateway) {
        return config("cidr_block", cidr, "gateway_id", gateway);
    }

    @Test
    void aRouteDeletedOutsideTerraformReadsAsGoneAndLeavesTheTable() {
        String vpc = tf.vpc("10.44.0.0/16");
        String igw = tf.attachedInternetGateway(vpc);
        Map<String, Object> table = tf.create("aws_route_table", config("vpc_id", vpc));
        Map<String, Object> route = tf.create("aws_route",
                config("route_table_id", table.get("id"), "destination_cidr_block", "0.0.0.0/0", "gateway_id", igw));

        tf.ec2().deleteRoute(r -> r.routeTableId((String) table.get("id")).destinationCidrBlock("0.0.0.0/0"));

        assertThat(tf.resource("aws_route").read(tf.aws(), route)).isEmpty();
        assertThat(tf.resource("aws_route_table").read(tf.aws(), table).orElseThrow()).containsEntry("route", List.of());
    }
}
