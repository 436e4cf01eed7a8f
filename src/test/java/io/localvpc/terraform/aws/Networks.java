package io.localvpc.terraform.aws;

import io.localvpc.testing.LocalVpcServer;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A VPC with a subnet, made through the SDK, for the types that live in one (the network types are another helper's). */
public record Networks(String vpc, String subnet, String otherSubnet) {

    public static Networks create(LocalVpcServer server) {
        Ec2Client ec2 = server.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.20.0/24").availabilityZone("ap-northeast-1c"))
                .subnet().subnetId();
        String other = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.10.0/24").availabilityZone("ap-northeast-1a"))
                .subnet().subnetId();
        return new Networks(vpc, subnet, other);
    }
}
