package io.localvpc.service.ec2.addressing;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.service.ec2.Pages;
import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttribute;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

class NetworkInterfaceApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void create_with_defaults_gets_the_vpcs_default_group_and_a_free_address() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).description("app")
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE)
                                .tags(Tag.builder().key("Name").value("app-eni").build()).build()))
                .networkInterface();
        assertThat(eni.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(eni.subnetId()).isEqualTo(net.subnetId);
        assertThat(eni.vpcId()).isEqualTo(net.vpcId);
        assertThat(eni.availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(eni.description()).isEqualTo("app");
        assertThat(eni.interfaceTypeAsString()).isEqualTo("interface");
        assertThat(eni.requesterManaged()).isFalse();
        assertThat(eni.sourceDestCheck()).isTrue();
        assertThat(eni.statusAsString()).isEqualTo("available");
        assertThat(eni.macAddress()).matches("0a(:[0-9a-f]{2}){5}");
        assertThat(eni.privateIpAddress()).startsWith("10.0.1.");
        assertThat(eni.privateDnsName()).isEqualTo("ip-" + eni.privateIpAddress().replace('.', '-')
                + ".ap-northeast-1.compute.internal");
        assertThat(eni.privateIpAddresses()).singleElement().satisfies(p -> assertThat(p.primary()).isTrue());
        assertThat(eni.groups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(eni.association()).isNull();
        assertThat(eni.attachment()).isNull();
        assertThat(eni.tagSet()).containsExactly(Tag.builder().key("Name").value("app-eni").build());

        // The subnet now has one address fewer.
        assertThat(ec2.describeSubnets(r -> r.subnetIds(net.subnetId)).subnets().get(0).availableIpAddressCount())
                .isEqualTo(256 - 5 - 1);
    }

    @Test
    void create_with_chosen_addresses() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress("10.0.1.10")
                .secondaryPrivateIpAddressCount(2)).networkInterface();
        assertThat(eni.privateIpAddress()).isEqualTo("10.0.1.10");
        assertThat(eni.privateIpAddresses()).hasSize(3).extracting(NetworkInterfacePrivateIpAddress::primary)
                .containsExactly(true, false, false);

        // In a subnet of its own, so the random addresses above cannot have taken these.
        String otherSubnet = net.subnet("10.0.2.0/24");
        NetworkInterface listed = ec2.createNetworkInterface(r -> r.subnetId(otherSubnet).privateIpAddresses(
                p -> p.privateIpAddress("10.0.2.20").primary(true),
                p -> p.privateIpAddress("10.0.2.21").primary(false))).networkInterface();
        assertThat(listed.privateIpAddress()).isEqualTo("10.0.2.20");
        assertThat(listed.privateIpAddresses()).extracting(NetworkInterfacePrivateIpAddress::privateIpAddress)
                .containsExactly("10.0.2.20", "10.0.2.21");

        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress("10.0.1.10")),
                "InvalidIPAddress.InUse");
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress("10.0.9.10")),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress("10.0.1.1")),
                "InvalidParameterValue");
    }

    @Test
    void create_errors() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId("subnet-00000000000000000")), "InvalidSubnetID.NotFound");
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.description("no subnet")), "MissingParameter");
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).groups("sg-00000000000000000")),
                "InvalidGroup.NotFound");
        // The default VPC's default group, as an interface there reports it, belongs to another network.
        String defaultSubnet = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true")))
                .subnets().get(0).subnetId();
        NetworkInterface elsewhere = ec2.createNetworkInterface(r -> r.subnetId(defaultSubnet)).networkInterface();
        String otherVpcGroup = elsewhere.groups().get(0).groupId();
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).groups(otherVpcGroup)),
                "InvalidParameter");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(elsewhere.networkInterfaceId()));
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).dryRun(true)), "DryRunOperation");
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).secondaryPrivateIpAddressCount(0)),
                "InvalidParameterValue");
        assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).isEmpty();
    }

    @Test
    void describe_filters_and_pagination() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String otherSubnet = net.subnet("10.0.2.0/24");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            ids.add(ec2.createNetworkInterface(r -> r.subnetId(n < 4 ? net.subnetId : otherSubnet)
                    .description("eni " + n)).networkInterface().networkInterfaceId());
        }
        NetworkInterface first = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(ids.get(0)))
                .networkInterfaces().get(0);
        String groupId = first.groups().get(0).groupId();

        assertThat(ids(ec2, "subnet-id", otherSubnet)).containsExactly(ids.get(4), ids.get(5));
        assertThat(ids(ec2, "vpc-id", net.vpcId)).containsExactlyElementsOf(ids);
        assertThat(ids(ec2, "group-id", groupId)).hasSize(6);
        assertThat(ids(ec2, "group-name", "default")).hasSize(6);
        assertThat(ids(ec2, "network-interface-id", ids.get(2))).containsExactly(ids.get(2));
        assertThat(ids(ec2, "private-ip-address", first.privateIpAddress())).containsExactly(ids.get(0));
        assertThat(ids(ec2, "addresses.private-ip-address", first.privateIpAddress())).containsExactly(ids.get(0));
        assertThat(ids(ec2, "description", "eni 3")).containsExactly(ids.get(3));
        assertThat(ids(ec2, "description", "eni *")).hasSize(6);
        assertThat(ids(ec2, "interface-type", "interface")).hasSize(6);
        assertThat(ids(ec2, "requester-managed", "false")).hasSize(6);
        assertThat(ids(ec2, "status", "available")).hasSize(6);
        assertThat(ids(ec2, "availability-zone", "ap-northeast-1a")).hasSize(6);
        assertThat(ids(ec2, "owner-id", first.ownerId())).hasSize(6);
        assertThat(ids(ec2, "attachment.instance-id", "i-*")).isEmpty();
        assertThat(ids(ec2, "attachment.attachment-id", "*")).isEmpty();

        String allocationId = net.allocate();
        ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(ids.get(1)));
        assertThat(ids(ec2, "association.allocation-id", allocationId)).containsExactly(ids.get(1));
        ec2.createTags(r -> r.resources(ids.get(5)).tags(Tag.builder().key("role").value("db").build()));
        assertThat(ids(ec2, "tag:role", "db")).containsExactly(ids.get(5));

        // Pages of five, then the rest.
        DescribeNetworkInterfacesResponse page1 = ec2.describeNetworkInterfaces(r -> r.maxResults(5)
                .filters(f -> f.name("vpc-id").values(net.vpcId)));
        assertThat(page1.networkInterfaces()).hasSize(5);
        assertThat(page1.nextToken()).isNotNull();
        DescribeNetworkInterfacesResponse page2 = ec2.describeNetworkInterfaces(r -> r.maxResults(5)
                .nextToken(page1.nextToken()).filters(f -> f.name("vpc-id").values(net.vpcId)));
        assertThat(page2.networkInterfaces()).extracting(NetworkInterface::networkInterfaceId).containsExactly(ids.get(5));
        assertThat(page2.nextToken()).isNull();
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.maxResults(4)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.maxResults(5).networkInterfaceIds(ids.get(0))),
                "InvalidParameterCombination");
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-00000000000000000")),
                "InvalidNetworkInterfaceID.NotFound");
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("nonsense").values("1"))),
                "InvalidParameterValue");
    }

    private static List<String> ids(Ec2Client ec2, String filter, String value) {
        return ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name(filter).values(value))).networkInterfaces()
                .stream().map(NetworkInterface::networkInterfaceId).toList();
    }

    @Test
    void modify_and_describe_attributes() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface();
        String id = eni.networkInterfaceId();

        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).sourceDestCheck(b -> b.value(false)));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).description(d -> d.value("router")));
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attribute(NetworkInterfaceAttribute.SOURCE_DEST_CHECK)).sourceDestCheck().value()).isFalse();
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attribute(NetworkInterfaceAttribute.DESCRIPTION)).description().value()).isEqualTo("router");
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attribute(NetworkInterfaceAttribute.GROUP_SET)).groups()).extracting(GroupIdentifier::groupName)
                .containsExactly("default");
        assertThat(ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attribute(NetworkInterfaceAttribute.ATTACHMENT)).attachment()).isNull();
        NetworkInterface described = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces().get(0);
        assertThat(described.sourceDestCheck()).isFalse();
        assertThat(described.description()).isEqualTo("router");

        String group = eni.groups().get(0).groupId();
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).groups(group));
        assertAwsError(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).groups("sg-00000000000000000")),
                "InvalidGroup.NotFound");
        assertAwsError(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .sourceDestCheck(b -> b.value(true)).description(d -> d.value("x"))), "InvalidParameterCombination");
        assertAwsError(() -> ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId("eni-00000000000000000")
                .sourceDestCheck(b -> b.value(true))), "InvalidNetworkInterfaceID.NotFound");
        assertAwsError(() -> ec2.describeNetworkInterfaceAttribute(r -> r.networkInterfaceId("eni-00000000000000000")
                .attribute(NetworkInterfaceAttribute.DESCRIPTION)), "InvalidNetworkInterfaceID.NotFound");
    }

    @Test
    void assign_and_unassign_secondary_addresses() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        String id = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress("10.0.1.10"))
                .networkInterface().networkInterfaceId();

        // The named address first, so the random ones cannot take it.
        ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses("10.0.1.99"));
        var assigned = ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(id).secondaryPrivateIpAddressCount(2))
                .assignedPrivateIpAddresses();
        assertThat(assigned).hasSize(2);
        NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces().get(0);
        assertThat(eni.privateIpAddresses()).hasSize(4);

        // An Elastic IP on a secondary address goes when the address goes.
        String allocationId = net.allocate();
        ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(id).privateIpAddress("10.0.1.99"));
        ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses("10.0.1.99"));
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();
        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces().get(0)
                .privateIpAddresses()).hasSize(3);

        // Another interface may take an address over only with AllowReassignment.
        String other = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface().networkInterfaceId();
        String taken = assigned.get(0).privateIpAddress();
        assertAwsError(() -> ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(other).privateIpAddresses(taken)),
                "InvalidIPAddress.InUse");
        ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(other).privateIpAddresses(taken).allowReassignment(true));
        assertThat(ids(ec2, "addresses.private-ip-address", taken)).containsExactly(other);

        assertAwsError(() -> ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses(eni.privateIpAddress())),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(id)), "MissingParameter");
    }

    @Test
    void delete_frees_the_address_and_disassociates_elastic_ips() {
        AddressingFixtures net = AddressingFixtures.network(server, true);
        Ec2Client ec2 = net.ec2;
        NetworkInterface eni = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId)).networkInterface();
        String allocationId = net.allocate();
        ec2.associateAddress(r -> r.allocationId(allocationId).networkInterfaceId(eni.networkInterfaceId()));

        assertAwsError(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()).dryRun(true)),
                "DryRunOperation");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId()));
        assertAwsError(() -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound");
        assertAwsError(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni.networkInterfaceId())),
                "InvalidNetworkInterfaceID.NotFound");
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocationId)).addresses().get(0).associationId()).isNull();
        // The address is free again.
        assertThat(ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).privateIpAddress(eni.privateIpAddress()))
                .networkInterface().privateIpAddress()).isEqualTo(eni.privateIpAddress());
    }

    @Test
    void client_token_makes_create_idempotent() {
        AddressingFixtures net = AddressingFixtures.network(server, false);
        Ec2Client ec2 = net.ec2;
        NetworkInterface first = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).clientToken("tok-1")).networkInterface();
        NetworkInterface again = ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).clientToken("tok-1")).networkInterface();
        assertThat(again.networkInterfaceId()).isEqualTo(first.networkInterfaceId());
        assertAwsError(() -> ec2.createNetworkInterface(r -> r.subnetId(net.subnetId).description("other").clientToken("tok-1")),
                "IdempotentParameterMismatch");
        assertThat(ec2.describeNetworkInterfaces().networkInterfaces()).hasSize(1);
    }
}
