package io.localvpc.service.ec2.addressing;

import io.localvpc.testing.LocalVpcServer;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A fresh account with a VPC, a subnet and (optionally) an attached internet gateway, made through the SDK. */
final class AddressingFixtures {
    private static final AtomicLong ACCOUNTS = new AtomicLong(300000000000L);

    final Ec2Client ec2;
    final String vpcId;
    final String subnetId;

    private AddressingFixtures(Ec2Client ec2, String vpcId, String subnetId) {
        this.ec2 = ec2;
        this.vpcId = vpcId;
        this.subnetId = subnetId;
    }

    /** A new account (so quotas start at zero) with 10.0.0.0/16 and 10.0.1.0/24 in ap-northeast-1a. */
    static AddressingFixtures network(LocalVpcServer server, boolean withInternetGateway) {
        Ec2Client ec2 = freshAccount(server);
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")
                .availabilityZone("ap-northeast-1a")).subnet().subnetId();
        if (withInternetGateway) {
            String igwId = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
        }
        return new AddressingFixtures(ec2, vpcId, subnetId);
    }

    static Ec2Client freshAccount(LocalVpcServer server) {
        return server.ec2(Long.toString(ACCOUNTS.incrementAndGet()));
    }

    /** The access key (and account) of the most recent fresh account. */
    static String lastAccount() {
        return Long.toString(ACCOUNTS.get());
    }

    String allocate() {
        return ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
    }

    String subnet(String cidr) {
        return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone("ap-northeast-1a"))
                .subnet().subnetId();
    }
}
