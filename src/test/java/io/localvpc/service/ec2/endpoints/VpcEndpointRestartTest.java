package io.localvpc.service.ec2.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** Endpoints, their interfaces and their prefix-list routes are journalled, and a pending one moves on after a restart. */
class VpcEndpointRestartTest {

    @Test
    void endpoints_and_their_routes_survive_a_restart(@TempDir Path dir) {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dir);
        String region = LocalVpcServer.REGION.id();
        String vpc;
        String table;
        String gatewayId;
        String interfaceId;
        server.start();
        try {
            Ec2Client ec2 = server.ec2();
            vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
            table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
            gatewayId = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws." + region + ".s3")
                    .routeTableIds(table)).vpcEndpoint().vpcEndpointId();
            interfaceId = ec2.createVpcEndpoint(r -> r.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
                    .serviceName("com.amazonaws." + region + ".ssm").subnetIds(subnet).privateDnsEnabled(false))
                    .vpcEndpoint().vpcEndpointId();
        } finally {
            server.stop();
        }

        server.start();
        try {
            server.advance(Duration.ofSeconds(2));
            Ec2Client ec2 = server.ec2();
            VpcEndpoint gateway = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(gatewayId)).vpcEndpoints().get(0);
            assertThat(gateway.stateAsString()).isEqualTo("available");
            assertThat(gateway.routeTableIds()).containsExactly(table);
            Route route = ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().stream()
                    .filter(r -> r.destinationPrefixListId() != null).findFirst().orElseThrow();
            assertThat(route.gatewayId()).isEqualTo(gatewayId);
            VpcEndpoint ssm = ec2.describeVpcEndpoints(r -> r.vpcEndpointIds(interfaceId)).vpcEndpoints().get(0);
            assertThat(ssm.stateAsString()).isEqualTo("available");
            assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(ssm.networkInterfaceIds()))
                    .networkInterfaces().get(0).description()).isEqualTo("VPC Endpoint Interface " + interfaceId);
        } finally {
            server.stop();
        }
    }
}
