package io.localvpc.service.ec2.routing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class RouteTableApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 200000000;

    private String account;

    private Ec2Client freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.ec2(account);
    }

    private static String vpc(Ec2Client ec2, String cidr) {
        return ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
    }

    private static String subnet(Ec2Client ec2, String vpcId, String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone("ap-northeast-1a")).subnet().subnetId();
    }

    private static RouteTable describe(Ec2Client ec2, String id) {
        return ec2.describeRouteTables(r -> r.routeTableIds(id)).routeTables().get(0);
    }

    private static List<String> ids(Ec2Client ec2, Filter... filters) {
        return ec2.describeRouteTables(r -> r.filters(filters)).routeTables().stream().map(RouteTable::routeTableId).toList();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void a_new_table_has_the_local_route_and_no_associations() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        RouteTable table = ec2.createRouteTable(r -> r.vpcId(vpcId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.ROUTE_TABLE)
                        .tags(Tag.builder().key("Name").value("private").build()).build()))
                .routeTable();
        assertThat(table.routeTableId()).matches("rtb-[0-9a-f]{17}");
        assertThat(table.vpcId()).isEqualTo(vpcId);
        assertThat(table.ownerId()).isEqualTo(account);
        assertThat(table.associations()).isEmpty();
        assertThat(table.tags()).containsExactly(Tag.builder().key("Name").value("private").build());
        assertThat(table.routes()).singleElement().satisfies(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("10.0.0.0/16");
            assertThat(route.gatewayId()).isEqualTo("local");
            assertThat(route.originAsString()).isEqualTo("CreateRouteTable");
            assertThat(route.stateAsString()).isEqualTo("active");
            assertThat(route.natGatewayId()).isNull();
        });
        assertThat(describe(ec2, table.routeTableId())).isEqualTo(table);
    }

    @Test
    void create_errors() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        assertAwsError(() -> ec2.createRouteTable(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertAwsError(() -> ec2.createRouteTable(r -> r.vpcId(vpcId).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.VPC).tags(Tag.builder().key("a").value("b").build()).build())),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createRouteTable(r -> {}), "MissingParameter");
        var dryRun = assertAwsError(() -> ec2.createRouteTable(r -> r.vpcId(vpcId).dryRun(true)), "DryRunOperation");
        assertThat(dryRun.statusCode()).isEqualTo(412);
        assertThat(ids(ec2, filter("vpc-id", vpcId))).hasSize(1);
    }

    @Test
    void client_token_makes_create_idempotent() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String token = "terraform-20260101000000000000000001";
        var first = ec2.createRouteTable(r -> r.vpcId(vpcId).clientToken(token));
        var retry = ec2.createRouteTable(r -> r.vpcId(vpcId).clientToken(token));
        assertThat(first.clientToken()).isEqualTo(token);
        assertThat(retry.routeTable().routeTableId()).isEqualTo(first.routeTable().routeTableId());
        assertThat(ids(ec2, filter("vpc-id", vpcId))).hasSize(2);

        String otherVpc = vpc(ec2, "10.1.0.0/16");
        assertAwsError(() -> ec2.createRouteTable(r -> r.vpcId(otherVpc).clientToken(token)),
                "IdempotentParameterMismatch");
        assertThat(ec2.createRouteTable(r -> r.vpcId(vpcId).clientToken("another")).routeTable().routeTableId())
                .isNotEqualTo(first.routeTable().routeTableId());
    }

    @Test
    void every_vpc_has_exactly_one_main_table() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        var main = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                .routeTables();
        assertThat(main).singleElement().satisfies(t -> {
            assertThat(t.associations()).singleElement().satisfies(a -> {
                assertThat(a.main()).isTrue();
                assertThat(a.routeTableAssociationId()).matches("rtbassoc-[0-9a-f]{17}");
                assertThat(a.routeTableId()).isEqualTo(t.routeTableId());
                assertThat(a.subnetId()).isNull();
                assertThat(a.gatewayId()).isNull();
                assertThat(a.associationState().stateAsString()).isEqualTo("associated");
            });
            assertThat(t.routes()).extracting(r -> r.destinationCidrBlock()).containsExactly("10.0.0.0/16");
        });
    }

    @Test
    void describe_filters() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String igwId = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        String mainId = ids(ec2, filter("association.main", "true"), filter("vpc-id", vpcId)).get(0);
        String publicId = ec2.createRouteTable(r -> r.vpcId(vpcId).tagSpecifications(TagSpecification.builder()
                .resourceType(ResourceType.ROUTE_TABLE).tags(Tag.builder().key("tier").value("public").build()).build()))
                .routeTable().routeTableId();
        String edgeId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
        String assocId = ec2.associateRouteTable(r -> r.routeTableId(publicId).subnetId(subnetId)).associationId();
        String edgeAssocId = ec2.associateRouteTable(r -> r.routeTableId(edgeId).gatewayId(igwId)).associationId();

        assertThat(ids(ec2, filter("vpc-id", vpcId))).containsExactlyInAnyOrder(mainId, publicId, edgeId);
        assertThat(ids(ec2, filter("route-table-id", publicId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("owner-id", account), filter("vpc-id", vpcId))).hasSize(3);
        assertThat(ids(ec2, filter("association.route-table-association-id", assocId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("association.route-table-id", publicId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("association.subnet-id", subnetId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("association.gateway-id", igwId))).containsExactly(edgeId);
        assertThat(ids(ec2, filter("association.route-table-association-id", edgeAssocId))).containsExactly(edgeId);
        assertThat(ids(ec2, filter("association.main", "false"), filter("vpc-id", vpcId)))
                .containsExactlyInAnyOrder(publicId, edgeId);
        assertThat(ids(ec2, filter("route.destination-cidr-block", "0.0.0.0/0"), filter("vpc-id", vpcId)))
                .containsExactly(publicId);
        assertThat(ids(ec2, filter("route.gateway-id", igwId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("route.gateway-id", "local"), filter("vpc-id", vpcId))).hasSize(3);
        assertThat(ids(ec2, filter("route.origin", "CreateRoute"), filter("vpc-id", vpcId))).containsExactly(publicId);
        assertThat(ids(ec2, filter("route.state", "active"), filter("vpc-id", vpcId))).hasSize(3);
        assertThat(ids(ec2, filter("route.state", "blackhole"), filter("vpc-id", vpcId))).isEmpty();
        assertThat(ids(ec2, filter("route.nat-gateway-id", "nat-*"))).isEmpty();
        assertThat(ids(ec2, filter("route.instance-id", "i-*"))).isEmpty();
        assertThat(ids(ec2, filter("tag:tier", "pub*"))).containsExactly(publicId);
        assertThat(ids(ec2, filter("tag-key", "tier"))).containsExactly(publicId);
        // Values of one filter are ORed, filters ANDed.
        assertThat(ids(ec2, filter("route-table-id", publicId, edgeId), filter("association.main", "false")))
                .containsExactlyInAnyOrder(publicId, edgeId);
        assertThat(ids(ec2, filter("route-table-id", publicId, edgeId), filter("association.subnet-id", subnetId)))
                .containsExactly(publicId);
        assertAwsError(() -> ec2.describeRouteTables(r -> r.filters(filter("route.bogus", "x"))), "InvalidParameterValue");
        var notFound = assertAwsError(() -> ec2.describeRouteTables(r -> r.routeTableIds(publicId, "rtb-0000000000000000f")),
                "InvalidRouteTableID.NotFound");
        assertThat(notFound.awsErrorDetails().errorMessage())
                .isEqualTo("The routeTable ID 'rtb-0000000000000000f' does not exist");
    }

    @Test
    void describe_pages_between_5_and_100() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        for (int i = 0; i < 11; i++) {
            ec2.createRouteTable(r -> r.vpcId(vpcId));
        }
        int total = ec2.describeRouteTables().routeTables().size();
        assertThat(total).isEqualTo(13); // two main tables (default VPC and this one) and eleven
        var first = ec2.describeRouteTables(r -> r.maxResults(5));
        assertThat(first.routeTables()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        var second = ec2.describeRouteTables(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.routeTables()).hasSize(5).doesNotContainAnyElementsOf(first.routeTables());
        List<RouteTable> all = ec2.describeRouteTablesPaginator(DescribeRouteTablesRequest.builder().maxResults(5).build())
                .routeTables().stream().toList();
        assertThat(all).hasSize(13).doesNotHaveDuplicates();
        assertThat(ec2.describeRouteTables(r -> r.maxResults(100)).nextToken()).isNull();
        assertAwsError(() -> ec2.describeRouteTables(r -> r.maxResults(4)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeRouteTables(r -> r.maxResults(101)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeRouteTables(r -> r.nextToken("not-a-token")), "InvalidNextToken");
    }

    @Test
    void delete_refuses_the_main_table_and_tables_in_use() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String mainId = ids(ec2, filter("association.main", "true"), filter("vpc-id", vpcId)).get(0);
        var main = assertAwsError(() -> ec2.deleteRouteTable(r -> r.routeTableId(mainId)), "DependencyViolation");
        assertThat(main.awsErrorDetails().errorMessage())
                .isEqualTo("The routeTable '" + mainId + "' has dependencies and cannot be deleted.");

        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String assocId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId)).associationId();
        var inUse = assertAwsError(() -> ec2.deleteRouteTable(r -> r.routeTableId(tableId)), "DependencyViolation");
        assertThat(inUse.awsErrorDetails().errorMessage())
                .isEqualTo("The routeTable '" + tableId + "' has dependencies and cannot be deleted.");
        // A VPC with a custom table cannot be deleted either.
        assertAwsError(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.disassociateRouteTable(r -> r.associationId(assocId));
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
        assertAwsError(() -> ec2.describeRouteTables(r -> r.routeTableIds(tableId)), "InvalidRouteTableID.NotFound");
        assertAwsError(() -> ec2.deleteRouteTable(r -> r.routeTableId(tableId)), "InvalidRouteTableID.NotFound");
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }

    @Test
    void a_subnet_has_at_most_one_explicit_association() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String a = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String b = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        var response = ec2.associateRouteTable(r -> r.routeTableId(a).subnetId(subnetId));
        assertThat(response.associationId()).matches("rtbassoc-[0-9a-f]{17}");
        assertThat(response.associationState().stateAsString()).isEqualTo("associated");
        assertThat(describe(ec2, a).associations()).singleElement().satisfies(assoc -> {
            assertThat(assoc.routeTableAssociationId()).isEqualTo(response.associationId());
            assertThat(assoc.subnetId()).isEqualTo(subnetId);
            assertThat(assoc.routeTableId()).isEqualTo(a);
            assertThat(assoc.main()).isFalse();
            assertThat(assoc.associationState().stateAsString()).isEqualTo("associated");
        });

        var again = assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(b).subnetId(subnetId)),
                "Resource.AlreadyAssociated");
        assertThat(again.awsErrorDetails().errorMessage())
                .isEqualTo("the specified association for route table " + b + " conflicts with an existing association");
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(a).subnetId(subnetId)),
                "Resource.AlreadyAssociated");
        assertThat(describe(ec2, b).associations()).isEmpty();
    }

    @Test
    void associate_errors() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String otherVpcId = vpc(ec2, "10.1.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String otherTable = ec2.createRouteTable(r -> r.vpcId(otherVpcId)).routeTable().routeTableId();
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        var different = assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(otherTable).subnetId(subnetId)),
                "InvalidParameterValue");
        assertThat(different.awsErrorDetails().errorMessage()).contains("belong to different networks");
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId("rtb-0123456789abcdef0").subnetId(subnetId)),
                "InvalidRouteTableID.NotFound");
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId("subnet-0123456789abcdef0")),
                "InvalidSubnetID.NotFound");
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId)), "MissingParameter");
        String igwId = ec2.createInternetGateway().internetGateway().internetGatewayId();
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId).gatewayId(igwId)),
                "InvalidParameterCombination");
        // A gateway association needs the gateway attached to the table's VPC.
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId(igwId)),
                "InvalidParameterValue");
        ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        String edge = ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId(igwId)).associationId();
        assertThat(describe(ec2, tableId).associations()).singleElement().satisfies(a -> {
            assertThat(a.routeTableAssociationId()).isEqualTo(edge);
            assertThat(a.gatewayId()).isEqualTo(igwId);
            assertThat(a.subnetId()).isNull();
        });
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId(igwId)),
                "Resource.AlreadyAssociated");
        assertAwsError(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).gatewayId("igw-0123456789abcdef0")),
                "InvalidInternetGatewayID.NotFound");
    }

    @Test
    void disassociate() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String assocId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId)).associationId();
        ec2.disassociateRouteTable(r -> r.associationId(assocId));
        assertThat(describe(ec2, tableId).associations()).isEmpty();
        assertAwsError(() -> ec2.disassociateRouteTable(r -> r.associationId(assocId)), "InvalidAssociationID.NotFound");
        // The subnet can now be associated again.
        ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));

        RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"),
                filter("vpc-id", vpcId))).routeTables().get(0);
        String mainAssoc = main.associations().get(0).routeTableAssociationId();
        var error = assertAwsError(() -> ec2.disassociateRouteTable(r -> r.associationId(mainAssoc)),
                "InvalidParameterValue");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("cannot disassociate the main route table association " + mainAssoc);
    }

    @Test
    void replace_association_moves_a_subnet() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String a = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String b = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        String assocId = ec2.associateRouteTable(r -> r.routeTableId(a).subnetId(subnetId)).associationId();
        var replaced = ec2.replaceRouteTableAssociation(r -> r.associationId(assocId).routeTableId(b));
        assertThat(replaced.newAssociationId()).matches("rtbassoc-[0-9a-f]{17}").isNotEqualTo(assocId);
        assertThat(replaced.associationState().stateAsString()).isEqualTo("associated");
        assertThat(describe(ec2, a).associations()).isEmpty();
        assertThat(describe(ec2, b).associations()).extracting(RouteTableAssociation::routeTableAssociationId)
                .containsExactly(replaced.newAssociationId());
        assertThat(ids(ec2, filter("association.subnet-id", subnetId))).containsExactly(b);
        assertAwsError(() -> ec2.replaceRouteTableAssociation(r -> r.associationId(assocId).routeTableId(a)),
                "InvalidAssociationID.NotFound");
        assertAwsError(() -> ec2.replaceRouteTableAssociation(
                r -> r.associationId(replaced.newAssociationId()).routeTableId("rtb-0123456789abcdef0")),
                "InvalidRouteTableID.NotFound");
        String otherVpc = vpc(ec2, "10.1.0.0/16");
        String foreign = ec2.createRouteTable(r -> r.vpcId(otherVpc)).routeTable().routeTableId();
        assertAwsError(() -> ec2.replaceRouteTableAssociation(
                r -> r.associationId(replaced.newAssociationId()).routeTableId(foreign)), "InvalidParameterValue");
    }

    @Test
    void replace_association_moves_the_main_table() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        RouteTable oldMain = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"),
                filter("vpc-id", vpcId))).routeTables().get(0);
        String mainAssoc = oldMain.associations().get(0).routeTableAssociationId();
        String custom = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        String newAssoc = ec2.replaceRouteTableAssociation(r -> r.associationId(mainAssoc).routeTableId(custom))
                .newAssociationId();
        assertThat(newAssoc).isNotEqualTo(mainAssoc);
        assertThat(ids(ec2, filter("association.main", "true"), filter("vpc-id", vpcId))).containsExactly(custom);
        assertThat(describe(ec2, custom).associations()).singleElement().satisfies(a -> {
            assertThat(a.main()).isTrue();
            assertThat(a.routeTableAssociationId()).isEqualTo(newAssoc);
        });
        assertThat(describe(ec2, oldMain.routeTableId()).associations()).isEmpty();
        // The old main table is an ordinary table now and can go; the new main one cannot.
        assertAwsError(() -> ec2.deleteRouteTable(r -> r.routeTableId(custom)), "DependencyViolation");
        ec2.deleteRouteTable(r -> r.routeTableId(oldMain.routeTableId()));
        // Deleting the VPC takes its main table with it.
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertAwsError(() -> ec2.describeRouteTables(r -> r.routeTableIds(custom)), "InvalidRouteTableID.NotFound");
    }

    @Test
    void deleting_a_subnet_drops_its_association() {
        Ec2Client ec2 = freshAccount();
        String vpcId = vpc(ec2, "10.0.0.0/16");
        String subnetId = subnet(ec2, vpcId, "10.0.1.0/24");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertThat(describe(ec2, tableId).associations()).isEmpty();
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
    }
}
