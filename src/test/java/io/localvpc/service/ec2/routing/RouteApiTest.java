package io.localvpc.service.ec2.routing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.ModelWrites;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Route;

class RouteApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 300000000;

    private String account;
    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;
    private String tableId;
    private String igwId;

    @BeforeEach
    void freshVpc() {
        account = String.format("%012d", ++accounts);
        ec2 = server.ec2(account);
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24").availabilityZone("ap-northeast-1a"))
                .subnet().subnetId();
        tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        igwId = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
    }

    private Route route(String destination) {
        return ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0).routes().stream()
                .filter(r -> destination.equals(r.destinationCidrBlock()))
                .findFirst()
                .orElseThrow();
    }

    private List<String> destinations() {
        return ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0).routes().stream()
                .map(Route::destinationCidrBlock).toList();
    }

    private Subnet subnetRecord() {
        return ModelWrites.subnet(server, account, subnetId);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void route_to_an_internet_gateway() {
        var response = ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        assertThat(response.returnValue()).isTrue();
        Route route = route("0.0.0.0/0");
        assertThat(route.gatewayId()).isEqualTo(igwId);
        assertThat(route.natGatewayId()).isNull();
        assertThat(route.instanceId()).isNull();
        assertThat(route.networkInterfaceId()).isNull();
        assertThat(route.originAsString()).isEqualTo("CreateRoute");
        assertThat(route.stateAsString()).isEqualTo("active");
        assertThat(destinations()).containsExactly("10.0.0.0/16", "0.0.0.0/0");

        var duplicate = assertAwsError(
                () -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId)),
                "RouteAlreadyExists");
        assertThat(duplicate.awsErrorDetails().errorMessage())
                .isEqualTo("The route identified by 0.0.0.0/0 already exists.");
        // The local route's destination is taken too.
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")
                .gatewayId(igwId)), "RouteAlreadyExists");

        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        assertThat(destinations()).containsExactly("10.0.0.0/16");
        var missing = assertAwsError(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "InvalidRoute.NotFound");
        assertThat(missing.awsErrorDetails().errorMessage())
                .isEqualTo("no route with destination-cidr-block 0.0.0.0/0 in route table " + tableId);
    }

    @Test
    void the_local_route_cannot_be_deleted() {
        var error = assertAwsError(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")),
                "InvalidParameterValue");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("cannot remove local route 10.0.0.0/16 in route table " + tableId);
    }

    @Test
    void exactly_one_target() {
        var none = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "MissingParameter");
        assertThat(none.awsErrorDetails().errorMessage()).startsWith("The request must contain exactly one of gatewayId");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igwId).natGatewayId("nat-0123456789abcdef0")), "InvalidParameterCombination");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .transitGatewayId("tgw-0123456789abcdef0")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .vpcPeeringConnectionId("pcx-0123456789abcdef0")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).gatewayId(igwId)), "MissingParameter");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.1/8")
                .gatewayId(igwId)), "InvalidParameterValue");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationIpv6CidrBlock("::/0")
                .gatewayId(igwId)), "InvalidParameterValue");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId("rtb-0123456789abcdef0").destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igwId)), "InvalidRouteTableID.NotFound");
        assertThat(destinations()).containsExactly("10.0.0.0/16");
    }

    @Test
    void unknown_targets_get_their_own_not_found_codes() {
        var igw = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId("igw-0123456789abcdef0")), "InvalidGatewayID.NotFound");
        assertThat(igw.awsErrorDetails().errorMessage()).isEqualTo("The gateway ID 'igw-0123456789abcdef0' does not exist");
        var local = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId("local")), "InvalidGatewayID.NotFound");
        assertThat(local.awsErrorDetails().errorMessage()).isEqualTo("The gateway ID 'local' does not exist");
        var nat = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-0123456789abcdef0")), "InvalidNatGatewayID.NotFound");
        assertThat(nat.awsErrorDetails().errorMessage()).isEqualTo("The natGateway ID 'nat-0123456789abcdef0' does not exist");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .networkInterfaceId("eni-0123456789abcdef0")), "InvalidNetworkInterfaceID.NotFound");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .instanceId("i-0123456789abcdef0")), "InvalidInstanceID.NotFound");
    }

    @Test
    void an_internet_gateway_must_be_attached_to_the_tables_vpc() {
        String loose = ec2.createInternetGateway().internetGateway().internetGatewayId();
        var error = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(loose)), "InvalidParameterValue");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("route table " + tableId + " and network gateway " + loose + " belong to different networks");
    }

    @Test
    void routes_inside_the_vpc_block_only_for_middleboxes_to_a_subnet() {
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.1.0/24")
                .gatewayId(igwId)), "InvalidParameterValue");
        NetworkInterface eni = ModelWrites.detachedInterface(server, account, subnetRecord());
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.2.0/24")
                .networkInterfaceId(eni.id())), "InvalidParameterValue");
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.1.0/24").networkInterfaceId(eni.id()));
        assertThat(route("10.0.1.0/24").networkInterfaceId()).isEqualTo(eni.id());
        // Broader than the VPC is fine.
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/8").gatewayId(igwId));
    }

    @Test
    void a_detached_or_deleted_internet_gateway_makes_a_blackhole() {
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
        assertThat(route("0.0.0.0/0").gatewayId()).isEqualTo(igwId);
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.state", "blackhole"), filter("vpc-id", vpcId)))
                .routeTables()).extracting(t -> t.routeTableId()).containsExactly(tableId);
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("active");
        ec2.detachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igwId));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
        // A blackhole route still goes away with DeleteRoute.
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        assertThat(destinations()).containsExactly("10.0.0.0/16");
    }

    @Test
    void route_to_a_nat_gateway_shows_it_in_nat_gateway_id_and_blackholes_when_it_goes() {
        NatGateway nat = ModelWrites.natGateway(server, account, subnetRecord(), "available");
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()));
        Route route = route("0.0.0.0/0");
        assertThat(route.natGatewayId()).isEqualTo(nat.id());
        assertThat(route.gatewayId()).isNull();
        assertThat(route.originAsString()).isEqualTo("CreateRoute");
        assertThat(route.stateAsString()).isEqualTo("active");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", nat.id()))).routeTables())
                .extracting(t -> t.routeTableId()).containsExactly(tableId);

        for (String state : List.of("deleting", "deleted", "failed")) {
            ModelWrites.change(server, account, tx -> tx.put(nat.withState(state, null)));
            assertThat(route("0.0.0.0/0").stateAsString()).as(state).isEqualTo("blackhole");
        }
        ModelWrites.change(server, account, tx -> tx.remove(nat));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
        assertThat(route("0.0.0.0/0").natGatewayId()).isEqualTo(nat.id());
    }

    @Test
    void a_nat_gateway_id_given_as_gateway_id_is_filed_under_nat_gateway_id() {
        NatGateway nat = ModelWrites.natGateway(server, account, subnetRecord(), "pending");
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(nat.id()));
        assertThat(route("0.0.0.0/0").natGatewayId()).isEqualTo(nat.id());
        assertThat(route("0.0.0.0/0").gatewayId()).isNull();
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("active");
    }

    @Test
    void a_deleted_nat_gateway_cannot_be_a_new_target() {
        NatGateway nat = ModelWrites.natGateway(server, account, subnetRecord(), "deleted");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(nat.id())), "InvalidNatGatewayID.NotFound");
    }

    @Test
    void route_to_an_instance_is_stored_as_its_interface_and_shows_both() {
        Instance instance = ModelWrites.instance(server, account, subnetRecord());
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("192.168.0.0/16").instanceId(instance.id()));
        Route route = route("192.168.0.0/16");
        assertThat(route.instanceId()).isEqualTo(instance.id());
        assertThat(route.instanceOwnerId()).isEqualTo(account);
        assertThat(route.networkInterfaceId()).isEqualTo(instance.primaryNetworkInterfaceId());
        assertThat(route.gatewayId()).isNull();
        assertThat(route.stateAsString()).isEqualTo("active");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.instance-id", instance.id()))).routeTables())
                .extracting(t -> t.routeTableId()).containsExactly(tableId);

        // The same interface given directly shows the instance too.
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("172.16.0.0/12")
                .networkInterfaceId(instance.primaryNetworkInterfaceId()));
        assertThat(route("172.16.0.0/12").instanceId()).isEqualTo(instance.id());

        ModelWrites.change(server, account, tx -> tx.put(instance.inState("stopped", null, tx.now(), null)));
        assertThat(route("192.168.0.0/16").stateAsString()).isEqualTo("blackhole");
        ModelWrites.change(server, account, tx -> tx.put(instance.inState("terminated", null, tx.now(), null)));
        assertThat(route("192.168.0.0/16").stateAsString()).isEqualTo("blackhole");
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("198.51.100.0/24")
                .instanceId(instance.id())), "InvalidInstanceID.NotFound");
    }

    @Test
    void a_deleted_interface_makes_a_blackhole() {
        NetworkInterface eni = ModelWrites.detachedInterface(server, account, subnetRecord());
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").networkInterfaceId(eni.id()));
        Route route = route("0.0.0.0/0");
        assertThat(route.networkInterfaceId()).isEqualTo(eni.id());
        assertThat(route.instanceId()).isNull();
        assertThat(route.stateAsString()).isEqualTo("active");
        ModelWrites.change(server, account, tx -> tx.remove(eni));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
        assertThat(route("0.0.0.0/0").networkInterfaceId()).isEqualTo(eni.id());
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.state", "blackhole"))).routeTables())
                .extracting(t -> t.routeTableId()).containsExactly(tableId);
        // Replacing the target brings the route back.
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("active");
        assertThat(route("0.0.0.0/0").networkInterfaceId()).isNull();
    }

    @Test
    void an_interface_of_another_vpc_is_refused() {
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(otherVpc).cidrBlock("10.1.1.0/24")).subnet().subnetId();
        NetworkInterface eni = ModelWrites.detachedInterface(server, account, ModelWrites.subnet(server, account, otherSubnet));
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .networkInterfaceId(eni.id())), "InvalidParameterValue");
    }

    @Test
    void replace_route_changes_the_target_and_keeps_the_origin() {
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        NatGateway nat = ModelWrites.natGateway(server, account, subnetRecord(), "available");
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()));
        Route route = route("0.0.0.0/0");
        assertThat(route.natGatewayId()).isEqualTo(nat.id());
        assertThat(route.gatewayId()).isNull();
        assertThat(route.originAsString()).isEqualTo("CreateRoute");
        assertThat(destinations()).containsExactly("10.0.0.0/16", "0.0.0.0/0");

        var missing = assertAwsError(() -> ec2.replaceRoute(r -> r.routeTableId(tableId)
                .destinationCidrBlock("192.168.0.0/16").gatewayId(igwId)), "InvalidRoute.NotFound");
        assertThat(missing.awsErrorDetails().errorMessage()).contains("192.168.0.0/16");
        assertAwsError(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "MissingParameter");
        assertAwsError(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId("igw-0123456789abcdef0")), "InvalidGatewayID.NotFound");
        assertAwsError(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .localTarget(true)), "InvalidParameterValue");
        assertThat(route("0.0.0.0/0").natGatewayId()).isEqualTo(nat.id());
    }

    @Test
    void the_local_route_can_point_at_a_middlebox_and_back() {
        NetworkInterface eni = ModelWrites.detachedInterface(server, account, subnetRecord());
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16").networkInterfaceId(eni.id()));
        Route local = route("10.0.0.0/16");
        assertThat(local.networkInterfaceId()).isEqualTo(eni.id());
        assertThat(local.gatewayId()).isNull();
        assertThat(local.originAsString()).isEqualTo("CreateRouteTable");
        // Still the local route: it cannot be deleted, and cannot go to an internet gateway.
        assertAwsError(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")
                .gatewayId(igwId)), "InvalidParameterValue");

        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16").localTarget(true));
        assertThat(route("10.0.0.0/16").gatewayId()).isEqualTo("local");
        assertThat(route("10.0.0.0/16").networkInterfaceId()).isNull();
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16").gatewayId("local"));
        assertThat(route("10.0.0.0/16").gatewayId()).isEqualTo("local");
        assertThat(route("10.0.0.0/16").stateAsString()).isEqualTo("active");
    }

    @Test
    void routes_in_the_main_table_of_the_default_vpc() {
        var main = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"))).routeTables().stream()
                .filter(t -> !t.vpcId().equals(vpcId))
                .findFirst()
                .orElseThrow();
        assertThat(main.routes()).extracting(Route::destinationCidrBlock).containsExactly("172.31.0.0/16", "0.0.0.0/0");
        assertThat(main.routes().get(1).gatewayId()).startsWith("igw-");
        assertThat(main.routes().get(1).stateAsString()).isEqualTo("active");
    }
}
