package io.localvpc.service.ec2.routing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.ec2.NatGateway;
import io.localvpc.service.ec2.routing.RouteTableService;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.ModelWrites;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Replays what the Terraform AWS provider (v5.x) sends for the routing resources of the NAT
 * gateway hands-on, call by call, with its waiters' polls and its finders' rules (exactly one
 * result, the id compared), and checks every field its Read functions take from the answers
 * (research: terraform-provider-calls.md §5.4–5.8 and §8).
 */
class TerraformRoutingConversationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 600000000;

    private String account;
    private Ec2Client ec2;
    private String vpcId;

    @BeforeEach
    void vpc() {
        account = String.format("%012d", ++accounts);
        ec2 = server.ec2(account);
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(false)
                .instanceTenancy("default").tagSpecifications(tags(ResourceType.VPC, "hands-on-vpc"))).vpc().vpcId();
    }

    private static TagSpecification tags(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build()).build();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    // ---- The provider's finders (internal/service/ec2/find.go), reduced to what they ask and require.

    /** FindSubnetByID: DescribeSubnets SubnetId.1, exactly one, same id. */
    private Optional<Subnet> findSubnetById(String id) {
        try {
            List<Subnet> found = ec2.describeSubnets(r -> r.subnetIds(id)).subnets();
            assertThat(found).hasSizeLessThanOrEqualTo(1);
            return found.stream().filter(s -> s.subnetId().equals(id)).findFirst();
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
            return Optional.empty();
        }
    }

    /** FindInternetGatewayByID: DescribeInternetGateways InternetGatewayId.1, exactly one, same id. */
    private Optional<InternetGateway> findInternetGatewayById(String id) {
        try {
            List<InternetGateway> found = ec2.describeInternetGateways(r -> r.internetGatewayIds(id)).internetGateways();
            assertThat(found).hasSizeLessThanOrEqualTo(1);
            return found.stream().filter(g -> g.internetGatewayId().equals(id)).findFirst();
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInternetGatewayID.NotFound");
            return Optional.empty();
        }
    }

    /** FindInternetGatewayAttachment: exactly one attachment, for this VPC; returns its state. */
    private Optional<String> findInternetGatewayAttachment(String igwId, String vpc) {
        return findInternetGatewayById(igwId).flatMap(g -> {
            if (g.attachments().size() != 1 || !vpc.equals(g.attachments().get(0).vpcId())) {
                return Optional.empty();
            }
            return Optional.of(g.attachments().get(0).stateAsString());
        });
    }

    /** FindRouteTableByID: DescribeRouteTables RouteTableId.1, exactly one, same id. */
    private Optional<RouteTable> findRouteTableById(String id) {
        try {
            List<RouteTable> found = ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables();
            assertThat(found).hasSizeLessThanOrEqualTo(1);
            return found.stream().filter(t -> t.routeTableId().equals(id)).findFirst();
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRouteTableID.NotFound");
            return Optional.empty();
        }
    }

    /** FindRouteByIPv4Destination: the table by id, then the route with an equal destination. */
    private Optional<Route> findRouteByIpv4Destination(String tableId, String destination) {
        return findRouteTableById(tableId).flatMap(t -> t.routes().stream()
                .filter(r -> destination.equals(r.destinationCidrBlock()))
                .findFirst());
    }

    /**
     * FindRouteTableAssociationByID: DescribeRouteTables with the filter
     * association.route-table-association-id, exactly one table, then the association with that id;
     * a disassociated one counts as absent.
     */
    private Optional<RouteTableAssociation> findRouteTableAssociationById(String associationId) {
        List<RouteTable> tables = ec2.describeRouteTables(
                r -> r.filters(filter("association.route-table-association-id", associationId))).routeTables();
        assertThat(tables).hasSizeLessThanOrEqualTo(1);
        return tables.stream().flatMap(t -> t.associations().stream())
                .filter(a -> associationId.equals(a.routeTableAssociationId()))
                .filter(a -> a.associationState() == null || !"disassociated".equals(a.associationState().stateAsString()))
                .findFirst();
    }

    // ---- aws_subnet (§5.4)

    @Test
    void aws_subnet_create_read_destroy() {
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).availabilityZone("ap-northeast-1a")
                .cidrBlock("10.0.1.0/24").tagSpecifications(tags(ResourceType.SUBNET, "public"))).subnet().subnetId();
        // WaitSubnetAvailable: Pending pending, Target available.
        assertThat(findSubnetById(subnetId)).get().extracting(s -> s.stateAsString()).isEqualTo("available");
        // modifySubnetAttributesOnCreate: only MapPublicIpOnLaunch differs from the described subnet.
        Subnet created = findSubnetById(subnetId).orElseThrow();
        assertThat(created.mapPublicIpOnLaunch()).isFalse();
        assertThat(created.privateDnsNameOptionsOnLaunch().enableResourceNameDnsARecord()).isFalse();
        assertThat(created.privateDnsNameOptionsOnLaunch().enableResourceNameDnsAAAARecord()).isFalse();
        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
        // WaitSubnetMapPublicIPOnLaunchUpdated: poll until the value is the requested one.
        assertThat(findSubnetById(subnetId).orElseThrow().mapPublicIpOnLaunch()).isTrue();

        // Read.
        Subnet read = findSubnetById(subnetId).orElseThrow();
        assertThat(read.subnetArn()).isEqualTo("arn:aws:ec2:ap-northeast-1:" + account + ":subnet/" + subnetId);
        assertThat(read.assignIpv6AddressOnCreation()).isFalse();
        assertThat(read.availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(read.availabilityZoneId()).isEqualTo("apne1-az4");
        assertThat(read.cidrBlock()).isEqualTo("10.0.1.0/24");
        assertThat(read.customerOwnedIpv4Pool()).isNull();
        assertThat(read.enableDns64()).isFalse();
        assertThat(read.enableLniAtDeviceIndex()).isNull();
        assertThat(read.ipv6Native()).isFalse();
        assertThat(read.mapCustomerOwnedIpOnLaunch()).isFalse();
        assertThat(read.mapPublicIpOnLaunch()).isTrue();
        assertThat(read.outpostArn()).isNull();
        assertThat(read.ownerId()).isEqualTo(account);
        assertThat(read.vpcId()).isEqualTo(vpcId);
        assertThat(read.ipv6CidrBlockAssociationSet()).isEmpty();
        assertThat(read.tags()).containsExactly(Tag.builder().key("Name").value("public").build());
        // The subnet joined the VPC's default network ACL and follows the main route table.
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnetId))).networkAcls())
                .singleElement().satisfies(acl -> assertThat(acl.isDefault()).isTrue());
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId))).routeTables())
                .isEmpty();

        // Destroy (the provider's DescribeNetworkInterfaces subnet-id pre-check is served by the
        // network interface service, not this one); then DeleteSubnet, NotFound = gone.
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertThat(findSubnetById(subnetId)).isEmpty();
        assertAwsError(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "InvalidSubnetID.NotFound");
    }

    // ---- aws_internet_gateway (§5.8)

    @Test
    void aws_internet_gateway_create_attach_read_detach_destroy() {
        String igwId = ec2.createInternetGateway(r -> r.tagSpecifications(tags(ResourceType.INTERNET_GATEWAY, "igw")))
                .internetGateway().internetGatewayId();
        assertThat(igwId).startsWith("igw-");
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        // WaitInternetGatewayAttached: Pending attaching, Target available.
        assertThat(findInternetGatewayAttachment(igwId, vpcId)).contains("available");

        InternetGateway read = findInternetGatewayById(igwId).orElseThrow();
        assertThat(read.ownerId()).isEqualTo(account);
        assertThat(read.attachments()).singleElement().satisfies(a -> {
            assertThat(a.vpcId()).isEqualTo(vpcId);
            assertThat(a.stateAsString()).isEqualTo("available");
        });
        assertThat(read.tags()).containsExactly(Tag.builder().key("Name").value("igw").build());

        // Destroy: detach, wait until the attachment is gone (Pending available/detaching, no target).
        ec2.detachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        assertThat(findInternetGatewayAttachment(igwId, vpcId)).isEmpty();
        assertThat(findInternetGatewayById(igwId).orElseThrow().attachments()).isEmpty();
        assertAwsError(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId)),
                "Gateway.NotAttached");
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igwId));
        assertThat(findInternetGatewayById(igwId)).isEmpty();
        assertAwsError(() -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igwId)),
                "InvalidInternetGatewayID.NotFound");
    }

    // ---- aws_route_table (§5.5)

    @Test
    void aws_route_table_create_read_destroy() {
        String token = "terraform-20260101000000000000000001";
        var created = ec2.createRouteTable(r -> r.clientToken(token).vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "private")));
        String tableId = created.routeTable().routeTableId();
        // An SDK retry with the same token gets the same table.
        assertThat(ec2.createRouteTable(r -> r.clientToken(token).vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "private"))).routeTable().routeTableId())
                .isEqualTo(tableId);
        // WaitRouteTableReady: found twice in a row.
        assertThat(findRouteTableById(tableId)).isPresent();
        assertThat(findRouteTableById(tableId)).isPresent();

        RouteTable read = findRouteTableById(tableId).orElseThrow();
        assertThat(read.ownerId()).isEqualTo(account);
        assertThat(read.vpcId()).isEqualTo(vpcId);
        assertThat(read.propagatingVgws()).isEmpty();
        assertThat(read.tags()).containsExactly(Tag.builder().key("Name").value("private").build());
        assertThat(read.associations()).isEmpty();
        // The local route, which the provider skips when building the `route` set.
        assertThat(read.routes()).singleElement().satisfies(r -> {
            assertThat(r.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(r.gatewayId()).isEqualTo("local");
            assertThat(r.originAsString()).isEqualTo("CreateRouteTable");
            assertThat(r.stateAsString()).isEqualTo("active");
        });

        // aws_vpc's read finds the main table, never this one.
        var main = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                .routeTables();
        assertThat(main).singleElement().satisfies(t -> assertThat(t.routeTableId()).isNotEqualTo(tableId));

        // Destroy with an association left over: the provider disassociates everything listed.
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.2.0/24")).subnet().subnetId();
        ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));
        RouteTable before = findRouteTableById(tableId).orElseThrow();
        // Without the subnet's association listed, the loop below would assert nothing.
        assertThat(before.associations()).extracting(RouteTableAssociation::subnetId).containsExactly(subnetId);
        assertThat(before.associations()).noneMatch(RouteTableAssociation::main);
        for (RouteTableAssociation a : before.associations()) {
            ec2.disassociateRouteTable(r -> r.associationId(a.routeTableAssociationId()));
            assertThat(findRouteTableAssociationById(a.routeTableAssociationId())).isEmpty();
        }
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
        // WaitRouteTableDeleted: not found twice.
        assertThat(findRouteTableById(tableId)).isEmpty();
        assertThat(findRouteTableById(tableId)).isEmpty();
        assertAwsError(() -> ec2.deleteRouteTable(r -> r.routeTableId(tableId)), "InvalidRouteTableID.NotFound");
    }

    // ---- aws_route to an internet gateway (§5.7)

    @Test
    void aws_route_to_an_internet_gateway_create_read_update_destroy() {
        String igwId = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        // Pre-check: no route with this destination yet.
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isEmpty();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        // WaitRouteReady: found twice in a row.
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isPresent();
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isPresent();

        Route read = findRouteByIpv4Destination(tableId, "0.0.0.0/0").orElseThrow();
        assertThat(read.carrierGatewayId()).isNull();
        assertThat(read.coreNetworkArn()).isNull();
        assertThat(read.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
        assertThat(read.destinationIpv6CidrBlock()).isNull();
        assertThat(read.destinationPrefixListId()).isNull();
        assertThat(read.gatewayId()).isEqualTo(igwId);
        assertThat(read.egressOnlyInternetGatewayId()).isNull();
        assertThat(read.natGatewayId()).isNull();
        assertThat(read.localGatewayId()).isNull();
        assertThat(read.instanceId()).isNull();
        assertThat(read.instanceOwnerId()).isNull();
        assertThat(read.networkInterfaceId()).isNull();
        assertThat(read.originAsString()).isEqualTo("CreateRoute");
        assertThat(read.stateAsString()).isEqualTo("active");
        assertThat(read.transitGatewayId()).isNull();
        assertThat(read.vpcPeeringConnectionId()).isNull();

        // A second create of the same destination is refused.
        assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igwId)), "RouteAlreadyExists");

        // Destroy: DeleteRoute, then absent twice; InvalidRoute.NotFound = already gone.
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isEmpty();
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isEmpty();
        assertAwsError(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "InvalidRoute.NotFound");
        // The provider's "local route" tolerance: deleting it says "cannot remove local route".
        var local = assertAwsError(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.0.0.0/16")),
                "InvalidParameterValue");
        assertThat(local.awsErrorDetails().errorMessage()).contains("cannot remove local route");
        // CreateRoute to "local" gives the code the provider turns into its friendly error.
        var toLocal = assertAwsError(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.9.0.0/16")
                .gatewayId("local")), "InvalidGatewayID.NotFound");
        assertThat(toLocal.awsErrorDetails().errorMessage()).contains("'local' does not exist");
    }

    // ---- aws_route to a NAT gateway (§5.7, the NAT record written directly)

    @Test
    void aws_route_to_a_nat_gateway_and_its_blackhole_after_the_nat_goes() {
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        NatGateway nat = ModelWrites.natGateway(server, account, ModelWrites.subnet(server, account, publicSubnet),
                "available");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isEmpty();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()));
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isPresent();
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isPresent();

        Route read = findRouteByIpv4Destination(tableId, "0.0.0.0/0").orElseThrow();
        // The NAT comes back in natGatewayId, never in gatewayId (else `gateway_id` diffs every plan).
        assertThat(read.natGatewayId()).isEqualTo(nat.id());
        assertThat(read.gatewayId()).isNull();
        assertThat(read.instanceId()).isNull();
        assertThat(read.networkInterfaceId()).isNull();
        assertThat(read.originAsString()).isEqualTo("CreateRoute");
        assertThat(read.stateAsString()).isEqualTo("active");

        // The lesson: delete the NAT gateway and the route stays, as a blackhole.
        ModelWrites.change(server, account, tx -> tx.put(nat.deleting(tx.now(), null)));
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0").orElseThrow().stateAsString()).isEqualTo("blackhole");
        ModelWrites.change(server, account, tx -> tx.put(nat.withState("deleted", null)));
        Route blackhole = findRouteByIpv4Destination(tableId, "0.0.0.0/0").orElseThrow();
        assertThat(blackhole.stateAsString()).isEqualTo("blackhole");
        assertThat(blackhole.natGatewayId()).isEqualTo(nat.id());
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("route.state", "blackhole"), filter("vpc-id", vpcId)))
                .routeTables()).extracting(RouteTable::routeTableId).containsExactly(tableId);

        // Destroy still works on a blackhole route.
        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        assertThat(findRouteByIpv4Destination(tableId, "0.0.0.0/0")).isEmpty();
    }

    @Test
    void aws_route_update_replaces_the_target() {
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        NatGateway first = ModelWrites.natGateway(server, account, ModelWrites.subnet(server, account, publicSubnet),
                "available");
        NatGateway second = ModelWrites.natGateway(server, account, ModelWrites.subnet(server, account, publicSubnet),
                "available");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(first.id()));
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(second.id()));
        Route read = findRouteByIpv4Destination(tableId, "0.0.0.0/0").orElseThrow();
        assertThat(read.natGatewayId()).isEqualTo(second.id());
        assertThat(read.stateAsString()).isEqualTo("active");
        assertThat(read.originAsString()).isEqualTo("CreateRoute");
    }

    // ---- aws_route_table_association (§5.6)

    @Test
    void aws_route_table_association_create_read_update_destroy() {
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String other = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        String associationId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId)).associationId();
        assertThat(associationId).startsWith("rtbassoc-");
        // WaitRouteTableAssociationCreated: Pending associating, Target associated.
        RouteTableAssociation read = findRouteTableAssociationById(associationId).orElseThrow();
        assertThat(read.associationState().stateAsString()).isEqualTo("associated");
        assertThat(read.gatewayId()).isNull();
        assertThat(read.routeTableId()).isEqualTo(tableId);
        assertThat(read.subnetId()).isEqualTo(subnetId);
        assertThat(read.main()).isFalse();

        // Update (route_table_id changed): ReplaceRouteTableAssociation, the new id becomes the resource id.
        String newId = ec2.replaceRouteTableAssociation(r -> r.associationId(associationId).routeTableId(other))
                .newAssociationId();
        assertThat(findRouteTableAssociationById(associationId)).isEmpty();
        RouteTableAssociation moved = findRouteTableAssociationById(newId).orElseThrow();
        assertThat(moved.routeTableId()).isEqualTo(other);
        assertThat(moved.subnetId()).isEqualTo(subnetId);
        assertThat(moved.associationState().stateAsString()).isEqualTo("associated");

        // Destroy: DisassociateRouteTable, then the association is gone; NotFound = gone.
        ec2.disassociateRouteTable(r -> r.associationId(newId));
        assertThat(findRouteTableAssociationById(newId)).isEmpty();
        assertAwsError(() -> ec2.disassociateRouteTable(r -> r.associationId(newId)), "InvalidAssociationID.NotFound");
    }

    // ---- The whole hands-on: apply, refresh, destroy

    @Test
    void public_and_private_subnets_apply_refresh_destroy() {
        // apply
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).availabilityZone("ap-northeast-1a")
                .cidrBlock("10.0.10.0/24").tagSpecifications(tags(ResourceType.SUBNET, "public"))).subnet().subnetId();
        ec2.modifySubnetAttribute(r -> r.subnetId(publicSubnet)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).availabilityZone("ap-northeast-1a")
                .cidrBlock("10.0.20.0/24").tagSpecifications(tags(ResourceType.SUBNET, "private"))).subnet().subnetId();
        String igwId = ec2.createInternetGateway(r -> r.tagSpecifications(tags(ResourceType.INTERNET_GATEWAY, "igw")))
                .internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        String publicTable = ec2.createRouteTable(r -> r.clientToken("terraform-1").vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "public"))).routeTable().routeTableId();
        String privateTable = ec2.createRouteTable(r -> r.clientToken("terraform-2").vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.ROUTE_TABLE, "private"))).routeTable().routeTableId();
        NatGateway nat = ModelWrites.natGateway(server, account, ModelWrites.subnet(server, account, publicSubnet),
                "available");
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        ec2.createRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat.id()));
        String publicAssoc = ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(publicSubnet))
                .associationId();
        String privateAssoc = ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(privateSubnet))
                .associationId();

        // refresh (terraform plan): every read, with the same answers as right after apply.
        var mainTables = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                .routeTables();
        assertThat(mainTables).hasSize(1);
        assertThat(mainTables.get(0).routes()).extracting(Route::destinationCidrBlock).containsExactly("10.0.0.0/16");
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("default", "true"), filter("vpc-id", vpcId)))
                .networkAcls()).singleElement()
                .satisfies(acl -> assertThat(acl.associations()).extracting(a -> a.subnetId())
                        .containsExactlyInAnyOrder(publicSubnet, privateSubnet));
        assertThat(findSubnetById(publicSubnet).orElseThrow().mapPublicIpOnLaunch()).isTrue();
        assertThat(findSubnetById(privateSubnet).orElseThrow().mapPublicIpOnLaunch()).isFalse();
        assertThat(findInternetGatewayAttachment(igwId, vpcId)).contains("available");
        Route publicDefault = findRouteByIpv4Destination(publicTable, "0.0.0.0/0").orElseThrow();
        assertThat(publicDefault.gatewayId()).isEqualTo(igwId);
        assertThat(publicDefault.natGatewayId()).isNull();
        assertThat(publicDefault.stateAsString()).isEqualTo("active");
        Route privateDefault = findRouteByIpv4Destination(privateTable, "0.0.0.0/0").orElseThrow();
        assertThat(privateDefault.natGatewayId()).isEqualTo(nat.id());
        assertThat(privateDefault.gatewayId()).isNull();
        assertThat(privateDefault.stateAsString()).isEqualTo("active");
        assertThat(findRouteTableAssociationById(publicAssoc).orElseThrow().subnetId()).isEqualTo(publicSubnet);
        assertThat(findRouteTableAssociationById(privateAssoc).orElseThrow().routeTableId()).isEqualTo(privateTable);
        // The data plane's view: each subnet's effective table.
        ModelWrites.change(server, account, tx -> {
            var pub = tx.find(io.localvpc.model.ec2.Subnet.class, publicSubnet).orElseThrow();
            assertThat(RouteTableService.effectiveTableOf(tx, pub).id()).isEqualTo(publicTable);
        });

        // destroy, in the provider's order.
        ec2.deleteRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0"));
        ec2.deleteRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0"));
        ec2.disassociateRouteTable(r -> r.associationId(publicAssoc));
        ec2.disassociateRouteTable(r -> r.associationId(privateAssoc));
        assertThat(findRouteTableAssociationById(publicAssoc)).isEmpty();
        ModelWrites.change(server, account, tx -> tx.remove(nat));
        ModelWrites.change(server, account, tx -> tx.all(io.localvpc.model.ec2.NetworkInterface.class).stream()
                .filter(n -> n.subnetId().equals(publicSubnet)).toList().forEach(tx::remove));
        for (String table : List.of(publicTable, privateTable)) {
            RouteTable current = findRouteTableById(table).orElseThrow();
            assertThat(current.associations()).isEmpty();
            ec2.deleteRouteTable(r -> r.routeTableId(table));
            assertThat(findRouteTableById(table)).isEmpty();
        }
        ec2.deleteSubnet(r -> r.subnetId(publicSubnet));
        ec2.deleteSubnet(r -> r.subnetId(privateSubnet));
        ec2.detachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        assertThat(findInternetGatewayAttachment(igwId, vpcId)).isEmpty();
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igwId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertAwsError(() -> ec2.describeVpcs(r -> r.vpcIds(vpcId)), "InvalidVpcID.NotFound");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId))).routeTables()).isEmpty();
        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("vpc-id", vpcId))).networkAcls()).isEmpty();
    }
}
