package io.localvpc.service.ec2.securitygroups;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.securitygroups.SecurityGroupService;
import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class SecurityGroupApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    /** Each test gets its own account, so quotas and default VPCs do not interfere. */
    private static int accounts = 200000000;

    private String account;

    private Ec2Client freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.ec2(account);
    }

    private static String newVpc(Ec2Client ec2) {
        return ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    }

    private static SecurityGroup describe(Ec2Client ec2, String groupId) {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
    }

    @Test
    void a_new_group_has_no_inbound_rules_and_allows_all_outbound() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        var created = ec2.createSecurityGroup(r -> r.groupName("web").description("Web servers").vpcId(vpcId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("Name").value("web").build()).build()));
        assertThat(created.groupId()).matches("sg-[0-9a-f]{17}");
        assertThat(created.securityGroupArn())
                .isEqualTo("arn:aws:ec2:ap-northeast-1:" + account + ":security-group/" + created.groupId());
        assertThat(created.tags()).containsExactly(Tag.builder().key("Name").value("web").build());

        SecurityGroup group = describe(ec2, created.groupId());
        assertThat(group.groupName()).isEqualTo("web");
        assertThat(group.description()).isEqualTo("Web servers");
        assertThat(group.vpcId()).isEqualTo(vpcId);
        assertThat(group.ownerId()).isEqualTo(account);
        assertThat(group.tags()).containsExactly(Tag.builder().key("Name").value("web").build());
        assertThat(group.ipPermissions()).isEmpty();
        assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.fromPort()).isNull();
            assertThat(p.toPort()).isNull();
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0");
            assertThat(p.ipv6Ranges()).isEmpty();
            assertThat(p.userIdGroupPairs()).isEmpty();
        });
    }

    @Test
    void without_a_vpc_id_the_group_goes_into_the_default_vpc() {
        Ec2Client ec2 = freshAccount();
        String defaultVpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true")))
                .vpcs().get(0).vpcId();
        String groupId = ec2.createSecurityGroup(r -> r.groupName("legacy").description("d")).groupId();
        assertThat(describe(ec2, groupId).vpcId()).isEqualTo(defaultVpc);
        // Names mean something only in the default VPC.
        assertThat(ec2.describeSecurityGroups(r -> r.groupNames("legacy")).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(groupId);
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.groupNames("nope")), "InvalidGroup.NotFound");
        ec2.deleteSecurityGroup(r -> r.groupName("legacy"));
        assertAwsError(() -> describe(ec2, groupId), "InvalidGroup.NotFound");
    }

    @Test
    void the_default_group_of_a_vpc_admits_itself_and_cannot_be_deleted() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.filters(
                f -> f.name("vpc-id").values(vpcId), f -> f.name("group-name").values("default")))
                .securityGroups().get(0);
        assertThat(group.description()).isEqualTo("default VPC security group");
        assertThat(group.ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.userIdGroupPairs()).extracting(UserIdGroupPair::groupId, UserIdGroupPair::userId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(group.groupId(), account));
        });
        assertThat(group.ipPermissionsEgress()).singleElement()
                .satisfies(p -> assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("0.0.0.0/0"));

        var error = assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupId(group.groupId())), "CannotDelete");
        assertThat(error.statusCode()).isEqualTo(400);
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("default").description("d").vpcId(vpcId)),
                "InvalidGroup.Reserved");
    }

    @Test
    void names_are_unique_per_vpc_and_checked_as_aws_checks_them() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        String otherVpc = newVpc(ec2);
        ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId));
        var duplicate = assertAwsError(
                () -> ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId)),
                "InvalidGroup.Duplicate");
        assertThat(duplicate.awsErrorDetails().errorMessage())
                .isEqualTo("The security group 'app' already exists for VPC '" + vpcId + "'");
        ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(otherVpc));

        assertAwsError(() -> ec2.createSecurityGroup(r -> r.description("d").vpcId(vpcId)), "MissingParameter");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("x").vpcId(vpcId)), "MissingParameter");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("sg-123").description("d").vpcId(vpcId)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("a".repeat(256)).description("d").vpcId(vpcId)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("caf\u00e9").description("d").vpcId(vpcId)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("ok").description("bad\u00e9").vpcId(vpcId)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("ok").description("d").vpcId("vpc-0123456789abcdef0")),
                "InvalidVpcID.NotFound");
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("ok").description("d").vpcId(vpcId)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VPC)
                                .tags(Tag.builder().key("k").value("v").build()).build())),
                "InvalidParameterValue");
        // Names and descriptions may use EC2's punctuation.
        ec2.createSecurityGroup(r -> r.groupName("a b._-:/()#,@[]+=&;{}!$*").description("Any: (ok) #1").vpcId(vpcId));
    }

    @Test
    void dry_run_is_answered_after_validation() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        var dryRun = assertAwsError(
                () -> ec2.createSecurityGroup(r -> r.groupName("x").description("d").vpcId(vpcId).dryRun(true)),
                "DryRunOperation");
        assertThat(dryRun.statusCode()).isEqualTo(412);
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("default").description("d").dryRun(true)),
                "InvalidGroup.Reserved");
        assertThat(ec2.describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("x"))).securityGroups())
                .isEmpty();
    }

    @Test
    void describe_filters_on_group_fields_rules_and_tags() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        String web = ec2.createSecurityGroup(r -> r.groupName("web").description("Web tier").vpcId(vpcId)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("tier").value("front").build()).build())).groupId();
        String db = ec2.createSecurityGroup(r -> r.groupName("db").description("Database").vpcId(vpcId)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                .build()));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(5432).toPort(5432)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()));
        ec2.revokeSecurityGroupEgress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));

        assertThat(ids(ec2, "vpc-id", vpcId)).containsExactlyInAnyOrder(web, db, defaultGroupOf(ec2, vpcId));
        assertThat(ids(ec2, "group-name", "w*")).containsExactly(web);
        assertThat(ids(ec2, "group-id", db)).containsExactly(db);
        assertThat(ids(ec2, "description", "Data*")).containsExactly(db);
        assertThat(ids(ec2, "owner-id", account)).contains(web, db);
        assertThat(ids(ec2, "tag:tier", "front")).containsExactly(web);
        assertThat(ids(ec2, "tag-key", "tier")).containsExactly(web);
        assertThat(ids(ec2, "ip-permission.cidr", "0.0.0.0/0")).containsExactly(web);
        assertThat(ids(ec2, "ip-permission.from-port", "5432")).containsExactly(db);
        assertThat(ids(ec2, "ip-permission.to-port", "443")).containsExactly(web);
        assertThat(ids(ec2, "ip-permission.protocol", "tcp")).containsExactlyInAnyOrder(web, db);
        assertThat(ids(ec2, "ip-permission.group-id", web)).containsExactly(db);
        assertThat(ids(ec2, "egress.ip-permission.cidr", "0.0.0.0/0")).contains(web).doesNotContain(db);
        assertThat(ids(ec2, "egress.ip-permission.protocol", "-1")).contains(web).doesNotContain(db);
        assertAwsError(() -> ids(ec2, "colour", "blue"), "InvalidParameterValue");
    }

    private static List<String> ids(Ec2Client ec2, String filter, String value) {
        return ec2.describeSecurityGroups(r -> r.filters(f -> f.name(filter).values(value))).securityGroups()
                .stream().map(SecurityGroup::groupId).toList();
    }

    private static String defaultGroupOf(Ec2Client ec2, String vpcId) {
        return ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId),
                f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
    }

    @Test
    void describe_pages_through_the_groups() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        for (int i = 0; i < 11; i++) {
            int n = i;
            ec2.createSecurityGroup(r -> r.groupName("g" + n).description("d").vpcId(vpcId));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeSecurityGroupsResponse page = ec2.describeSecurityGroups(r -> r.maxResults(5).nextToken(next)
                    .filters(f -> f.name("vpc-id").values(vpcId)));
            assertThat(page.securityGroups()).hasSizeLessThanOrEqualTo(5);
            page.securityGroups().forEach(g -> seen.add(g.groupId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates();
        // The SDK paginator sees the same.
        assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5).filters(f -> f.name("vpc-id").values(vpcId)))
                .securityGroups().stream().count()).isEqualTo(12);
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.maxResults(4)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.maxResults(1001)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.maxResults(5).groupIds(seen.get(0))),
                "InvalidParameterCombination");
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.nextToken("garbage")), "InvalidNextToken");
    }

    @Test
    void unknown_and_malformed_ids_are_refused() {
        Ec2Client ec2 = freshAccount();
        var error = assertAwsError(() -> describe(ec2, "sg-0123456789abcdef0"), "InvalidGroup.NotFound");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("The security group 'sg-0123456789abcdef0' does not exist");
        assertAwsError(() -> describe(ec2, "nope"), "InvalidGroupId.Malformed");
        assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupId("sg-0123456789abcdef0")), "InvalidGroup.NotFound");
        assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupName("nope")), "InvalidGroup.NotFound");
        assertAwsError(() -> ec2.deleteSecurityGroup(r -> { }), "MissingParameter");
    }

    @Test
    void a_group_worn_by_a_network_interface_cannot_be_deleted() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")).subnet().subnetId();
        String groupId = ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId)).groupId();
        NetworkInterface eni = new NetworkInterface(Ids.ec2("eni"), subnetId, vpcId, "ap-northeast-1a", account,
                "", "interface", false, null, Ipv4.parse("10.0.1.10"), List.of(), List.of(groupId), true, Ids.mac(),
                null, null);
        var region = server.localVpc().cloud().region(account, "ap-northeast-1", server.clock().now());
        region.write(server.clock().now(), tx -> {
            tx.put(eni);
            return null;
        });

        var error = assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)), "DependencyViolation");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("resource " + groupId + " has a dependent object");

        region.write(server.clock().now(), tx -> {
            tx.remove(eni);
            return null;
        });
        var deleted = ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        assertThat(deleted.returnValue()).isTrue();
        assertThat(deleted.groupId()).isEqualTo(groupId);
    }

    @Test
    void a_group_named_in_another_groups_rule_cannot_be_deleted() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        String source = ec2.createSecurityGroup(r -> r.groupName("source").description("d").vpcId(vpcId)).groupId();
        String target = ec2.createSecurityGroup(r -> r.groupName("target").description("d").vpcId(vpcId)).groupId();
        IpPermission fromSource = IpPermission.builder().ipProtocol("tcp").fromPort(80).toPort(80)
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build()).build();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(target).ipPermissions(fromSource));
        // A group may name itself and still be deleted; another group's rule keeps it.
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(source).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .userIdGroupPairs(UserIdGroupPair.builder().groupId(source).build()).build()));

        assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupId(source)), "DependencyViolation");
        ec2.revokeSecurityGroupIngress(r -> r.groupId(target).ipPermissions(fromSource));
        ec2.deleteSecurityGroup(r -> r.groupId(source));
        assertAwsError(() -> describe(ec2, source), "InvalidGroup.NotFound");
    }

    @Test
    void deleting_the_vpc_takes_its_default_group_along() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        String groupId = ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId)).groupId();
        assertAwsError(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");
        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertThat(ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpcId))).securityGroups())
                .isEmpty();
    }

    @Test
    void a_region_holds_at_most_2500_groups() {
        Ec2Client ec2 = freshAccount();
        String vpcId = newVpc(ec2);
        var region = server.localVpc().cloud().region(account, "ap-northeast-1", server.clock().now());
        region.write(server.clock().now(), tx -> {
            int existing = tx.all(io.localvpc.model.ec2.SecurityGroup.class).size();
            for (int i = existing; i < SecurityGroupService.GROUPS_PER_REGION; i++) {
                tx.put(new io.localvpc.model.ec2.SecurityGroup(Ids.ec2("sg"), "seeded-" + i, "d", vpcId, account,
                        List.of()));
            }
            return null;
        });
        assertAwsError(() -> ec2.createSecurityGroup(r -> r.groupName("one-too-many").description("d").vpcId(vpcId)),
                "SecurityGroupLimitExceeded");
    }
}
