package io.localvpc.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.model.ec2.Instance;
import io.localvpc.service.ssm.agent.AgentPresence;
import io.localvpc.service.ssm.agent.SsmAgents;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.ShellExec;
import io.localvpc.testing.ShellExec.Result;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * "A VPC with private subnets only and interface endpoints for SSM", built with the SDK and lived
 * through the instance's shell on the real server: the SSM names resolve to the endpoints'
 * interfaces, HTTPS to them connects through the endpoints' security group, and the SSM agent is
 * online with no NAT gateway and no internet gateway. Then the things learners break: the
 * endpoints' group without 443, private DNS off. Last, an S3 gateway endpoint carrying S3 traffic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VpcEndpointDataPlaneTest {
    private static final String ACCOUNT = "777788889999";
    private static final String REGION = LocalVpcServer.REGION.id();
    private static final String SSM_NAME = "ssm." + REGION + ".amazonaws.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IpPermission HTTPS_FROM_VPC = IpPermission.builder().ipProtocol("tcp").fromPort(443)
            .toPort(443).ipRanges(r -> r.cidrIp("10.20.0.0/16")).build();

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static Ec2Client ec2;
    static String vpc;
    static String mainTable;
    static String endpointGroup;
    static String appGroup;
    static String instance;
    static Map<String, String> endpointIds = new java.util.HashMap<>();
    /** The ssm endpoint's interface address in each zone. */
    static Map<String, String> ssmAddressByZone = new java.util.HashMap<>();

    @BeforeAll
    static void privateOnlyVpcWithSsmEndpoints() {
        ec2 = server.ec2(ACCOUNT);
        vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        String subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        String subnetC = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.2.0/24").availabilityZone(REGION + "c"))
                .subnet().subnetId();
        mainTable = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                .routeTables().get(0).routeTableId();
        endpointGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("ssm-endpoints")
                .description("HTTPS from the VPC")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(HTTPS_FROM_VPC));
        appGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("app").description("egress only"))
                .groupId();
        for (String service : SsmAgents.ENDPOINT_SERVICES) {
            VpcEndpoint endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                    .serviceName("com.amazonaws." + REGION + "." + service).subnetIds(subnetA, subnetC)
                    .securityGroupIds(endpointGroup).privateDnsEnabled(true)).vpcEndpoint();
            endpointIds.put(service, endpoint.vpcEndpointId());
        }
        for (NetworkInterface eni : ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(
                describe("ssm").networkInterfaceIds())).networkInterfaces()) {
            ssmAddressByZone.put(eni.availabilityZone(), eni.privateIpAddress());
        }

        IamClient iam = server.iam(ACCOUNT);
        iam.createRole(r -> r.roleName("ssm-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.attachRolePolicy(r -> r.roleName("ssm-role")
                .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
        iam.createInstanceProfile(r -> r.instanceProfileName("ssm-profile"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ssm-profile").roleName("ssm-role"));
        String image = ec2.describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images().get(0).imageId();
        instance = ec2.runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO).minCount(1).maxCount(1)
                .subnetId(subnetA).securityGroupIds(appGroup).iamInstanceProfile(p -> p.name("ssm-profile"))
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("private-only"))))
                .instances().get(0).instanceId();
        server.advance(Duration.ofSeconds(5));
    }

    private static VpcEndpoint describe(String service) {
        return ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(endpointIds.get(service))).vpcEndpoints().get(0);
    }

    /** {@code POST /_localvpc/exec} on the instance. */
    private static Result exec(String command) throws Exception {
        return ShellExec.exec(server, ACCOUNT, REGION, instance, command);
    }

    private static AgentPresence agent() {
        var now = server.clock().now();
        Instance model = server.localVpc().cloud().region(ACCOUNT, REGION, now).read(now)
                .find(Instance.class, instance).orElseThrow();
        return new SsmAgents(server.localVpc().cloud(), server.localVpc()::network).presence(ACCOUNT, REGION, model, now);
    }

    @Test
    @Order(1)
    void the_ssm_name_resolves_to_the_endpoint_interface_in_the_instances_zone() throws Exception {
        assertThat(ssmAddressByZone).containsOnlyKeys(REGION + "a", REGION + "c");
        Result lookup = exec("nslookup " + SSM_NAME);
        assertThat(lookup.exitCode()).isZero();
        assertThat(lookup.stdout()).contains("Name:\t" + SSM_NAME + "\nAddress: " + ssmAddressByZone.get(REGION + "a") + "\n");

        // The endpoint's own regional and zonal names resolve too.
        List<String> names = describe("ssm").dnsEntries().stream().map(e -> e.dnsName()).toList();
        assertThat(exec("nslookup " + names.get(0)).stdout()).contains("Address: " + ssmAddressByZone.get(REGION + "a"));
        String zonalC = names.stream().filter(n -> n.contains("-" + REGION + "c.")).findFirst().orElseThrow();
        assertThat(exec("nslookup " + zonalC).stdout()).contains("Address: " + ssmAddressByZone.get(REGION + "c"));
    }

    @Test
    @Order(2)
    void https_to_the_endpoint_connects_and_nothing_else_answers() throws Exception {
        Result nc = exec("nc -zv " + SSM_NAME + " 443");
        assertThat(nc.exitCode()).as(nc.stderr()).isZero();
        assertThat(nc.stderr()).contains("Ncat: Connected to " + ssmAddressByZone.get(REGION + "a") + ":443.");

        // The zone-c interface is reached across subnets, through the same group and the local route.
        Result acrossZones = exec("nc -zv " + ssmAddressByZone.get(REGION + "c") + " 443");
        assertThat(acrossZones.exitCode()).as(acrossZones.stderr()).isZero();

        // The endpoint answers HTTPS as Systems Manager does to a request that names no operation.
        Result curl = exec("curl -s https://" + SSM_NAME + "/");
        assertThat(curl.exitCode()).as(curl.stderr()).isZero();
        assertThat(curl.stdout()).contains("UnknownOperationException");

        assertThat(exec("nc -zv -w 1 " + SSM_NAME + " 80").exitCode()).isEqualTo(1);
        // Nothing leaves for the internet: there is no NAT gateway and no internet gateway.
        assertThat(exec("nc -zv -w 1 sts." + REGION + ".amazonaws.com 443").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_trace_to_the_ssm_name_ends_at_the_endpoint() throws Exception {
        String body = JSON.createObjectNode().put("accountId", ACCOUNT).put("region", REGION)
                .put("source", "private-only").put("destination", SSM_NAME).put("protocol", "tcp").put("port", 443)
                .toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.localVpc().endpoint() + "/_localvpc/trace"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("reachable").asBoolean()).isTrue();
        assertThat(report.get("destinationAddress").asText()).isEqualTo(ssmAddressByZone.get(REGION + "a"));
        assertThat(report.toString()).contains(endpointIds.get("ssm")).contains(endpointGroup);
    }

    @Test
    @Order(3)
    void the_ssm_agent_is_online_through_the_interface_endpoints() {
        AgentPresence presence = agent();
        assertThat(presence.problems()).isEmpty();
        assertThat(presence.online()).isTrue();
        assertThat(presence.roleName()).isEqualTo("ssm-role");
    }

    @Test
    @Order(4)
    void without_https_in_the_endpoints_group_the_agent_goes_offline() throws Exception {
        ec2.revokeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(HTTPS_FROM_VPC));
        try {
            assertThat(exec("nc -zv -w 1 " + SSM_NAME + " 443").exitCode()).isEqualTo(1);
            AgentPresence presence = agent();
            assertThat(presence.online()).isFalse();
            assertThat(presence.problems()).hasSize(3).first().asString()
                    .contains("no HTTPS path to " + SSM_NAME).contains(endpointGroup);
        } finally {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(HTTPS_FROM_VPC));
        }
        assertThat(agent().online()).isTrue();
    }

    @Test
    @Order(5)
    void with_private_dns_off_the_public_name_is_unreachable_without_a_nat() throws Exception {
        ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointIds.get("ssm")).privateDnsEnabled(false));
        try {
            Result lookup = exec("nslookup " + SSM_NAME);
            assertThat(lookup.stdout()).contains("Address: 52.94.").doesNotContain(ssmAddressByZone.get(REGION + "a"));
            assertThat(exec("nc -zv -w 1 " + SSM_NAME + " 443").exitCode()).isEqualTo(1);
            AgentPresence presence = agent();
            assertThat(presence.online()).isFalse();
            assertThat(presence.problems()).singleElement().asString().contains(SSM_NAME);
        } finally {
            ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointIds.get("ssm")).privateDnsEnabled(true));
        }
        assertThat(agent().online()).isTrue();
    }

    @Test
    @Order(6)
    void private_dns_needs_the_vpcs_dns_hostnames() throws Exception {
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(false)));
        try {
            assertThat(exec("nslookup " + SSM_NAME).stdout()).contains("Address: 52.94.");
            assertThat(agent().online()).isFalse();
        } finally {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        }
        assertThat(agent().online()).isTrue();
    }

    @Test
    @Order(7)
    void an_s3_gateway_endpoint_carries_s3_traffic_and_the_trace_names_it() throws Exception {
        String s3Name = "s3." + REGION + ".amazonaws.com";
        assertThat(exec("nc -zv -w 1 " + s3Name + " 443").exitCode()).as("no route to S3 yet").isEqualTo(1);

        String s3Endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + REGION + ".s3")
                .routeTableIds(mainTable)).vpcEndpoint().vpcEndpointId();
        server.advance(Duration.ofSeconds(2));
        Result nc = exec("nc -zv " + s3Name + " 443");
        assertThat(nc.exitCode()).as(nc.stderr()).isZero();

        String s3Address = exec("nslookup " + s3Name).stdout().lines().filter(l -> l.startsWith("Address: "))
                .findFirst().orElseThrow().substring("Address: ".length());
        ProbeResult probe = server.localVpc().engine().probe(ACCOUNT, REGION, instance,
                Probe.tcp(io.localvpc.model.Ipv4.parse(s3Address), 443));
        assertThat(probe.outcome()).isEqualTo(ProbeResult.Outcome.ANSWERED);
        assertThat(probe.trace().hops()).extracting(Trace.Hop::component).contains(s3Endpoint)
                .doesNotContain("internet");
        assertThat(probe.trace().hops()).filteredOn(h -> h.component().equals(s3Endpoint))
                .extracting(Trace.Hop::action).containsExactly("forward", "return");

        // An egress rule to S3's prefix list is what lets it out when the group allows nothing else.
        String s3List = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(s3Endpoint)).vpcEndpoints().get(0).serviceName();
        String s3ListId = ec2.describePrefixLists(r -> r.filters(Filter.builder().name("prefix-list-name")
                .values(s3List).build())).prefixLists().get(0).prefixListId();
        IpPermission allEgress = IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();
        IpPermission httpsToS3 = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                .prefixListIds(p -> p.prefixListId(s3ListId)).build();
        ec2.revokeSecurityGroupEgress(r -> r.groupId(appGroup).ipPermissions(allEgress));
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(appGroup).ipPermissions(httpsToS3));
        try {
            assertThat(exec("nc -zv -w 1 " + s3Name + " 443").exitCode()).isZero();
            assertThat(exec("nc -zv -w 1 " + s3Name + " 80").exitCode()).as("port 80 is not in the rule").isEqualTo(1);
        } finally {
            ec2.revokeSecurityGroupEgress(r -> r.groupId(appGroup).ipPermissions(httpsToS3));
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(appGroup).ipPermissions(allEgress));
        }

        // DynamoDB has no endpoint here: still no way out.
        assertThat(exec("nc -zv -w 1 dynamodb." + REGION + ".amazonaws.com 443").exitCode()).isEqualTo(1);

        ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(s3Endpoint));
        server.advance(Duration.ofSeconds(2));
        assertThat(exec("nc -zv -w 1 " + s3Name + " 443").exitCode()).isEqualTo(1);
    }
}
