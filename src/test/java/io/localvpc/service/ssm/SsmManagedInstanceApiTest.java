package io.localvpc.service.ssm;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilterKey;
import software.amazon.awssdk.services.ssm.model.PingStatus;

/**
 * DescribeInstanceInformation over the hands-on: the private instance becomes a managed instance
 * once its profile's role allows the SSM core actions and its agent reaches Systems Manager
 * through the NAT gateway; it loses the connection when that path or that permission goes, and
 * finds it again when it comes back. Each test builds the hands-on in its own account.
 */
class SsmManagedInstanceApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    /** The hands-on of one account with {@code profile} on the private instance. */
    private record Setup(HandsOnTopology topology, Ec2Client ec2, IamClient iam, SsmClient ssm) {}

    private static Setup handsOn(String account, boolean withCorePolicy) {
        HandsOnTopology topology = HandsOnTopology.build(server, account);
        IamClient iam = server.iam(account);
        String profile = SsmInstanceRole.create(iam, "hands-on-ssm", withCorePolicy);
        SsmInstanceRole.associate(topology.ec2(), topology.privateInstance(), profile);
        return new Setup(topology, topology.ec2(), iam, server.ssm(account));
    }

    private static List<InstanceInformation> fleet(SsmClient ssm) {
        return ssm.describeInstanceInformation(r -> { }).instanceInformationList();
    }

    @Test
    void the_private_instance_is_online_through_the_nat_gateway() {
        Setup s = handsOn("100000000001", true);
        Instant now = server.clock().now();
        List<InstanceInformation> fleet = fleet(s.ssm());
        assertThat(fleet).hasSize(1);
        InstanceInformation info = fleet.get(0);
        String privateIp = s.ec2().describeInstances(r -> r.instanceIds(s.topology().privateInstance()))
                .reservations().get(0).instances().get(0).privateIpAddress();
        assertThat(info.instanceId()).isEqualTo(s.topology().privateInstance());
        assertThat(info.pingStatus()).isEqualTo(PingStatus.ONLINE);
        assertThat(info.lastPingDateTime()).isEqualTo(now);
        assertThat(info.registrationDate()).isEqualTo(now);
        assertThat(info.agentVersion()).matches("3\\.3\\.\\d+\\.0");
        assertThat(info.isLatestVersion()).isFalse();
        assertThat(info.platformTypeAsString()).isEqualTo("Linux");
        assertThat(info.platformName()).isEqualTo("Amazon Linux");
        assertThat(info.platformVersion()).isEqualTo("2");
        assertThat(info.iamRole()).isEqualTo("hands-on-ssm");
        assertThat(info.resourceTypeAsString()).isEqualTo("EC2Instance");
        assertThat(info.ipAddress()).isEqualTo(privateIp).startsWith("10.0.20.");
        assertThat(info.computerName()).isEqualTo("ip-" + privateIp.replace('.', '-') + ".ap-northeast-1.compute.internal");
        assertThat(info.sourceId()).isEqualTo(s.topology().privateInstance());
        assertThat(info.sourceTypeAsString()).isEqualTo("AWS::EC2::Instance");

        server.advance(Duration.ofMinutes(7));
        InstanceInformation later = fleet(s.ssm()).get(0);
        assertThat(later.lastPingDateTime()).isEqualTo(server.clock().now());
        assertThat(later.registrationDate()).as("registered once").isEqualTo(now);
    }

    @Test
    void deleting_the_route_to_the_nat_gateway_loses_the_connection_and_restoring_it_brings_it_back() {
        Setup s = handsOn("100000000002", true);
        Instant lastSeen = server.clock().now();
        assertThat(fleet(s.ssm()).get(0).pingStatus()).isEqualTo(PingStatus.ONLINE);

        s.ec2().deleteRoute(r -> r.routeTableId(s.topology().privateTable()).destinationCidrBlock("0.0.0.0/0"));
        server.advance(Duration.ofMinutes(10));
        InstanceInformation lost = fleet(s.ssm()).get(0);
        assertThat(lost.pingStatus()).isEqualTo(PingStatus.CONNECTION_LOST);
        assertThat(lost.lastPingDateTime()).as("the last time it was seen online").isEqualTo(lastSeen);
        assertThat(s.ssm().describeInstanceInformation(r -> r.filters(f -> f.key("PingStatus").values("Online")))
                .instanceInformationList()).isEmpty();

        s.ec2().createRoute(r -> r.routeTableId(s.topology().privateTable()).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(s.topology().nat()));
        InstanceInformation back = fleet(s.ssm()).get(0);
        assertThat(back.pingStatus()).isEqualTo(PingStatus.ONLINE);
        assertThat(back.lastPingDateTime()).isEqualTo(server.clock().now());
    }

    @Test
    void an_instance_without_a_profile_or_with_a_role_lacking_the_policy_is_not_managed_until_the_policy_is_attached() {
        Setup s = handsOn("100000000003", false);
        assertThat(fleet(s.ssm())).as("role without AmazonSSMManagedInstanceCore; the public instances have no profile")
                .isEmpty();

        s.iam().attachRolePolicy(r -> r.roleName("hands-on-ssm").policyArn(SsmInstanceRole.CORE_POLICY));
        List<InstanceInformation> fleet = fleet(s.ssm());
        assertThat(fleet).extracting(InstanceInformation::instanceId).containsExactly(s.topology().privateInstance());
        assertThat(fleet.get(0).pingStatus()).isEqualTo(PingStatus.ONLINE);

        // Registered once, it stays listed when the role loses the permission, but offline.
        s.iam().detachRolePolicy(r -> r.roleName("hands-on-ssm").policyArn(SsmInstanceRole.CORE_POLICY));
        assertThat(fleet(s.ssm()).get(0).pingStatus()).isEqualTo(PingStatus.CONNECTION_LOST);
    }

    @Test
    void a_stopped_instance_loses_the_connection_and_a_terminated_one_drops_out() {
        Setup s = handsOn("100000000004", true);
        String id = s.topology().privateInstance();
        assertThat(fleet(s.ssm())).hasSize(1);
        s.ec2().stopInstances(r -> r.instanceIds(id));
        server.advance(Duration.ofSeconds(5));
        InstanceInformation stopped = fleet(s.ssm()).get(0);
        assertThat(stopped.pingStatus()).isEqualTo(PingStatus.CONNECTION_LOST);
        assertThat(stopped.computerName()).as("as the agent last reported it").endsWith(".ap-northeast-1.compute.internal");
        s.ec2().startInstances(r -> r.instanceIds(id));
        server.advance(Duration.ofSeconds(5));
        assertThat(fleet(s.ssm()).get(0).pingStatus()).isEqualTo(PingStatus.ONLINE);
        s.ec2().terminateInstances(r -> r.instanceIds(id));
        server.advance(Duration.ofSeconds(5));
        assertThat(fleet(s.ssm())).isEmpty();
    }

    @Test
    void filters_and_pages() {
        Setup s = handsOn("100000000005", true);
        String image = s.ec2().describeInstances(r -> r.instanceIds(s.topology().privateInstance()))
                .reservations().get(0).instances().get(0).imageId();
        s.ec2().runInstances(r -> r.imageId(image).instanceType(InstanceType.T3_NANO).minCount(6).maxCount(6)
                .subnetId(s.topology().privateSubnet()).securityGroupIds(s.topology().egressOnlyGroup())
                .iamInstanceProfile(p -> p.name("hands-on-ssm"))
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Role").value("worker"))));
        server.advance(Duration.ofSeconds(5));
        SsmClient ssm = s.ssm();
        assertThat(fleet(ssm)).hasSize(7);

        DescribeInstanceInformationResponse first = ssm.describeInstanceInformation(r -> r.maxResults(5));
        assertThat(first.instanceInformationList()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        DescribeInstanceInformationResponse second = ssm.describeInstanceInformation(r -> r.maxResults(5)
                .nextToken(first.nextToken()));
        assertThat(second.instanceInformationList()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThat(ssm.describeInstanceInformationPaginator(r -> r.maxResults(5)).instanceInformationList().stream()
                .count()).isEqualTo(7);
        assertAwsError(() -> ssm.describeInstanceInformation(r -> r.maxResults(4)), "ValidationException");
        assertAwsError(() -> ssm.describeInstanceInformation(r -> r.maxResults(51)), "ValidationException");
        assertAwsError(() -> ssm.describeInstanceInformation(r -> r.nextToken("bogus")), "InvalidNextToken");

        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("tag:Role").values("worker")))
                .instanceInformationList()).hasSize(6);
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("tag:Name").values("private-box")))
                .instanceInformationList()).extracting(InstanceInformation::instanceId)
                .containsExactly(s.topology().privateInstance());
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("tag-key").values("Name")))
                .instanceInformationList()).hasSize(1);
        assertThat(ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(f -> f
                .key(InstanceInformationFilterKey.INSTANCE_IDS).valueSet(s.topology().privateInstance())))
                .instanceInformationList()).hasSize(1);
        assertThat(ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(
                f -> f.key(InstanceInformationFilterKey.PING_STATUS).valueSet("Online"),
                f -> f.key(InstanceInformationFilterKey.IAM_ROLE).valueSet("hands-on-ssm"),
                f -> f.key(InstanceInformationFilterKey.PLATFORM_TYPES).valueSet("Linux")))
                .instanceInformationList()).hasSize(7);
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("PingStatus").values("ConnectionLost")))
                .instanceInformationList()).isEmpty();
        assertThat(ssm.describeInstanceInformation(r -> r.filters(f -> f.key("ResourceType").values("ManagedInstance")))
                .instanceInformationList()).isEmpty();
        assertAwsError(() -> ssm.describeInstanceInformation(r -> r.filters(f -> f.key("Colour").values("blue"))),
                "InvalidInstanceInformationFilterValue");
        assertAwsError(() -> ssm.describeInstanceInformation(r -> r.instanceInformationFilterList(f -> f
                .key("Colour").valueSet("blue"))), "ValidationException");
    }
}
