package io.localvpc.service.ec2.addressing;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/** Elastic IPs, interfaces and a pending NAT gateway survive a restart, and the gateway still moves on. */
class NatGatewayRestartTest {

    @Test
    void a_pending_gateway_becomes_available_after_a_restart(@TempDir Path dir) {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dir);
        server.start();
        String natId;
        String allocationId;
        String publicIp;
        try {
            AddressingFixtures net = AddressingFixtures.network(server, true);
            allocationId = net.allocate();
            publicIp = net.ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).publicIp();
            natId = net.ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId))
                    .natGateway().natGatewayId();
        } finally {
            server.stop();
        }

        server.start();
        try {
            server.advance(Duration.ofSeconds(2));
            Ec2Client ec2 = server.ec2(AddressingFixtures.lastAccount());
            NatGateway nat = ec2.describeNatGateways(r -> r.natGatewayIds(natId)).natGateways().get(0);
            assertThat(nat.stateAsString()).isEqualTo("available");
            assertThat(nat.natGatewayAddresses().get(0).publicIp()).isEqualTo(publicIp);
            assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).networkInterfaceId())
                    .isEqualTo(nat.natGatewayAddresses().get(0).networkInterfaceId());
            // The restored address is still taken in the pool: new allocations get other addresses.
            assertThat(ec2.allocateAddress(r -> r.domain("vpc")).publicIp()).isNotEqualTo(publicIp);
        } finally {
            server.stop();
        }
    }
}
