package io.localvpc.testing;

import java.time.Duration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * The NAT gateway hands-on, built through the EC2 SDK in one account: VPC 10.0.0.0/16, a public
 * subnet 10.0.10.0/24 (ap-northeast-1a) routed to an internet gateway and holding a NAT gateway
 * with an Elastic IP, a private subnet 10.0.20.0/24 (ap-northeast-1c) routed to the NAT gateway,
 * and three instances: {@code private-box} (egress-only group) in the private subnet, and in the
 * public subnet {@code public-box} with a public IP and {@code public-no-ip} without one, both in
 * a group with no ingress rule. The clock is moved on until everything is running.
 */
public record HandsOnTopology(
        Ec2Client ec2,
        String vpc,
        String publicSubnet,
        String privateSubnet,
        String igw,
        String publicTable,
        String privateTable,
        String nat,
        String eip,
        String natPrivateIp,
        String egressOnlyGroup,
        String publicGroup,
        String privateInstance,
        String publicInstance,
        String publicNoIpInstance) {

    public static HandsOnTopology build(LocalVpcServer server, String account) {
        Ec2Client ec2 = server.ec2(account);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String publicSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.10.0/24")
                .availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.20.0/24")
                .availabilityZone("ap-northeast-1c")).subnet().subnetId();
        String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(publicSubnet));
        String allocation = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String eip = ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0).publicIp();
        String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnet).allocationId(allocation))
                .natGateway().natGatewayId();
        String privateTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        ec2.associateRouteTable(r -> r.routeTableId(privateTable).subnetId(privateSubnet));
        String egressOnly = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("egress-only").description("egress only"))
                .groupId();
        String publicGroup = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("public").description("no ingress"))
                .groupId();
        String image = ec2.describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images().get(0).imageId();
        String privateInstance = launch(ec2, image, privateSubnet, egressOnly, null, "private-box");
        String publicInstance = launch(ec2, image, publicSubnet, publicGroup, true, "public-box");
        String publicNoIpInstance = launch(ec2, image, publicSubnet, publicGroup, false, "public-no-ip");
        server.advance(Duration.ofSeconds(5));
        String natPrivateIp = ec2.describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0)
                .natGatewayAddresses().get(0).privateIp();
        return new HandsOnTopology(ec2, vpc, publicSubnet, privateSubnet, igw, publicTable, privateTable, nat, eip,
                natPrivateIp, egressOnly, publicGroup, privateInstance, publicInstance, publicNoIpInstance);
    }

    /** Launches a t3.nano named {@code name}; {@code publicIp} null means the subnet's default. */
    private static String launch(Ec2Client ec2, String image, String subnet, String group, Boolean publicIp, String name) {
        return ec2.runInstances(r -> {
            r.imageId(image).instanceType(InstanceType.T3_NANO).minCount(1).maxCount(1)
                    .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value(name)));
            if (publicIp == null) {
                r.subnetId(subnet).securityGroupIds(group);
            } else {
                r.networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).groups(group).associatePublicIpAddress(publicIp));
            }
        }).instances().get(0).instanceId();
    }

    /** The public IP EC2 reports for an instance. */
    public String publicIpOf(String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                .publicIpAddress();
    }
}
