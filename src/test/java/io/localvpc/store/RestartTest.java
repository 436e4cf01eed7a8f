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
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** Nothing acknowledged is lost: a polite stop or a kill -9, then a start on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void state_survives_a_polite_stop() throws Exception {
        Snapshot before;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            before = createTopology(server);
            server.stop();
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(read(server)).isEqualTo(before);
        }
    }

    @Test
    void state_survives_kill_9_right_after_the_last_answer() throws Exception {
        Snapshot before;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            before = createTopology(server);
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(read(server)).isEqualTo(before);
            // and it keeps working on the recovered state
            try (Ec2Client ec2 = ec2(server)) {
                ec2.createTags(r -> r.resources(before.vpcs().get(0).vpcId()).tags(t -> t.key("after").value("restart")));
            }
            server.kill();
        }
        try (ServerProcess server = ServerProcess.start(dataDir); Ec2Client ec2 = ec2(server)) {
            assertThat(ec2.describeVpcs(r -> r.filters(f -> f.name("tag:after").values("restart"))).vpcs()).hasSize(1);
        }
    }

    /** What a describe shows, compared before and after. */
    record Snapshot(List<Vpc> vpcs, List<Subnet> subnets, List<software.amazon.awssdk.services.ec2.model.InternetGateway> gateways) {}

    private static Ec2Client ec2(ServerProcess server) {
        return Clients.ec2(server.endpoint(), Region.AP_NORTHEAST_1, "111122223333");
    }

    private static Snapshot createTopology(ServerProcess server) {
        try (Ec2Client ec2 = ec2(server)) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                    .tagSpecifications(t -> t.resourceType("vpc").tags(tag -> tag.key("Name").value("hands-on"))))
                    .vpc().vpcId();
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(b -> b.value(true)));
            ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.10.0/24").availabilityZone("ap-northeast-1a"));
            String privateSubnet = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.20.0/24")
                    .availabilityZone("ap-northeast-1a")).subnet().subnetId();
            ec2.modifySubnetAttribute(r -> r.subnetId(privateSubnet).mapPublicIpOnLaunch(b -> b.value(true)));
            String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
            return readWith(ec2);
        }
    }

    private static Snapshot read(ServerProcess server) {
        try (Ec2Client ec2 = ec2(server)) {
            return readWith(ec2);
        }
    }

    private static Snapshot readWith(Ec2Client ec2) {
        return new Snapshot(
                ec2.describeVpcs().vpcs(),
                ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("false").build())).subnets(),
                ec2.describeInternetGateways().internetGateways());
    }
}
