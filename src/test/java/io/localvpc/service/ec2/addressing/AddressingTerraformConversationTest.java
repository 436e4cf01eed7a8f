package io.localvpc.service.ec2.addressing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The calls the Terraform AWS provider makes for {@code aws_eip} and {@code aws_nat_gateway}
 * (research: terraform-provider-calls.md §5.9, §5.10, §6.3), replayed with the SDK, including its
 * waiters' polls and the attributes {@code terraform state show} gets from each read.
 */
class AddressingTerraformConversationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    /** The provider's StateChangeConf polls with back-off; here the clock moves a little per poll. */
    private static final Duration POLL = Duration.ofMillis(400);

    @Test
    void eip_and_public_nat_gateway_apply_refresh_and_destroy() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;

        // aws_eip create: AllocateAddress Domain=vpc with the tags, then DescribeAddresses until found.
        String allocationId = ec2.allocateAddress(r -> r.domain(DomainType.VPC).tagSpecifications(
                        TagSpecification.builder().resourceType(ResourceType.ELASTIC_IP)
                                .tags(Tag.builder().key("Name").value("hands-on-nat-eip").build()).build()))
                .allocationId();
        assertThat(allocationId).startsWith("eipalloc-");
        Address eip = findEip(ec2, allocationId).orElseThrow();
        Map<String, String> eipState = eipAttributes(eip);
        assertThat(eipState).containsEntry("domain", "vpc").containsEntry("network_border_group", "ap-northeast-1")
                .containsEntry("public_ipv4_pool", "amazon").containsEntry("association_id", "")
                .containsEntry("tags.Name", "hands-on-nat-eip");

        // aws_nat_gateway create: ClientToken, AllocationId, ConnectivityType, SubnetId, tags.
        String token = "terraform-20260101000000000000000001";
        NatGateway created = ec2.createNatGateway(r -> r.clientToken(token).allocationId(allocationId)
                .connectivityType(ConnectivityType.PUBLIC).subnetId(net.subnetId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NATGATEWAY)
                        .tags(Tag.builder().key("Name").value("hands-on-nat").build()).build())).natGateway();
        String natId = created.natGatewayId();

        // WaitNATGatewayCreated: Pending [pending], Target [available]; anything else fails the wait.
        NatGateway nat = waitFor(ec2, natId, List.of("pending"), "available");

        // Read: every attribute `terraform state show` prints.
        Map<String, String> natState = natAttributes(nat);
        NatGatewayAddress primary = nat.natGatewayAddresses().get(0);
        assertThat(natState).containsEntry("id", natId)
                .containsEntry("allocation_id", allocationId)
                .containsEntry("association_id", primary.associationId())
                .containsEntry("connectivity_type", "public")
                .containsEntry("network_interface_id", primary.networkInterfaceId())
                .containsEntry("private_ip", primary.privateIp())
                .containsEntry("public_ip", eip.publicIp())
                .containsEntry("secondary_allocation_ids", "")
                .containsEntry("secondary_private_ip_address_count", "0")
                .containsEntry("secondary_private_ip_addresses", "")
                .containsEntry("subnet_id", net.subnetId)
                .containsEntry("tags.Name", "hands-on-nat");
        assertThat(primary.associationId()).startsWith("eipassoc-");
        assertThat(primary.networkInterfaceId()).startsWith("eni-");
        assertThat(nat.availabilityModeAsString()).isEqualTo("zonal");

        // A retry of the create with the same token (the SDK retries on network errors) is the same gateway.
        assertThat(ec2.createNatGateway(r -> r.clientToken(token).allocationId(allocationId)
                .connectivityType(ConnectivityType.PUBLIC).subnetId(net.subnetId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NATGATEWAY)
                        .tags(Tag.builder().key("Name").value("hands-on-nat").build()).build()))
                .natGateway().natGatewayId()).isEqualTo(natId);

        // terraform plan (refresh): the EIP now shows the NAT's interface as computed attributes,
        // with the ForceNew attributes unchanged; a second refresh of the NAT reads the same.
        server.advance(Duration.ofMinutes(5));
        Map<String, String> refreshedEip = eipAttributes(findEip(ec2, allocationId).orElseThrow());
        assertThat(refreshedEip).containsEntry("association_id", primary.associationId())
                .containsEntry("network_interface", primary.networkInterfaceId())
                .containsEntry("private_ip", primary.privateIp())
                .containsEntry("network_interface_owner_id", ownerOf(ec2, primary))
                .containsEntry("domain", eipState.get("domain"))
                .containsEntry("network_border_group", eipState.get("network_border_group"))
                .containsEntry("public_ipv4_pool", eipState.get("public_ipv4_pool"))
                .containsEntry("public_ip", eipState.get("public_ip"));
        assertThat(natAttributes(findNat(ec2, natId).orElseThrow())).isEqualTo(natState);

        // terraform destroy, aws_nat_gateway: DeleteNatGateway, then wait with Pending [deleting] and
        // no Target: only deleting, deleted or absent may be seen.
        ec2.deleteNatGateway(r -> r.natGatewayId(natId));
        server.advance(Duration.ofSeconds(10)); // the waiter's initial delay
        for (int poll = 0; findNat(ec2, natId).isPresent(); poll++) {
            assertThat(findNatRaw(ec2, natId).stateAsString()).isEqualTo("deleting");
            assertThat(poll).as("polls before the gateway is gone").isLessThan(20);
            server.advance(Duration.ofSeconds(10));
        }

        // aws_eip destroy: the state still holds the NAT's association; its disassociation finds
        // nothing (which the provider accepts), then the release succeeds.
        var stale = assertAwsError(() -> ec2.disassociateAddress(r -> r.associationId(refreshedEip.get("association_id"))),
                "InvalidAssociationID.NotFound");
        assertThat(stale.statusCode()).isEqualTo(400);
        ec2.releaseAddress(r -> r.allocationId(allocationId).networkBorderGroup(refreshedEip.get("network_border_group")));
        assertThat(findEip(ec2, allocationId)).isEmpty();
        // Destroy of the subnet asks DescribeNetworkInterfaces(subnet-id) first: nothing is left.
        assertThat(ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("subnet-id").values(net.subnetId)))
                .networkInterfaces()).isEmpty();
        ec2.deleteSubnet(r -> r.subnetId(net.subnetId));
    }

    @Test
    void private_nat_gateway_reads_without_public_fields() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        String natId = ec2.createNatGateway(r -> r.clientToken("terraform-private-1")
                .connectivityType(ConnectivityType.PRIVATE).subnetId(net.subnetId)).natGateway().natGatewayId();
        NatGateway nat = waitFor(ec2, natId, List.of("pending"), "available");
        Map<String, String> state = natAttributes(nat);
        assertThat(state).containsEntry("allocation_id", "").containsEntry("association_id", "")
                .containsEntry("public_ip", "").containsEntry("connectivity_type", "private")
                .containsEntry("secondary_private_ip_address_count", "0");
        assertThat(state.get("private_ip")).startsWith("10.0.1.");
        assertThat(state.get("network_interface_id")).startsWith("eni-");
    }

    @Test
    void a_failed_gateway_fails_the_create_wait_with_its_code_and_message() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        String allocationId = net.allocate();
        String natId = ec2.createNatGateway(r -> r.clientToken("terraform-fail-1").allocationId(allocationId)
                .connectivityType(ConnectivityType.PUBLIC).subnetId(net.subnetId)).natGateway().natGatewayId();
        NatGateway nat = waitFor(ec2, natId, List.of("pending"), "failed");
        assertThat(nat.failureCode()).isEqualTo("Gateway.NotAttached");
        assertThat(nat.failureMessage()).isEqualTo("Network " + net.vpcId + " has no Internet gateway attached");
    }

    /** FindEIPByAllocationID: DescribeAddresses AllocationId.1; the NotFound codes mean "gone". */
    private static Optional<Address> findEip(Ec2Client ec2, String allocationId) {
        try {
            List<Address> found = ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses();
            assertThat(found).hasSizeLessThanOrEqualTo(1);
            return found.stream().filter(a -> a.allocationId().equals(allocationId)).findFirst();
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isIn("InvalidAllocationID.NotFound", "InvalidAddress.NotFound");
            return Optional.empty();
        }
    }

    /** FindNATGatewayByID: NatGatewayNotFound or state deleted mean "gone". */
    private static Optional<NatGateway> findNat(Ec2Client ec2, String natId) {
        try {
            NatGateway nat = findNatRaw(ec2, natId);
            return nat.stateAsString().equals("deleted") ? Optional.empty() : Optional.of(nat);
        } catch (AwsServiceException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NatGatewayNotFound");
            return Optional.empty();
        }
    }

    private static NatGateway findNatRaw(Ec2Client ec2, String natId) {
        List<NatGateway> found = ec2.describeNatGateways(r -> r.natGatewayIds(natId)).natGateways();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).natGatewayId()).isEqualTo(natId);
        return found.get(0);
    }

    /** StateChangeConf: poll until the target; a state neither pending nor target fails at once. */
    private static NatGateway waitFor(Ec2Client ec2, String natId, List<String> pending, String target) {
        for (int poll = 0; poll < 50; poll++) {
            NatGateway nat = findNat(ec2, natId).orElseThrow();
            if (nat.stateAsString().equals(target)) {
                return nat;
            }
            assertThat(pending).as("unexpected state").contains(nat.stateAsString());
            server.advance(POLL);
        }
        throw new AssertionError("timeout waiting for " + target);
    }

    private static String ownerOf(Ec2Client ec2, NatGatewayAddress address) {
        return ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(address.networkInterfaceId()))
                .networkInterfaces().get(0).ownerId();
    }

    /** What resourceEIPRead stores (empty strings for absent values, as the SDK's flatteners do). */
    private static Map<String, String> eipAttributes(Address a) {
        java.util.TreeMap<String, String> state = new java.util.TreeMap<>();
        state.put("allocation_id", nz(a.allocationId()));
        state.put("association_id", nz(a.associationId()));
        state.put("domain", nz(a.domainAsString()));
        state.put("instance", nz(a.instanceId()));
        state.put("network_border_group", nz(a.networkBorderGroup()));
        state.put("network_interface", nz(a.networkInterfaceId()));
        state.put("network_interface_owner_id", nz(a.networkInterfaceOwnerId()));
        state.put("private_ip", nz(a.privateIpAddress()));
        state.put("public_ip", nz(a.publicIp()));
        state.put("public_ipv4_pool", nz(a.publicIpv4Pool()));
        a.tags().forEach(t -> state.put("tags." + t.key(), t.value()));
        return state;
    }

    /** What resourceNATGatewayRead stores: the primary address's fields and the secondaries'. */
    private static Map<String, String> natAttributes(NatGateway nat) {
        java.util.TreeMap<String, String> state = new java.util.TreeMap<>();
        NatGatewayAddress primary = nat.natGatewayAddresses().stream()
                .filter(a -> Boolean.TRUE.equals(a.isPrimary())).findFirst()
                .orElse(nat.natGatewayAddresses().get(0));
        List<NatGatewayAddress> secondaries = nat.natGatewayAddresses().stream().filter(a -> a != primary).toList();
        state.put("id", nat.natGatewayId());
        state.put("allocation_id", nz(primary.allocationId()));
        state.put("association_id", nz(primary.associationId()));
        state.put("network_interface_id", nz(primary.networkInterfaceId()));
        state.put("private_ip", nz(primary.privateIp()));
        state.put("public_ip", nz(primary.publicIp()));
        state.put("connectivity_type", nz(nat.connectivityTypeAsString()));
        state.put("subnet_id", nz(nat.subnetId()));
        state.put("secondary_allocation_ids", String.join(",",
                secondaries.stream().map(NatGatewayAddress::allocationId).filter(id -> id != null).toList()));
        state.put("secondary_private_ip_addresses", String.join(",",
                secondaries.stream().map(NatGatewayAddress::privateIp).toList()));
        state.put("secondary_private_ip_address_count", Integer.toString(secondaries.size()));
        nat.tags().forEach(t -> state.put("tags." + t.key(), t.value()));
        return state;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
