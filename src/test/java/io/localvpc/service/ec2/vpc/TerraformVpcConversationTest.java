package io.localvpc.service.ec2.vpc;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * Replays the Terraform AWS provider's conversation for {@code aws_vpc} with
 * {@code enable_dns_hostnames = true} (terraform-provider-calls.md §5.3): create, the waiter, the
 * attribute change and its wait, the seven-call read, and destroy.
 */
class TerraformVpcConversationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void aws_vpc_apply_refresh_destroy() {
        Ec2Client ec2 = server.ec2("210987654321");

        // Create: the provider always sends AmazonProvidedIpv6CidrBlock=false and InstanceTenancy=default.
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(false)
                        .instanceTenancy("default")
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                                .tags(Tag.builder().key("Name").value("hands-on-vpc").build()).build()))
                .vpc().vpcId();

        // waitVPCCreatedV2: pending → available.
        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs()).singleElement()
                .satisfies(v -> assertThat(v.stateAsString()).isEqualTo("available"));

        // enable_dns_hostnames differs from false: modify, then poll the attribute until it matches.
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();

        read(ec2, vpcId);

        // Destroy: DeleteVpc, then DescribeVpcs until not found. The default ACL, main table and
        // default group must not block it.
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertAwsError(() -> ec2.describeVpcs(r -> r.vpcIds(vpcId)), "InvalidVpcID.NotFound");
    }

    /** resourceVPCRead: seven calls, and every field the provider keeps. */
    private static void read(Ec2Client ec2, String vpcId) {
        Vpc vpc = ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0);
        assertThat(vpc.vpcId()).isEqualTo(vpcId);
        assertThat(vpc.cidrBlock()).isEqualTo("10.0.0.0/16");
        assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
        assertThat(vpc.dhcpOptionsId()).startsWith("dopt-");
        assertThat(vpc.ownerId()).isEqualTo("210987654321");
        assertThat(vpc.isDefault()).isFalse();
        assertThat(vpc.ipv6CidrBlockAssociationSet()).isEmpty();
        assertThat(vpc.tags()).containsExactly(Tag.builder().key("Name").value("hands-on-vpc").build());

        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                .enableDnsSupport().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId)
                        .attribute(VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS))
                .enableNetworkAddressUsageMetrics().value()).isFalse();

        assertThat(ec2.describeNetworkAcls(r -> r.filters(filter("default", "true"), filter("vpc-id", vpcId)))
                .networkAcls()).singleElement().satisfies(acl -> assertThat(acl.networkAclId()).startsWith("acl-"));
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                .routeTables()).singleElement().satisfies(rt -> assertThat(rt.routeTableId()).startsWith("rtb-"));
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("group-name", "default"), filter("vpc-id", vpcId)))
                .securityGroups()).singleElement().satisfies(sg -> assertThat(sg.groupId()).startsWith("sg-"));
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
