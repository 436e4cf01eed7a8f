package io.localvpc.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Ipv4;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A private NAT gateway translates to its private IP only: with the private subnet routed to it,
 * packets leave with the gateway's private address, and the internet gateway, which has no public
 * address for it, drops them — as AWS documents for a private NAT gateway routed to an IGW.
 */
class PrivateNatGatewayTest {
    private static final String ACCOUNT = "777788889999";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void a_private_nat_gateway_translates_to_its_private_ip_and_cannot_reach_the_internet() {
        HandsOnTopology topology = HandsOnTopology.build(server, ACCOUNT);
        Ec2Client ec2 = topology.ec2();
        String privateNat = ec2.createNatGateway(r -> r.subnetId(topology.publicSubnet()).connectivityType("private"))
                .natGateway().natGatewayId();
        server.advance(Duration.ofSeconds(5));
        String privateNatIp = ec2.describeNatGateways(r -> r.natGatewayIds(privateNat)).natGateways().get(0)
                .natGatewayAddresses().get(0).privateIp();
        ec2.replaceRoute(r -> r.routeTableId(topology.privateTable()).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(privateNat));

        ProbeResult result = server.localVpc().engine().probe(ACCOUNT, LocalVpcServer.REGION.id(),
                topology.privateInstance(), Probe.ping(Ipv4.parse("8.8.8.8")));

        assertThat(result.outcome()).isEqualTo(ProbeResult.Outcome.NO_ANSWER);
        assertThat(result.trace().hops()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(privateNat);
            assertThat(h.translation()).contains("→ " + privateNatIp + ":");
        });
        assertThat(result.trace().explanation().code()).isEqualTo("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS");
        assertThat(result.trace().explanation().resourceId()).isEqualTo(topology.igw());
    }
}
