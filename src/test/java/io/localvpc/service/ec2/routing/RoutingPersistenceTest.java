package io.localvpc.service.ec2.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RuleAction;

/** Route tables, routes, associations and ACL entries survive a restart exactly as they were described. */
class RoutingPersistenceTest {
    @TempDir
    Path dataDir;

    @Test
    void routing_state_survives_a_restart() {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dataDir);
        server.start();
        RouteTable table;
        NetworkAcl acl;
        try {
            Ec2Client ec2 = server.ec2("123456789012");
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
            String igwId = ec2.createInternetGateway().internetGateway().internetGatewayId();
            ec2.attachInternetGateway(r -> r.internetGatewayId(igwId).vpcId(vpcId));
            String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId).clientToken("tok")).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId));
            ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));
            String aclId = ec2.createNetworkAcl(r -> r.vpcId(vpcId)).networkAcl().networkAclId();
            ec2.createNetworkAclEntry(r -> r.networkAclId(aclId).ruleNumber(100).protocol("6").egress(false)
                    .ruleAction(RuleAction.ALLOW).cidrBlock("0.0.0.0/0").portRange(PortRange.builder().from(22).to(22).build()));
            table = ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0);
            acl = ec2.describeNetworkAcls(r -> r.networkAclIds(aclId)).networkAcls().get(0);
        } finally {
            server.stop();
        }

        server.start();
        try {
            Ec2Client ec2 = server.ec2("123456789012");
            assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table.routeTableId())).routeTables())
                    .containsExactly(table);
            assertThat(ec2.describeNetworkAcls(r -> r.networkAclIds(acl.networkAclId())).networkAcls())
                    .containsExactly(acl);
            // The remembered client token still answers with the same table.
            assertThat(ec2.createRouteTable(r -> r.vpcId(table.vpcId()).clientToken("tok")).routeTable().routeTableId())
                    .isEqualTo(table.routeTableId());
        } finally {
            server.stop();
        }
    }
}
