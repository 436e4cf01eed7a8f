package io.localvpc.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.Clients;
import io.localvpc.testing.ServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Nothing acknowledged is lost: the hands-on topology is built in a LocalVPC process, which is then
 * stopped politely or killed with {@code kill -9}; a new process on the same data directory shows
 * everything as it was, and keeps working on it.
 */
class RestartTest {
    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path dataDir;

    @Test
    void state_survives_a_polite_stop() throws Exception {
        Snapshot before;
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s")) {
            before = createTopology(server);
            server.stop();
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s")) {
            assertThat(read(server)).isEqualTo(before);
        }
    }

    @Test
    void state_survives_kill_9_right_after_the_last_answer() throws Exception {
        Snapshot before;
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s")) {
            before = createTopology(server);
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s")) {
            assertThat(read(server)).isEqualTo(before);
            try (Ec2Client ec2 = ec2(server)) {
                ec2.createTags(r -> r.resources(before.vpcs().get(0).vpcId()).tags(t -> t.key("after").value("restart")));
            }
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "--state-delay", "0s"); Ec2Client ec2 = ec2(server)) {
            assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:after").values("restart"))).vpcs()).hasSize(1);
        }
    }

    /** Everything a describe shows of the hands-on, compared before and after. */
    record Snapshot(
            List<software.amazon.awssdk.services.ec2.model.Vpc> vpcs,
            List<software.amazon.awssdk.services.ec2.model.Subnet> subnets,
            List<software.amazon.awssdk.services.ec2.model.InternetGateway> gateways,
            List<software.amazon.awssdk.services.ec2.model.RouteTable> routeTables,
            List<software.amazon.awssdk.services.ec2.model.Address> addresses,
            List<software.amazon.awssdk.services.ec2.model.NatGateway> natGateways,
            List<software.amazon.awssdk.services.ec2.model.SecurityGroup> securityGroups,
            List<software.amazon.awssdk.services.ec2.model.NetworkInterface> networkInterfaces,
            List<software.amazon.awssdk.services.ec2.model.Reservation> reservations,
            List<software.amazon.awssdk.services.ec2.model.Volume> volumes,
            List<software.amazon.awssdk.services.iam.model.Role> roles,
            List<software.amazon.awssdk.services.iam.model.InstanceProfile> instanceProfiles) {}

    private static Ec2Client ec2(ServerProcess server) {
        return Clients.ec2(server.endpoint(), Region.AP_NORTHEAST_1, ACCOUNT);
    }

    private static IamClient iam(ServerProcess server) {
        return Clients.iam(server.endpoint(), ACCOUNT);
    }

    private static Snapshot createTopology(ServerProcess server) {
        try (Ec2Client ec2 = ec2(server); IamClient iam = iam(server)) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                    .tagSpecifications(t -> t.resourceType("vpc").tags(tag -> tag.key("Name").value("hands-on"))))
                    .vpc().vpcId();
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(b -> b.value(true)));
            String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.10.0/24")
                    .availabilityZone("ap-northeast-1a")).subnet().subnetId();
            String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.20.0/24")
                    .availabilityZone("ap-northeast-1a")).subnet().subnetId();
            ec2.modifySubnetAttribute(r -> r.subnetId(publicSubnet).mapPublicIpOnLaunch(b -> b.value(true)));
            String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
            String publicTable = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(publicSubnet));
            String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation))
                    .natGateway().natGatewayId();
            String privateTable = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
            ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(privateSubnet));
            String group = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("hands-on-sg").description("egress only"))
                    .groupId();
            iam.createRole(r -> r.roleName("hands-on-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            iam.attachRolePolicy(r -> r.roleName("hands-on-role")
                    .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
            iam.createInstanceProfile(r -> r.instanceProfileName("hands-on-profile"));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName("hands-on-profile").roleName("hands-on-role"));
            String image = ec2.describeImages(r -> r.owners("amazon")
                    .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images().get(0).imageId();
            ec2.runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO).minCount(1).maxCount(1)
                    .subnetId(privateSubnet).securityGroupIds(group)
                    .iamInstanceProfile(p -> p.name("hands-on-profile")));
            return readWith(ec2, iam);
        }
    }

    private static Snapshot read(ServerProcess server) {
        try (Ec2Client ec2 = ec2(server); IamClient iam = iam(server)) {
            return readWith(ec2, iam);
        }
    }

    private static Snapshot readWith(Ec2Client ec2, IamClient iam) {
        Filter notDefault = Filter.builder().name("is-default").values("false").build();
        String vpcId = ec2.describeVpcs(r -> r.filters(notDefault)).vpcs().get(0).vpcId();
        Filter inVpc = Filter.builder().name("vpc-id").values(vpcId).build();
        return new Snapshot(
                ec2.describeVpcs().vpcs(),
                ec2.describeSubnets(r -> r.filters(inVpc)).subnets(),
                ec2.describeInternetGateways().internetGateways(),
                ec2.describeRouteTables(r -> r.filters(inVpc)).routeTables(),
                ec2.describeAddresses().addresses(),
                ec2.describeNatGateways().natGateways(),
                ec2.describeSecurityGroups(r -> r.filters(inVpc)).securityGroups(),
                ec2.describeNetworkInterfaces(r -> r.filters(inVpc)).networkInterfaces(),
                ec2.describeInstances().reservations(),
                ec2.describeVolumes().volumes(),
                iam.listRoles().roles(),
                iam.listInstanceProfiles().instanceProfiles());
    }
}
