package io.localvpc.service.ec2.addressing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class NatGatewayApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final Duration PAST_STATE_CHANGE = Duration.ofSeconds(2);

    private static NatGateway describe(Ec2Client ec2, String natId) {
        return ec2.describeNatGateways(r -> r.natGatewayIds(natId)).natGateways().get(0);
    }

    @Test
    void public_gateway_lifecycle_from_pending_to_gone() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        String publicIp = ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).publicIp();

        NatGateway created = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NATGATEWAY)
                        .tags(Tag.builder().key("Name").value("nat-a").build()).build())).natGateway();
        assertThat(created.natGatewayId()).matches("nat-[0-9a-f]{17}");
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.connectivityTypeAsString()).isEqualTo("public");
        assertThat(created.availabilityModeAsString()).isEqualTo("zonal");
        assertThat(created.vpcId()).isEqualTo(net.vpcId);
        assertThat(created.subnetId()).isEqualTo(net.subnetId);
        assertThat(created.createTime()).isEqualTo(server.clock().now());
        assertThat(created.tags()).containsExactly(Tag.builder().key("Name").value("nat-a").build());
        NatGatewayAddress pending = created.natGatewayAddresses().get(0);
        assertThat(pending.allocationId()).isEqualTo(allocationId);
        assertThat(pending.publicIp()).isEqualTo(publicIp);
        assertThat(pending.networkInterfaceId()).startsWith("eni-");
        String natId = created.natGatewayId();

        // Its interface exists at once and belongs to AWS.
        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(pending.networkInterfaceId()))
                .networkInterfaces().get(0);
        assertThat(eni.interfaceTypeAsString()).isEqualTo("nat_gateway");
        assertThat(eni.description()).isEqualTo("Interface for NAT Gateway " + natId);
        assertThat(eni.requesterManaged()).isTrue();
        assertThat(eni.sourceDestCheck()).isFalse();
        assertThat(eni.statusAsString()).isEqualTo("in-use");
        assertThat(eni.attachment().instanceOwnerId()).isEqualTo("amazon-aws");
        assertThat(eni.privateIpAddress()).isEqualTo(pending.privateIp());
        assertThat(eni.subnetId()).isEqualTo(net.subnetId);

        server.advance(PAST_STATE_CHANGE);
        NatGateway available = describe(ec2, natId);
        assertThat(available.stateAsString()).isEqualTo("available");
        NatGatewayAddress address = available.natGatewayAddresses().get(0);
        assertThat(address.isPrimary()).isTrue();
        assertThat(address.statusAsString()).isEqualTo("succeeded");
        assertThat(address.associationId()).startsWith("eipassoc-");
        assertThat(address.privateIp()).isEqualTo(eni.privateIpAddress());

        // The Elastic IP is now mapped to the gateway's interface.
        Address eip = ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0);
        assertThat(eip.associationId()).isEqualTo(address.associationId());
        assertThat(eip.networkInterfaceId()).isEqualTo(eni.networkInterfaceId());
        assertThat(eip.privateIpAddress()).isEqualTo(eni.privateIpAddress());
        assertThat(eip.networkInterfaceOwnerId()).isEqualTo(eni.ownerId());
        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())).networkInterfaces()
                .get(0).association().publicIp()).isEqualTo(publicIp);

        // AWS owns what the gateway holds.
        var releasing = assertAwsError(() -> ec2.releaseAddress(r -> r.allocationId(allocationId)), "AuthFailure");
        assertThat(releasing.awsErrorDetails().errorMessage())
                .isEqualTo("You do not have permission to access the specified resource.");
        assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId(address.associationId())), "AuthFailure");
        assertAwsError(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidNetworkInterface.InUse");
        assertAwsError(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni.networkInterfaceId())
                .sourceDestCheck(b -> b.value(true))), "OperationNotPermitted");
        assertAwsError(() -> ec2.deleteSubnet(r -> r.subnetId(net.subnetId)), "DependencyViolation");

        String deletedId = ec2.deleteNatGateway(r -> r.natGatewayId(natId)).natGatewayId();
        assertThat(deletedId).isEqualTo(natId);
        NatGateway deleting = describe(ec2, natId);
        assertThat(deleting.stateAsString()).isEqualTo("deleting");
        assertThat(deleting.deleteTime()).isEqualTo(server.clock().now());
        // Deleting again while deleting is harmless.
        ec2.deleteNatGateway(r -> r.natGatewayId(natId));

        server.advance(PAST_STATE_CHANGE);
        assertThat(describe(ec2, natId).stateAsString()).isEqualTo("deleted");
        assertThat(ec2.describeNatGateways(r -> r.filter(f -> f.name("state").values("deleted"))).natGateways())
                .extracting(NatGateway::natGatewayId).containsExactly(natId);
        assertAwsError(() -> ec2.deleteNatGateway(r -> r.natGatewayId(natId)), "NatGatewayNotFound");
        // The interface is gone and the Elastic IP disassociated, not released.
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound");
        Address freed = ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0);
        assertThat(freed.associationId()).isNull();
        assertThat(freed.networkInterfaceId()).isNull();
        assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId(address.associationId())),
                "InvalidAssociationID.NotFound");

        server.advance(Duration.ofMinutes(59));
        assertThat(describe(ec2, natId).stateAsString()).isEqualTo("deleted");
        server.advance(Duration.ofMinutes(2));
        var gone = assertAwsError(() -> ec2.describeNatGateways(r -> r.natGatewayIds(natId)), "NatGatewayNotFound");
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("NAT gateway " + natId + " was not found");
        ec2.releaseAddress(r -> r.allocationId(allocationId));
        ec2.deleteSubnet(r -> r.subnetId(net.subnetId));
    }

    @Test
    void a_public_gateway_without_an_internet_gateway_fails_later_and_is_cleaned_up() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        String natId = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)).natGateway()
                .natGatewayId();
        assertThat(describe(ec2, natId).stateAsString()).isEqualTo("pending");

        server.advance(PAST_STATE_CHANGE);
        NatGateway failed = describe(ec2, natId);
        assertThat(failed.stateAsString()).isEqualTo("failed");
        assertThat(failed.failureCode()).isEqualTo("Gateway.NotAttached");
        assertThat(failed.failureMessage()).isEqualTo("Network " + net.vpcId + " has no Internet gateway attached");
        // Nothing stays behind: no interface, no association.
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("subnet-id").values(net.subnetId)))
                .networkInterfaces()).isEmpty();
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();

        server.advance(Duration.ofMinutes(61));
        assertAwsError(() -> ec2.describeNatGateways(r -> r.natGatewayIds(natId)), "NatGatewayNotFound");
    }

    @Test
    void an_elastic_ip_already_in_use_fails_the_gateway() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        String eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface().networkInterfaceId();
        ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni));

        String natId = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)).natGateway()
                .natGatewayId();
        server.advance(PAST_STATE_CHANGE);
        NatGateway failed = describe(ec2, natId);
        assertThat(failed.stateAsString()).isEqualTo("failed");
        assertThat(failed.failureCode()).isEqualTo("Resource.AlreadyAssociated");
        assertThat(failed.failureMessage()).isEqualTo("Elastic IP address " + allocationId + " is already associated");
        // The address stays where it was.
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).networkInterfaceId())
                .isEqualTo(eni);
        // A failed gateway can be deleted too.
        ec2.deleteNatGateway(r -> r.natGatewayId(natId));
        server.advance(PAST_STATE_CHANGE);
        assertThat(describe(ec2, natId).stateAsString()).isEqualTo("deleted");
    }

    @Test
    void deleting_a_pending_gateway_never_associates_its_elastic_ip() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        NatGateway created = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)).natGateway();
        String eni = created.natGatewayAddresses().get(0).networkInterfaceId();
        // Users cannot map their own addresses onto the gateway's interface either.
        String other = net.allocate();
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(other).networkInterfaceId(eni)), "AuthFailure");

        ec2.deleteNatGateway(r -> r.natGatewayId(created.natGatewayId()));
        server.advance(PAST_STATE_CHANGE);
        assertThat(describe(ec2, created.natGatewayId()).stateAsString()).isEqualTo("deleted");
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)),
                "InvalidNetworkInterfaceID.NotFound");
    }

    @Test
    void a_full_subnet_fails_the_gateway_later() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        String small = net.subnet("10.0.9.0/28");
        // A /28 has 16 - 5 = 11 usable addresses: one interface takes them all.
        ec2.createNetworkInterface(r -> r.subnetId(small).secondaryPrivateIpAddressCount(10));
        NatGateway created = ec2.createNatGateway(r -> r.subnetId(small).connectivityType(ConnectivityType.PRIVATE))
                .natGateway();
        assertThat(created.stateAsString()).isEqualTo("pending");
        server.advance(PAST_STATE_CHANGE);
        NatGateway failed = describe(ec2, created.natGatewayId());
        assertThat(failed.stateAsString()).isEqualTo("failed");
        assertThat(failed.failureCode()).isEqualTo("InsufficientFreeAddressesInSubnet");
        assertThat(failed.failureMessage()).isEqualTo("Subnet has insufficient free addresses to create this NAT gateway");
    }

    @Test
    void private_gateway_with_secondary_addresses() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        NatGateway created = ec2.createNatGateway(r -> r.subnetId(net.subnetId).connectivityType(ConnectivityType.PRIVATE)
                .privateIpAddress("10.0.1.50").secondaryPrivateIpAddressCount(2)).natGateway();
        assertThat(created.connectivityTypeAsString()).isEqualTo("private");
        server.advance(PAST_STATE_CHANGE);
        NatGateway available = describe(ec2, created.natGatewayId());
        assertThat(available.stateAsString()).isEqualTo("available");
        assertThat(available.natGatewayAddresses()).hasSize(3);
        NatGatewayAddress primary = available.natGatewayAddresses().get(0);
        assertThat(primary.isPrimary()).isTrue();
        assertThat(primary.privateIp()).isEqualTo("10.0.1.50");
        assertThat(primary.allocationId()).isNull();
        assertThat(primary.publicIp()).isNull();
        assertThat(primary.associationId()).isNull();
        assertThat(available.natGatewayAddresses().subList(1, 3)).allSatisfy(a -> {
            assertThat(a.isPrimary()).isFalse();
            assertThat(a.networkInterfaceId()).isEqualTo(primary.networkInterfaceId());
            assertThat(a.statusAsString()).isEqualTo("succeeded");
        });
        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(primary.networkInterfaceId()))
                .networkInterfaces().get(0);
        assertThat(eni.privateIpAddresses()).hasSize(3);

        // In a subnet of its own, so the random addresses above cannot have taken these.
        String otherSubnet = net.subnet("10.0.2.0/24");
        NatGateway listed = ec2.createNatGateway(r -> r.subnetId(otherSubnet).connectivityType(ConnectivityType.PRIVATE)
                .secondaryPrivateIpAddresses("10.0.2.60", "10.0.2.61")).natGateway();
        assertThat(listed.natGatewayAddresses()).extracting(NatGatewayAddress::privateIp).contains("10.0.2.60", "10.0.2.61");
    }

    @Test
    void synchronous_create_errors() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId("subnet-00000000000000000").allocationId(allocationId)),
                "InvalidSubnetID.NotFound");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId("eipalloc-00000000000000000")),
                "InvalidAllocationID.NotFound");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId)), "MissingParameter");
        assertAwsError(() -> ec2.createNatGateway(r -> r.allocationId(allocationId)), "MissingParameter");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)
                .connectivityType(ConnectivityType.PRIVATE)), "InvalidParameterValue");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).connectivityType(ConnectivityType.PRIVATE)
                .secondaryPrivateIpAddressCount(1).secondaryPrivateIpAddresses("10.0.1.9")), "InvalidParameterCombination");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId).dryRun(true)),
                "DryRunOperation");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                        .tags(Tag.builder().key("a").value("b").build()).build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.deleteNatGateway(r -> r.natGatewayId("nat-00000000000000000")), "NatGatewayNotFound");
        assertThat(ec2.describeNatGateways().natGateways()).isEmpty();
    }

    @Test
    void five_gateways_per_zone_counting_pending_available_and_deleting() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ec2.createNatGateway(r -> r.subnetId(net.subnetId).connectivityType(ConnectivityType.PRIVATE))
                    .natGateway().natGatewayId());
        }
        var limit = assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId)
                .connectivityType(ConnectivityType.PRIVATE)), "NatGatewayLimitExceeded");
        assertThat(limit.awsErrorDetails().errorMessage())
                .isEqualTo("Performing this operation would exceed the limit of 5 NAT gateways");
        // Another zone has its own quota.
        String otherZone = ec2.createSubnet(r -> r.vpcId(net.vpcId).cidrBlock("10.0.2.0/24")
                .availabilityZone("ap-northeast-1c")).subnet().subnetId();
        ec2.createNatGateway(r -> r.subnetId(otherZone).connectivityType(ConnectivityType.PRIVATE));

        ec2.deleteNatGateway(r -> r.natGatewayId(ids.get(0)));
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId)
                .connectivityType(ConnectivityType.PRIVATE)), "NatGatewayLimitExceeded");
        server.advance(PAST_STATE_CHANGE);
        ec2.createNatGateway(r -> r.subnetId(net.subnetId).connectivityType(ConnectivityType.PRIVATE));
    }

    @Test
    void describe_filters_and_pagination() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        // In another zone, so six gateways stay within the quota of five per zone.
        String otherSubnet = ec2.createSubnet(r -> r.vpcId(net.vpcId).cidrBlock("10.0.2.0/24")
                .availabilityZone("ap-northeast-1c")).subnet().subnetId();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            ids.add(ec2.createNatGateway(r -> r.subnetId(n < 4 ? net.subnetId : otherSubnet)
                    .connectivityType(ConnectivityType.PRIVATE)
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NATGATEWAY)
                            .tags(Tag.builder().key("index").value(Integer.toString(n)).build()).build()))
                    .natGateway().natGatewayId());
        }
        server.advance(PAST_STATE_CHANGE);
        ec2.deleteNatGateway(r -> r.natGatewayId(ids.get(5)));

        assertThat(natIds(ec2, "subnet-id", otherSubnet)).containsExactly(ids.get(4), ids.get(5));
        assertThat(natIds(ec2, "vpc-id", net.vpcId)).containsExactlyElementsOf(ids);
        assertThat(natIds(ec2, "state", "available")).containsExactlyElementsOf(ids.subList(0, 5));
        assertThat(natIds(ec2, "state", "deleting")).containsExactly(ids.get(5));
        assertThat(natIds(ec2, "nat-gateway-id", ids.get(2))).containsExactly(ids.get(2));
        assertThat(natIds(ec2, "tag:index", "3")).containsExactly(ids.get(3));
        assertThat(natIds(ec2, "tag-key", "index")).hasSize(6);

        DescribeNatGatewaysResponse page1 = ec2.describeNatGateways(r -> r.maxResults(5));
        assertThat(page1.natGateways()).hasSize(5);
        DescribeNatGatewaysResponse page2 = ec2.describeNatGateways(r -> r.maxResults(5).nextToken(page1.nextToken()));
        assertThat(page2.natGateways()).extracting(NatGateway::natGatewayId).containsExactly(ids.get(5));
        assertThat(page2.nextToken()).isNull();
        assertThat(ec2.describeNatGatewaysPaginator(r -> r.maxResults(5)).natGateways().stream().count()).isEqualTo(6);
        assertAwsError(() -> ec2.describeNatGateways(r -> r.maxResults(1001)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeNatGateways(r -> r.filter(f -> f.name("connectivity").values("x"))),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.describeNatGateways(r -> r.natGatewayIds(ids.get(0), "nat-00000000000000000")),
                "NatGatewayNotFound");
    }

    @Test
    void client_token_makes_create_idempotent() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        String first = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId).clientToken("tf-1"))
                .natGateway().natGatewayId();
        var again = ec2.createNatGateway(r -> r.subnetId(net.subnetId).allocationId(allocationId).clientToken("tf-1"));
        assertThat(again.natGateway().natGatewayId()).isEqualTo(first);
        assertThat(again.clientToken()).isEqualTo("tf-1");
        assertAwsError(() -> ec2.createNatGateway(r -> r.subnetId(net.subnetId).connectivityType(ConnectivityType.PRIVATE)
                .clientToken("tf-1")), "IdempotentParameterMismatch");
        assertThat(ec2.describeNatGateways().natGateways()).hasSize(1);
        assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).hasSize(1);
    }

    private static List<String> natIds(Ec2Client ec2, String filter, String value) {
        return ec2.describeNatGateways(r -> r.filter(f -> f.name(filter).values(value))).natGateways().stream()
                .map(NatGateway::natGatewayId).toList();
    }
}
