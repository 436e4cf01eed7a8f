package io.localvpc.service.ec2.vpc;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.List;
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

class VpcApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    /** Each test gets its own account, so VPC quotas and default VPCs do not interfere. */
    private static int accounts = 100000000;

    private Ec2Client freshAccount() {
        return server.ec2(String.format("%012d", ++accounts));
    }

    @Test
    void a_new_account_has_a_default_vpc_with_a_default_subnet_per_zone() {
        Ec2Client ec2 = freshAccount();
        List<Vpc> defaults = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs();
        assertThat(defaults).singleElement().satisfies(v -> {
            assertThat(v.cidrBlock()).isEqualTo("172.31.0.0/16");
            assertThat(v.isDefault()).isTrue();
            assertThat(v.stateAsString()).isEqualTo("available");
        });
        String vpcId = defaults.get(0).vpcId();
        var subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcId))).subnets();
        assertThat(subnets).extracting(s -> s.availabilityZone())
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(subnets).allSatisfy(s -> {
            assertThat(s.mapPublicIpOnLaunch()).isTrue();
            assertThat(s.defaultForAz()).isTrue();
        });
    }

    @Test
    void create_describe_modify_and_delete_a_vpc() {
        Ec2Client ec2 = freshAccount();
        Vpc created = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                                .tags(Tag.builder().key("Name").value("hands-on").build()).build()))
                .vpc();
        assertThat(created.vpcId()).matches("vpc-[0-9a-f]{17}");
        assertThat(created.instanceTenancyAsString()).isEqualTo("default");
        assertThat(created.tags()).containsExactly(Tag.builder().key("Name").value("hands-on").build());
        assertThat(created.ownerId()).isEqualTo(String.format("%012d", accounts));

        var byTag = ec2.describeVpcs(r -> r.filters(Filter.builder().name("tag:Name").values("hands-*").build())).vpcs();
        assertThat(byTag).extracting(Vpc::vpcId).containsExactly(created.vpcId());

        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(created.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                        .enableDnsSupport().value()).isTrue();
        ec2.modifyVpcAttribute(r -> r.vpcId(created.vpcId())
                .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(created.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                        .enableDnsHostnames().value()).isTrue();

        // The main route table, default ACL and default group come with it.
        assertThat(ec2.describeRouteTables(r -> r.filters(
                f -> f.name("vpc-id").values(created.vpcId()), f -> f.name("association.main").values("true")))
                .routeTables()).hasSize(1);
        assertThat(ec2.describeNetworkAcls(r -> r.filters(
                f -> f.name("vpc-id").values(created.vpcId()), f -> f.name("default").values("true")))
                .networkAcls()).hasSize(1);
        assertThat(ec2.describeSecurityGroups(r -> r.filters(
                f -> f.name("vpc-id").values(created.vpcId()), f -> f.name("group-name").values("default")))
                .securityGroups()).hasSize(1);

        ec2.deleteVpc(r -> r.vpcId(created.vpcId()));
        assertAwsError(() -> ec2.describeVpcs(r -> r.vpcIds(created.vpcId())), "InvalidVpcID.NotFound");
        assertAwsError(() -> ec2.deleteVpc(r -> r.vpcId(created.vpcId())), "InvalidVpcID.NotFound");
    }

    @Test
    void bad_cidrs_get_aws_errors() {
        Ec2Client ec2 = freshAccount();
        assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/8")), "InvalidVpc.Range");
        assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/29")), "InvalidVpc.Range");
        assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.300/16")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.1/16")), "InvalidParameterValue");
        assertAwsError(() -> ec2.createVpc(r -> {}), "MissingParameter");
    }

    @Test
    void the_vpc_quota_is_five_per_region_default_vpc_included() {
        Ec2Client ec2 = freshAccount();
        for (int i = 0; i < 4; i++) {
            int n = i;
            ec2.createVpc(r -> r.cidrBlock("10." + n + ".0.0/16"));
        }
        assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")), "VpcLimitExceeded");
    }

    @Test
    void dry_run_answers_dry_run_operation_and_changes_nothing() {
        Ec2Client ec2 = freshAccount();
        var error = assertAwsError(() -> ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16").dryRun(true)), "DryRunOperation");
        assertThat(error.statusCode()).isEqualTo(412);
        assertThat(ec2.describeVpcs().vpcs()).hasSize(1);
    }

    @Test
    void describe_pages_with_max_results_and_next_token() {
        Ec2Client ec2 = freshAccount();
        for (int i = 0; i < 4; i++) {
            int n = i;
            ec2.createVpc(r -> r.cidrBlock("10." + n + ".0.0/16"));
        }
        var first = ec2.describeVpcs(r -> r.maxResults(5));
        assertThat(first.vpcs()).hasSize(5);
        assertThat(first.nextToken()).isNull();
        var all = ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs().stream().toList();
        assertThat(all).hasSize(5);
        assertAwsError(() -> ec2.describeVpcs(r -> r.maxResults(2)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeVpcs(r -> r.nextToken("garbage!")), "InvalidNextToken");
        assertAwsError(() -> ec2.describeVpcs(r -> r.filters(f -> f.name("no-such-filter").values("x"))),
                "InvalidParameterValue");
    }

    @Test
    void unknown_actions_are_refused_as_ec2_refuses_them() {
        Ec2Client ec2 = freshAccount();
        assertAwsError(() -> ec2.describeVpnGateways(), "InvalidAction");
    }
}
