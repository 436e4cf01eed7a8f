package io.localvpc.service.ec2.endpoints;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.PrefixList;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

class VpcEndpointApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final Duration PAST_STATE_CHANGE = Duration.ofSeconds(2);
    private static final String REGION = LocalVpcServer.REGION.id();

    /** A VPC with DNS hostnames on, two subnets in zones a and c, a third in a, a route table and a group. */
    private record Net(Ec2Client ec2, String vpc, String subnetA, String subnetC, String subnetA2, String table,
            String group, String defaultGroup) {
        /** In an account of its own, so that each test has the region's VPC quota to itself. */
        static Net create(String account, boolean dnsHostnames) {
            Ec2Client ec2 = server.ec2(account);
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.8.0.0/16")).vpc().vpcId();
            if (dnsHostnames) {
                ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
            }
            String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.8.1.0/24").availabilityZone(REGION + "a"))
                    .subnet().subnetId();
            String c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.8.2.0/24").availabilityZone(REGION + "c"))
                    .subnet().subnetId();
            String a2 = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.8.3.0/24").availabilityZone(REGION + "a"))
                    .subnet().subnetId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints").description("https"))
                    .groupId();
            String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(
                    Filter.builder().name("vpc-id").values(vpc).build(),
                    Filter.builder().name("group-name").values("default").build())).securityGroups().get(0).groupId();
            return new Net(ec2, vpc, a, c, a2, table, group, defaultGroup);
        }

        VpcEndpoint describe(String id) {
            return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints().get(0);
        }
    }

    private static String service(String name) {
        return "com.amazonaws." + REGION + "." + name;
    }

    @Test
    void interface_endpoint_places_an_interface_per_subnet_and_shows_its_dns_names() {
        Net net = Net.create("111111111101", true);
        VpcEndpoint created = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ssm")).subnetIds(net.subnetA, net.subnetC).securityGroupIds(net.group)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC_ENDPOINT).tags(tag -> tag.key("Name").value("ssm")))
                .clientToken("token-1")).vpcEndpoint();
        assertThat(created.vpcEndpointId()).matches("vpce-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.vpcEndpointTypeAsString()).isEqualTo("Interface");
        assertThat(created.privateDnsEnabled()).as("private DNS is on by default for AWS services").isTrue();
        assertThat(created.requesterManaged()).isFalse();
        assertThat(created.subnetIds()).containsExactly(net.subnetA, net.subnetC);
        assertThat(created.groups()).singleElement().satisfies(g -> {
            assertThat(g.groupId()).isEqualTo(net.group);
            assertThat(g.groupName()).isEqualTo("endpoints");
        });
        assertThat(created.networkInterfaceIds()).hasSize(2);
        assertThat(created.policyDocument()).contains("\"Effect\":\"Allow\"").contains("\"Principal\":\"*\"");
        assertThat(created.ipAddressTypeAsString()).isEqualTo("ipv4");
        assertThat(created.ownerId()).isEqualTo("111111111101");
        assertThat(created.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("ssm"));
        String id = created.vpcEndpointId();
        List<String> names = created.dnsEntries().stream().map(DnsEntry::dnsName).toList();
        assertThat(names).hasSize(4);
        assertThat(names.get(0)).matches(id + "-[0-9a-z]{8}\\.ssm\\." + REGION + "\\.vpce\\.amazonaws\\.com");
        assertThat(names.get(1)).matches(id + "-[0-9a-z]{8}-" + REGION + "a\\.ssm\\." + REGION + "\\.vpce\\.amazonaws\\.com");
        assertThat(names.get(2)).endsWith("-" + REGION + "c.ssm." + REGION + ".vpce.amazonaws.com");
        assertThat(names.get(3)).isEqualTo("ssm." + REGION + ".amazonaws.com");
        assertThat(created.dnsEntries()).allSatisfy(e -> assertThat(e.hostedZoneId()).matches("Z[0-9A-Z]{13}"));

        // The same client token gives the same endpoint, not a second one.
        String again = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ssm")).subnetIds(net.subnetA, net.subnetC).securityGroupIds(net.group)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC_ENDPOINT).tags(tag -> tag.key("Name").value("ssm")))
                .clientToken("token-1")).vpcEndpoint().vpcEndpointId();
        assertThat(again).isEqualTo(id);

        List<NetworkInterface> enis = net.ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(
                created.networkInterfaceIds())).networkInterfaces();
        assertThat(enis).hasSize(2).allSatisfy(eni -> {
            assertThat(eni.interfaceTypeAsString()).isEqualTo("vpc_endpoint");
            assertThat(eni.requesterManaged()).isTrue();
            assertThat(eni.description()).isEqualTo("VPC Endpoint Interface " + id);
            assertThat(eni.groups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(net.group));
            assertThat(eni.statusAsString()).isEqualTo("in-use");
        });
        assertThat(enis).extracting(NetworkInterface::subnetId).containsExactlyInAnyOrder(net.subnetA, net.subnetC);
        assertAwsError(() -> net.ec2.deleteNetworkInterface(r -> r.networkInterfaceId(enis.get(0).networkInterfaceId())),
                "InvalidNetworkInterface.InUse");

        server.advance(PAST_STATE_CHANGE);
        assertThat(net.describe(id).stateAsString()).isEqualTo("available");

        // What depends on it cannot go first.
        assertAwsError(() -> net.ec2.deleteSubnet(r -> r.subnetId(net.subnetA)), "DependencyViolation");
        assertAwsError(() -> net.ec2.deleteSecurityGroup(r -> r.groupId(net.group)), "DependencyViolation");
        assertAwsError(() -> net.ec2.deleteVpc(r -> r.vpcId(net.vpc)), "DependencyViolation");

        DeleteVpcEndpointsResponse deleted = net.ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(id));
        assertThat(deleted.unsuccessful()).isEmpty();
        assertThat(net.describe(id).stateAsString()).isEqualTo("deleting");
        server.advance(PAST_STATE_CHANGE);
        assertThat(net.describe(id).stateAsString()).isEqualTo("deleted");
        assertThat(net.ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("vpc-id").values(net.vpc).build()))
                .networkInterfaces()).isEmpty();
        net.ec2.deleteSubnet(r -> r.subnetId(net.subnetA));
        net.ec2.deleteSecurityGroup(r -> r.groupId(net.group));
    }

    @Test
    void interface_endpoint_defaults_to_the_default_group_and_refuses_what_aws_refuses() {
        Net net = Net.create("111111111102", false);
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ssm")).subnetIds(net.subnetA)), "InvalidParameter")
                .awsErrorDetails().errorMessage().contains("enableDnsHostnames");
        VpcEndpoint noDns = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ssmmessages")).subnetIds(net.subnetA).privateDnsEnabled(false)).vpcEndpoint();
        assertThat(noDns.groups()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(net.defaultGroup));
        assertThat(noDns.dnsEntries()).hasSize(2).noneMatch(e -> e.dnsName().equals("ssmmessages." + REGION + ".amazonaws.com"));

        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ec2")).privateDnsEnabled(false).subnetIds(net.subnetA, net.subnetA2)),
                "DuplicateSubnetsInSameZone");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("no-such-service"))), "InvalidServiceName");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName("com.amazonaws.us-east-1.ssm")), "InvalidServiceName");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc)
                .vpcEndpointType(VpcEndpointType.GATEWAY_LOAD_BALANCER).serviceName(service("no-such-service"))),
                "InvalidServiceName");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.GATEWAY)
                .serviceName(service("ssm"))), "InvalidParameter");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId("vpc-0000000000000dead").vpcEndpointType(
                VpcEndpointType.INTERFACE).serviceName(service("ssm"))), "InvalidVpcID.NotFound");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("kms")).privateDnsEnabled(false).subnetIds("subnet-0000000000000dead")),
                "InvalidSubnetID.NotFound");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("kms")).privateDnsEnabled(false).dryRun(true)), "DryRunOperation");
        assertAwsError(() -> net.ec2.describeVpcEndpoints(r -> r.vpcEndpointIds("vpce-0000000000000dead")),
                "InvalidVpcEndpointId.NotFound");

        // A second endpoint for the same service may not take its name too.
        net.ec2.modifyVpcAttribute(r -> r.vpcId(net.vpc).enableDnsHostnames(b -> b.value(true)));
        net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("logs")).subnetIds(net.subnetA));
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("logs")).subnetIds(net.subnetC)), "InvalidParameter");

        DeleteVpcEndpointsResponse response = net.ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(noDns.vpcEndpointId(),
                "vpce-0000000000000dead"));
        assertThat(response.unsuccessful()).singleElement().satisfies(item -> {
            assertThat(item.resourceId()).isEqualTo("vpce-0000000000000dead");
            assertThat(item.error().code()).isEqualTo("InvalidVpcEndpoint.NotFound");
        });
    }

    @Test
    void modify_moves_interfaces_groups_private_dns_and_policy() {
        Net net = Net.create("111111111103", true);
        String id = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("secretsmanager")).subnetIds(net.subnetA)).vpcEndpoint().vpcEndpointId();
        server.advance(PAST_STATE_CHANGE);

        net.ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(id).addSubnetIds(net.subnetC).removeSubnetIds(net.subnetA)
                .addSecurityGroupIds(net.group).removeSecurityGroupIds(net.defaultGroup).privateDnsEnabled(false)
                .policyDocument("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        VpcEndpoint modified = net.describe(id);
        assertThat(modified.stateAsString()).as("new interfaces take their time").isEqualTo("pending");
        assertThat(modified.subnetIds()).containsExactly(net.subnetC);
        assertThat(modified.networkInterfaceIds()).hasSize(1);
        assertThat(modified.groups()).extracting(g -> g.groupId()).containsExactly(net.group);
        assertThat(modified.privateDnsEnabled()).isFalse();
        assertThat(modified.policyDocument()).contains("Deny");
        NetworkInterface eni = net.ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(modified.networkInterfaceIds()))
                .networkInterfaces().get(0);
        assertThat(eni.subnetId()).isEqualTo(net.subnetC);
        assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(net.group);
        assertThat(net.ec2.describeNetworkInterfaces(r -> r.filters(Filter.builder().name("subnet-id")
                .values(net.subnetA).build())).networkInterfaces()).isEmpty();

        net.ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(id).resetPolicy(true));
        assertThat(net.describe(id).policyDocument()).isEqualTo(VpcEndpointService.FULL_ACCESS_POLICY);
        assertAwsError(() -> net.ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(id).addSubnetIds(net.subnetA2)
                .addRouteTableIds(net.table)), "InvalidParameter");
        assertAwsError(() -> net.ec2.modifyVpcEndpoint(r -> r.vpcEndpointId("vpce-0000000000000dead").resetPolicy(true)),
                "InvalidVpcEndpointId.NotFound");
    }

    @Test
    void gateway_endpoint_routes_its_prefix_list_in_each_route_table() {
        Net net = Net.create("111111111104", false);
        PrefixList s3 = net.ec2.describePrefixLists(r -> r.filters(Filter.builder().name("prefix-list-name")
                .values(service("s3")).build())).prefixLists().get(0);
        assertThat(s3.prefixListId()).matches("pl-[0-9a-f]{8}");
        assertThat(s3.cidrs()).isNotEmpty();

        VpcEndpoint created = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).serviceName(service("s3"))
                .routeTableIds(net.table)).vpcEndpoint();
        assertThat(created.vpcEndpointTypeAsString()).as("Gateway is the API's default type").isEqualTo("Gateway");
        assertThat(created.privateDnsEnabled()).isFalse();
        assertThat(created.routeTableIds()).containsExactly(net.table);
        assertThat(created.networkInterfaceIds()).isEmpty();
        assertThat(created.dnsEntries()).isEmpty();
        assertThat(created.groups()).isEmpty();
        String id = created.vpcEndpointId();

        Route route = routeTo(net, net.table, s3.prefixListId());
        assertThat(route.gatewayId()).isEqualTo(id);
        assertThat(route.destinationCidrBlock()).isNull();
        assertThat(route.stateAsString()).isEqualTo("active");
        assertThat(route.originAsString()).isEqualTo("CreateRoute");
        assertThat(net.ec2.describeRouteTables(r -> r.filters(Filter.builder().name("route.destination-prefix-list-id")
                .values(s3.prefixListId()).build())).routeTables()).extracting(t -> t.routeTableId()).contains(net.table);

        // Only the endpoint changes its route.
        assertAwsError(() -> net.ec2.deleteRoute(r -> r.routeTableId(net.table).destinationPrefixListId(s3.prefixListId())),
                "InvalidParameterValue");
        assertThat(routeTo(net, net.table, s3.prefixListId()).gatewayId()).isEqualTo(id);

        // A second endpoint for S3 cannot route the same table.
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).serviceName(service("s3"))
                .routeTableIds(net.table)), "RouteAlreadyExists");
        assertAwsError(() -> net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).serviceName(service("dynamodb"))
                .subnetIds(net.subnetA)), "InvalidParameter");

        // Moving the endpoint to the main table moves the route.
        String main = net.ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(net.vpc).build(),
                Filter.builder().name("association.main").values("true").build())).routeTables().get(0).routeTableId();
        net.ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(id).addRouteTableIds(main).removeRouteTableIds(net.table));
        assertThat(net.describe(id).routeTableIds()).containsExactly(main);
        assertThat(routeTo(net, main, s3.prefixListId()).gatewayId()).isEqualTo(id);
        assertThat(net.ec2.describeRouteTables(r -> r.routeTableIds(net.table)).routeTables().get(0).routes())
                .noneMatch(r -> s3.prefixListId().equals(r.destinationPrefixListId()));

        server.advance(PAST_STATE_CHANGE);
        assertAwsError(() -> net.ec2.deleteVpc(r -> r.vpcId(net.vpc)), "DependencyViolation");
        net.ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(id));
        server.advance(PAST_STATE_CHANGE);
        assertThat(net.ec2.describeRouteTables(r -> r.routeTableIds(main)).routeTables().get(0).routes())
                .noneMatch(r -> s3.prefixListId().equals(r.destinationPrefixListId()));
    }

    private static Route routeTo(Net net, String table, String prefixListId) {
        return net.ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().stream()
                .filter(r -> prefixListId.equals(r.destinationPrefixListId())).findFirst().orElseThrow();
    }

    @Test
    void describe_filters_and_pages() {
        Net net = Net.create("111111111105", true);
        String ssm = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("ssm")).subnetIds(net.subnetA)
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC_ENDPOINT).tags(tag -> tag.key("team").value("a"))))
                .vpcEndpoint().vpcEndpointId();
        String s3 = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).serviceName(service("s3")).routeTableIds(net.table))
                .vpcEndpoint().vpcEndpointId();
        String sts = net.ec2.createVpcEndpoint(r -> r.vpcId(net.vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                .serviceName(service("sts")).subnetIds(net.subnetC)).vpcEndpoint().vpcEndpointId();

        assertThat(ids(net, Filter.builder().name("vpc-id").values(net.vpc).build())).containsExactly(ssm, s3, sts);
        assertThat(ids(net, Filter.builder().name("vpc-id").values(net.vpc).build(),
                Filter.builder().name("vpc-endpoint-type").values("Interface").build())).containsExactly(ssm, sts);
        assertThat(ids(net, Filter.builder().name("service-name").values(service("s3")).build(),
                Filter.builder().name("vpc-id").values(net.vpc).build())).containsExactly(s3);
        assertThat(ids(net, Filter.builder().name("tag:team").values("a").build())).containsExactly(ssm);
        assertThat(ids(net, Filter.builder().name("tag-key").values("team").build())).containsExactly(ssm);
        assertThat(ids(net, Filter.builder().name("vpc-endpoint-id").values(sts).build())).containsExactly(sts);
        assertThat(ids(net, Filter.builder().name("vpc-id").values(net.vpc).build(),
                Filter.builder().name("vpc-endpoint-state").values("pending").build())).hasSize(3);

        var first = net.ec2.describeVpcEndpoints(r -> r.maxResults(5).filters(Filter.builder().name("vpc-id")
                .values(net.vpc).build()));
        assertThat(first.vpcEndpoints()).hasSize(3);
        assertThat(first.nextToken()).isNull();
        List<String> paged = net.ec2.describeVpcEndpointsPaginator(r -> r.maxResults(5)).vpcEndpoints().stream()
                .map(VpcEndpoint::vpcEndpointId).toList();
        assertThat(paged).contains(ssm, s3, sts);

        // Tags through CreateTags too.
        net.ec2.createTags(r -> r.resources(sts).tags(t -> t.key("team").value("b")));
        assertThat(ids(net, Filter.builder().name("tag:team").values("b").build())).containsExactly(sts);
    }

    private static List<String> ids(Net net, Filter... filters) {
        return net.ec2.describeVpcEndpoints(r -> r.filters(filters)).vpcEndpoints().stream()
                .map(VpcEndpoint::vpcEndpointId).toList();
    }

    @Test
    void endpoint_services_list_the_regions_aws_services() {
        Ec2Client ec2 = server.ec2();
        var all = ec2.describeVpcEndpointServices(r -> r.filters(Filter.builder().name("service-type").values("Interface")
                .build()));
        assertThat(all.serviceNames()).contains(service("ssm"), service("ssmmessages"), service("ec2messages"),
                service("ec2"), service("sts"), service("logs"), service("kms"), service("secretsmanager"), service("s3"));
        ServiceDetail ssm = ec2.describeVpcEndpointServices(r -> r.serviceNames(service("ssm"))).serviceDetails().get(0);
        assertThat(ssm.serviceType()).singleElement().satisfies(t -> assertThat(t.serviceTypeAsString()).isEqualTo("Interface"));
        assertThat(ssm.privateDnsName()).isEqualTo("ssm." + REGION + ".amazonaws.com");
        assertThat(ssm.baseEndpointDnsNames()).containsExactly("ssm." + REGION + ".vpce.amazonaws.com");
        assertThat(ssm.availabilityZones()).containsExactly(REGION + "a", REGION + "c", REGION + "d");
        assertThat(ssm.vpcEndpointPolicySupported()).isTrue();
        assertThat(ssm.acceptanceRequired()).isFalse();
        assertThat(ssm.owner()).isEqualTo("amazon");
        assertThat(ssm.serviceId()).matches("vpce-svc-[0-9a-f]{17}");

        List<ServiceDetail> s3 = ec2.describeVpcEndpointServices(r -> r.serviceNames(service("s3"))).serviceDetails();
        assertThat(s3).extracting(d -> d.serviceType().get(0).serviceTypeAsString()).containsExactly("Gateway", "Interface");
        List<ServiceDetail> gateways = ec2.describeVpcEndpointServices(r -> r.filters(Filter.builder()
                .name("service-type").values("Gateway").build())).serviceDetails();
        assertThat(gateways).extracting(ServiceDetail::serviceName).containsExactly(service("dynamodb"), service("s3"));
        assertAwsError(() -> ec2.describeVpcEndpointServices(r -> r.serviceNames(service("nope"))), "InvalidServiceName");

        List<PrefixList> lists = ec2.describePrefixLists().prefixLists();
        assertThat(lists).extracting(PrefixList::prefixListName).containsExactly(service("s3"), service("dynamodb"));
        assertThat(ec2.describePrefixLists(r -> r.prefixListIds(lists.get(1).prefixListId())).prefixLists())
                .containsExactly(lists.get(1));
        assertAwsError(() -> ec2.describePrefixLists(r -> r.prefixListIds("pl-00000000")), "InvalidPrefixListID.NotFound");
    }
}
