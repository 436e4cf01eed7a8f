package io.localvpc.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Ipv4;
import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/** Security groups between instances of one VPC: group references by private IP, and stateful replies. */
class SecurityGroupReferenceTest {
    private static final String ACCOUNT = "222233334444";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void a_group_reference_admits_members_only_and_replies_pass_without_an_egress_rule() {
        Ec2Client ec2 = server.ec2(ACCOUNT);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.1.1.0/24")).subnet().subnetId();
        String clients = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("clients").description("c")).groupId();
        String others = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("others").description("o")).groupId();
        String servers = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("servers").description("s")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(servers).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).userIdGroupPairs(g -> g.groupId(clients))));
        // The server may send nothing on its own: replies must pass as tracked connections.
        ec2.revokeSecurityGroupEgress(r -> r.groupId(servers).ipPermissions(p -> p.ipProtocol("-1")
                .ipRanges(ip -> ip.cidrIp("0.0.0.0/0"))));
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String client = launch(ec2, image, subnet, clients);
        String other = launch(ec2, image, subnet, others);
        String serverInstance = launch(ec2, image, subnet, servers);
        server.advance(Duration.ofSeconds(5));
        Ipv4 serverIp = Ipv4.parse(ec2.describeInstances(r -> r.instanceIds(serverInstance)).reservations().get(0)
                .instances().get(0).privateIpAddress());
        var network = server.localVpc().engine();

        ProbeResult ssh = network.probe(ACCOUNT, LocalVpcServer.REGION.id(), client, Probe.tcp(serverIp, 22));
        assertThat(ssh.outcome()).isEqualTo(ProbeResult.Outcome.ANSWERED);
        assertThat(ssh.trace().hops()).anySatisfy(h -> assertThat(h.detail()).contains("from " + clients));
        assertThat(ssh.trace().hops()).anySatisfy(h -> assertThat(h.detail()).isEqualTo("reply of a tracked connection"));

        ProbeResult refused = network.probe(ACCOUNT, LocalVpcServer.REGION.id(), client, Probe.tcp(serverIp, 80));
        assertThat(refused.trace().explanation().code()).isEqualTo("ENI_SG_RULES_MISMATCH");
        assertThat(refused.trace().explanation().resourceId()).isEqualTo(servers);

        ProbeResult stranger = network.probe(ACCOUNT, LocalVpcServer.REGION.id(), other, Probe.tcp(serverIp, 22));
        assertThat(stranger.trace().explanation().code()).isEqualTo("ENI_SG_RULES_MISMATCH");

        ProbeResult outbound = network.probe(ACCOUNT, LocalVpcServer.REGION.id(), serverInstance,
                Probe.ping(Ipv4.parse("8.8.8.8")));
        assertThat(outbound.trace().explanation().code()).isEqualTo("SG_HAS_NO_RULES");
    }

    private static String launch(Ec2Client ec2, String image, String subnet, String group) {
        return ec2.runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO).minCount(1).maxCount(1)
                .subnetId(subnet).securityGroupIds(group)).instances().get(0).instanceId();
    }
}
