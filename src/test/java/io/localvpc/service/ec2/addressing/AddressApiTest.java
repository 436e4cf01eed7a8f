package io.localvpc.service.ec2.addressing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class AddressApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void allocate_describe_and_release_an_elastic_ip() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        AllocateAddressResponse allocated = ec2.allocateAddress(r -> r.domain("vpc")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.ELASTIC_IP)
                        .tags(Tag.builder().key("Name").value("nat-eip").build()).build()));
        assertThat(allocated.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(allocated.domainAsString()).isEqualTo("vpc");
        assertThat(allocated.publicIpv4Pool()).isEqualTo("amazon");
        assertThat(allocated.networkBorderGroup()).isEqualTo("ap-northeast-1");
        assertThat(allocated.publicIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");

        Address described = ec2.describeAddresses(r -> r.allocationIds(allocated.allocationId())).addresses().get(0);
        assertThat(described.publicIp()).isEqualTo(allocated.publicIp());
        assertThat(described.domainAsString()).isEqualTo("vpc");
        assertThat(described.associationId()).isNull();
        assertThat(described.tags()).containsExactly(Tag.builder().key("Name").value("nat-eip").build());
        assertThat(ec2.describeAddresses(r -> r.publicIps(allocated.publicIp())).addresses())
                .extracting(Address::allocationId).containsExactly(allocated.allocationId());

        ec2.releaseAddress(r -> r.allocationId(allocated.allocationId()).networkBorderGroup("ap-northeast-1"));
        assertAwsError(() -> ec2.describeAddresses(r -> r.allocationIds(allocated.allocationId())),
                "InvalidAllocationID.NotFound");
        assertAwsError(() -> ec2.releaseAddress(r -> r.allocationId(allocated.allocationId())),
                "InvalidAllocationID.NotFound");
    }

    @Test
    void standard_domain_also_gets_a_vpc_address_and_the_quota_is_five() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        assertThat(ec2.allocateAddress(r -> r.domain("standard")).domainAsString()).isEqualTo("vpc");
        for (int i = 0; i < 4; i++) {
            ec2.allocateAddress(r -> {});
        }
        var error = assertAwsError(() -> ec2.allocateAddress(r -> r.domain("vpc")), "AddressLimitExceeded");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The maximum number of addresses has been reached.");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(ec2.describeAddresses().addresses()).hasSize(5);
    }

    @Test
    void allocation_errors_and_dry_run() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        assertAwsError(() -> ec2.allocateAddress(r -> r.domain("vpc").dryRun(true)), "DryRunOperation");
        assertAwsError(() -> ec2.allocateAddress(r -> r.publicIpv4Pool("ipv4pool-ec2-0123")), "InvalidParameterValue");
        assertAwsError(() -> ec2.allocateAddress(r -> r.networkBorderGroup("us-west-2")), "InvalidParameterValue");
        assertAwsError(() -> ec2.allocateAddress(r -> r.tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.VPC).tags(Tag.builder().key("a").value("b").build())
                        .build())), "InvalidParameterValue");
        assertThat(ec2.describeAddresses().addresses()).isEmpty();
    }

    @Test
    void describe_unknown_ids_and_addresses() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        assertAwsError(() -> ec2.describeAddresses(r -> r.allocationIds("eipalloc-00000000000000000")),
                "InvalidAllocationID.NotFound");
        assertAwsError(() -> ec2.describeAddresses(r -> r.publicIps("192.0.2.250")), "InvalidAddress.NotFound");
        assertAwsError(() -> ec2.describeAddresses(r -> r.filters(f -> f.name("bogus").values("x"))),
                "InvalidParameterValue");
    }

    @Test
    void release_by_public_ip_only_is_refused_as_for_vpc_addresses() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        AllocateAddressResponse allocated = ec2.allocateAddress(r -> r.domain("vpc"));
        assertAwsError(() -> ec2.releaseAddress(r -> r.publicIp(allocated.publicIp())), "InvalidParameterValue");
        assertAwsError(() -> ec2.releaseAddress(r -> r.allocationId(allocated.allocationId()).networkBorderGroup("us-east-1")),
                "InvalidParameterValue");
    }

    @Test
    void associate_with_an_interface_and_filter_by_association() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).secondaryPrivateIpAddressCount(1))
                .networkInterface();
        String allocationId = net.allocate();
        String other = net.allocate();

        String associationId = ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni.networkInterfaceId()))
                .associationId();
        assertThat(associationId).matches("eipassoc-[0-9a-f]{17}");
        Address address = ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0);
        assertThat(address.associationId()).isEqualTo(associationId);
        assertThat(address.networkInterfaceId()).isEqualTo(eni.networkInterfaceId());
        assertThat(address.privateIpAddress()).isEqualTo(eni.privateIpAddress());
        assertThat(address.networkInterfaceOwnerId()).isEqualTo(eni.ownerId());
        assertThat(address.instanceId()).isNull();

        // The interface shows its public side.
        NetworkInterface described = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId()))
                .networkInterfaces().get(0);
        assertThat(described.association().publicIp()).isEqualTo(address.publicIp());
        assertThat(described.association().allocationId()).isEqualTo(allocationId);
        assertThat(described.association().associationId()).isEqualTo(associationId);
        assertThat(described.association().publicDnsName()).startsWith("ec2-").endsWith(".ap-northeast-1.compute.amazonaws.com");

        // The second address goes to the secondary private IP.
        String secondary = described.privateIpAddresses().stream().filter(p -> !p.primary()).findFirst().orElseThrow()
                .privateIpAddress();
        ec2.associateAddress(r -> r.allocationId(other).networkInterfaceId(eni.networkInterfaceId()).privateIpAddress(secondary));

        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("association-id").values(associationId))).addresses())
                .extracting(Address::allocationId).containsExactly(allocationId);
        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("network-interface-id").values(eni.networkInterfaceId())))
                .addresses()).hasSize(2);
        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("private-ip-address").values(secondary))).addresses())
                .extracting(Address::allocationId).containsExactly(other);
        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("domain").values("vpc"),
                f -> f.name("network-border-group").values("ap-northeast-1"))).addresses()).hasSize(2);
        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("public-ip").values(address.publicIp()))).addresses())
                .hasSize(1);
        assertThat(ec2.describeAddresses(r -> r.filters(f -> f.name("instance-id").values("i-*"))).addresses()).isEmpty();

        // In use: no release; disassociate first.
        var inUse = assertAwsError(() -> ec2.releaseAddress(r -> r.allocationId(allocationId)), "InvalidIPAddress.InUse");
        assertThat(inUse.awsErrorDetails().errorMessage()).contains(address.publicIp());
        ec2.disassociateAddress(r -> r.associationId(associationId));
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();
        assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId(associationId)), "InvalidAssociationID.NotFound");
        ec2.releaseAddress(r -> r.allocationId(allocationId));
    }

    @Test
    void reassociation_is_automatic_unless_refused() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String first = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface().networkInterfaceId();
        String second = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface().networkInterfaceId();
        String allocationId = net.allocate();
        String before = ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(first)).associationId();

        var refused = assertAwsError(() -> ec2.associateAddress(
                r -> r.allocationId(allocationId).networkInterfaceId(second).allowReassociation(false)),
                "Resource.AlreadyAssociated");
        assertThat(refused.awsErrorDetails().errorMessage()).contains(allocationId);

        String after = ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(second)).associationId();
        assertThat(after).isNotEqualTo(before);
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).networkInterfaceId())
                .isEqualTo(second);
        assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId(before)), "InvalidAssociationID.NotFound");

        // A second address onto the same private IP pushes the first one off.
        String another = net.allocate();
        ec2.associateAddress(r -> r.allocationId(another).networkInterfaceId(second));
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();
    }

    @Test
    void association_errors() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        String eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface().networkInterfaceId();
        String allocationId = net.allocate();

        var noIgw = assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni)),
                "Gateway.NotAttached");
        assertThat(noIgw.awsErrorDetails().errorMessage())
                .isEqualTo("Network " + net.vpcId + " is not attached to any internet gateway");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId("eipalloc-00000000000000000").networkInterfaceId(eni)),
                "InvalidAllocationID.NotFound");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId("eni-00000000000000000")),
                "InvalidNetworkInterfaceID.NotFound");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId).instanceId("i-00000000000000000")),
                "InvalidInstanceID.NotFound");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId)), "MissingParameter");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni)
                .privateIpAddress("10.0.1.250")), "InvalidParameterValue");
        assertAwsError(() -> ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni).dryRun(true)),
                "DryRunOperation");
        assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId("eipassoc-00000000000000000")),
                "InvalidAssociationID.NotFound");
    }

    @Test
    void addresses_attribute_shows_no_reverse_dns() {
        Ec2Client ec2 = AddressingFixtures.freshAccount(server);
        AllocateAddressResponse allocated = ec2.allocateAddress(r -> r.domain("vpc"));
        var attributes = ec2.describeAddressesAttribute(r -> r.allocationIds(allocated.allocationId()).attribute("domain-name"))
                .addresses();
        assertThat(attributes).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(allocated.allocationId());
            assertThat(a.publicIp()).isEqualTo(allocated.publicIp());
            assertThat(a.ptrRecord()).isNull();
        });
        assertAwsError(() -> ec2.describeAddressesAttribute(r -> r.allocationIds("eipalloc-00000000000000000")
                .attribute("domain-name")), "InvalidAllocationID.NotFound");
    }
}
