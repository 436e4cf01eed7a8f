package io.localvpc.service.ec2.securitygroups;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class SecurityGroupRuleApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 300000000;

    private String account;
    private Ec2Client ec2;
    private String vpcId;
    private String groupId;

    @BeforeEach
    void freshAccountWithAGroup() {
        account = String.format("%012d", ++accounts);
        ec2 = server.ec2(account);
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        groupId = ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId)).groupId();
    }

    private static IpPermission tcp(int from, int to, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(from).toPort(to)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private SecurityGroup group() {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
    }

    private List<SecurityGroupRule> rulesOf(String id) {
        return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(id))).securityGroupRules();
    }

    @Test
    void authorize_ingress_returns_the_new_rules_and_describe_groups_them_by_protocol_and_ports() {
        String peer = ec2.createSecurityGroup(r -> r.groupName("peer").description("d").vpcId(vpcId)).groupId();
        var response = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("office").build(),
                                IpRange.builder().cidrIp("192.168.0.0/16").build())
                        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::/32").build())
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(peer).description("peers").build())
                        .prefixListIds(PrefixListId.builder().prefixListId("pl-0123abcd").build())
                        .build(),
                IpPermission.builder().ipProtocol("icmp").fromPort(8).toPort(-1)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        assertThat(response.returnValue()).isTrue();
        assertThat(response.securityGroupRules()).hasSize(6).allSatisfy(rule -> {
            assertThat(rule.securityGroupRuleId()).matches("sgr-[0-9a-f]{17}");
            assertThat(rule.groupId()).isEqualTo(groupId);
            assertThat(rule.groupOwnerId()).isEqualTo(account);
            assertThat(rule.isEgress()).isFalse();
        });
        SecurityGroupRule first = response.securityGroupRules().get(0);
        assertThat(first.ipProtocol()).isEqualTo("tcp");
        assertThat(first.fromPort()).isEqualTo(22);
        assertThat(first.toPort()).isEqualTo(22);
        assertThat(first.cidrIpv4()).isEqualTo("10.0.0.0/8");
        assertThat(first.description()).isEqualTo("office");
        assertThat(response.securityGroupRules().get(2).cidrIpv6()).isEqualTo("2001:db8::/32");
        assertThat(response.securityGroupRules().get(3).referencedGroupInfo().groupId()).isEqualTo(peer);
        assertThat(response.securityGroupRules().get(3).referencedGroupInfo().userId()).isEqualTo(account);
        assertThat(response.securityGroupRules().get(4).prefixListId()).isEqualTo("pl-0123abcd");

        List<IpPermission> ingress = group().ipPermissions();
        assertThat(ingress).hasSize(2);
        IpPermission ssh = ingress.get(0);
        assertThat(ssh.ipProtocol()).isEqualTo("tcp");
        assertThat(ssh.fromPort()).isEqualTo(22);
        assertThat(ssh.ipRanges()).containsExactly(
                IpRange.builder().cidrIp("10.0.0.0/8").description("office").build(),
                IpRange.builder().cidrIp("192.168.0.0/16").build());
        assertThat(ssh.ipv6Ranges()).extracting(Ipv6Range::cidrIpv6).containsExactly("2001:db8::/32");
        assertThat(ssh.userIdGroupPairs()).containsExactly(
                UserIdGroupPair.builder().groupId(peer).userId(account).description("peers").build());
        assertThat(ssh.prefixListIds()).extracting(PrefixListId::prefixListId).containsExactly("pl-0123abcd");
        assertThat(ingress.get(1).ipProtocol()).isEqualTo("icmp");
        assertThat(ingress.get(1).fromPort()).isEqualTo(8);
        assertThat(ingress.get(1).toPort()).isEqualTo(-1);
    }

    @Test
    void protocols_are_reported_as_ec2_reports_them() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("6").fromPort(80).toPort(80)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("UDP").fromPort(53).toPort(53)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("50").fromPort(1).toPort(2)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build(),
                IpPermission.builder().ipProtocol("all")
                        .ipRanges(IpRange.builder().cidrIp("10.1.0.0/16").build()).build()));
        assertThat(group().ipPermissions()).extracting(IpPermission::ipProtocol, IpPermission::fromPort,
                        IpPermission::toPort)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tcp", 80, 80),
                        org.assertj.core.groups.Tuple.tuple("udp", 53, 53),
                        org.assertj.core.groups.Tuple.tuple("50", null, null),
                        org.assertj.core.groups.Tuple.tuple("-1", null, null));
        // DescribeSecurityGroupRules shows -1 where a protocol has no ports.
        assertThat(rulesOf(groupId)).filteredOn(r -> r.ipProtocol().equals("-1"))
                .extracting(SecurityGroupRule::fromPort, SecurityGroupRule::toPort)
                .contains(org.assertj.core.groups.Tuple.tuple(-1, -1));
    }

    @Test
    void a_rule_that_exists_already_is_a_duplicate() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "0.0.0.0/0")));
        var error = assertAwsError(
                () -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "0.0.0.0/0"))),
                "InvalidPermission.Duplicate");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists");
        // The default egress rule: protocol -1 whatever ports are sent.
        assertAwsError(() -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").fromPort(0).toPort(0)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build())),
                "InvalidPermission.Duplicate");
        // Twice in one request, and nothing of a failed request is applied.
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                tcp(80, 80, "10.0.0.0/8"), tcp(80, 80, "10.0.0.0/8"))), "InvalidPermission.Duplicate");
        assertThat(group().ipPermissions()).hasSize(1);
    }

    @Test
    void invalid_permissions_get_aws_errors() {
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(22, 22, "10.0.0.0/33"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(22, 22, "10.0.0.1/8"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(22, 21, "10.0.0.0/8"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(0, 65536, "10.0.0.0/8"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())
                        .build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("bogus").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())
                        .build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("256").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build())
                        .build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").ipv6Ranges(Ipv6Range.builder().cidrIpv6("2001:db8::1/32")
                        .build()).build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").ipv6Ranges(Ipv6Range.builder().cidrIpv6("example.com/32")
                        .build()).build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("10.0.0.0/8")
                        .description("caf\u00e9").build()).build())), "InvalidParameterValue");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").userIdGroupPairs(UserIdGroupPair.builder()
                        .groupId("sg-0123456789abcdef0").build()).build())), "InvalidGroup.NotFound");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0")
                .ipPermissions(tcp(22, 22, "10.0.0.0/8"))), "InvalidGroup.NotFound");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").build())), "InvalidPermission.Malformed");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                tcp(22, 22, "10.0.0.0/8")).dryRun(true)), "DryRunOperation");
        assertThat(group().ipPermissions()).isEmpty();
    }

    @Test
    void a_peer_group_must_be_in_the_same_vpc() {
        String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String stranger = ec2.createSecurityGroup(r -> r.groupName("x").description("d").vpcId(otherVpc)).groupId();
        var error = assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("-1").userIdGroupPairs(UserIdGroupPair.builder().groupId(stranger)
                        .build()).build())), "InvalidGroup.NotFound");
        assertThat(error.awsErrorDetails().errorMessage()).contains("different networks");
    }

    @Test
    void the_legacy_top_level_parameters_authorize_and_revoke_ingress() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIp("203.0.113.0/24"));
        String source = ec2.createSecurityGroup(r -> r.groupName("source").description("d").vpcId(vpcId)).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).sourceSecurityGroupName("source"));
        assertThat(group().ipPermissions()).extracting(IpPermission::ipProtocol)
                .containsExactly("tcp", "icmp", "tcp", "udp");
        assertThat(rulesOf(groupId)).filteredOn(r -> r.referencedGroupInfo() != null)
                .extracting(r -> r.referencedGroupInfo().groupId()).containsOnly(source).hasSize(3);

        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIp("203.0.113.0/24"));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).sourceSecurityGroupName("source"));
        assertThat(group().ipPermissions()).isEmpty();
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipProtocol("tcp")
                .fromPort(1).toPort(1).cidrIp("10.0.0.0/8").ipPermissions(tcp(2, 2, "10.0.0.0/8"))),
                "InvalidParameterCombination");
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)), "MissingParameter");
    }

    @Test
    void revoke_by_permission_or_by_rule_id() {
        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("described").build(),
                                IpRange.builder().cidrIp("10.1.0.0/16").build()).build()))
                .securityGroupRules();
        // The description need not be given to revoke.
        var byPermission = ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        assertThat(byPermission.returnValue()).isTrue();
        assertThat(byPermission.unknownIpPermissions()).isEmpty();
        assertThat(byPermission.revokedSecurityGroupRules()).singleElement()
                .satisfies(r -> assertThat(r.securityGroupRuleId()).isEqualTo(added.get(0).securityGroupRuleId()));

        // A rule id of the other direction is not found; nothing is revoked.
        String egressRule = rulesOf(groupId).stream().filter(SecurityGroupRule::isEgress).findFirst().orElseThrow()
                .securityGroupRuleId();
        assertAwsError(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
                .securityGroupRuleIds(added.get(1).securityGroupRuleId(), egressRule)),
                "InvalidSecurityGroupRuleId.NotFound");
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(added.get(1).securityGroupRuleId()));
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).securityGroupRuleIds(egressRule));
        assertThat(group().ipPermissions()).isEmpty();
        assertThat(group().ipPermissionsEgress()).isEmpty();

        assertAwsError(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "10.0.0.0/8"))
                .securityGroupRuleIds(egressRule)), "InvalidParameterCombination");
        assertAwsError(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds("bad")),
                "InvalidSecurityGroupRuleId.Malformed");
    }

    @Test
    void revoking_a_missing_rule_fails_in_a_vpc_and_is_reported_in_the_default_vpc() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        var error = assertAwsError(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(22, 22, "10.0.0.0/8"), tcp(23, 23, "10.0.0.0/8"))), "InvalidPermission.NotFound");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The specified rule does not exist in this security group.");
        assertThat(group().ipPermissions()).hasSize(1);

        String legacy = ec2.createSecurityGroup(r -> r.groupName("legacy").description("d")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupName("legacy").ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        var response = ec2.revokeSecurityGroupIngress(r -> r.groupName("legacy")
                .ipPermissions(tcp(22, 22, "10.0.0.0/8"), tcp(23, 23, "10.0.0.0/8")));
        assertThat(response.returnValue()).isTrue();
        assertThat(response.unknownIpPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(23);
            assertThat(p.ipRanges()).extracting(IpRange::cidrIp).containsExactly("10.0.0.0/8");
        });
        assertThat(ec2.describeSecurityGroups(r -> r.groupIds(legacy)).securityGroups().get(0).ipPermissions()).isEmpty();
    }

    @Test
    void describe_security_group_rules_by_id_filter_and_page() {
        String other = ec2.createSecurityGroup(r -> r.groupName("other").description("d").vpcId(vpcId)).groupId();
        List<IpPermission> permissions = new ArrayList<>();
        for (int port = 1; port <= 7; port++) {
            permissions.add(tcp(port, port, "10.0.0.0/8"));
        }
        var added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permissions)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP_RULE)
                        .tags(Tag.builder().key("team").value("blue").build()).build())).securityGroupRules();
        assertThat(added).allSatisfy(r -> assertThat(r.tags()).containsExactly(Tag.builder().key("team").value("blue").build()));

        assertThat(rulesOf(groupId)).hasSize(8);
        assertThat(rulesOf(other)).singleElement().satisfies(r -> {
            assertThat(r.isEgress()).isTrue();
            assertThat(r.ipProtocol()).isEqualTo("-1");
            assertThat(r.cidrIpv4()).isEqualTo("0.0.0.0/0");
        });
        String third = added.get(2).securityGroupRuleId();
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(third)).securityGroupRules())
                .singleElement().satisfies(r -> {
                    assertThat(r.fromPort()).isEqualTo(3);
                    assertThat(r.securityGroupRuleArn()).isEqualTo(
                            "arn:aws:ec2:ap-northeast-1:" + account + ":security-group-rule/" + third);
                });
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("security-group-rule-id").values(third)))
                .securityGroupRules()).hasSize(1);
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("tag:team").values("blue")))
                .securityGroupRules()).hasSize(7);

        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeSecurityGroupRulesResponse page = ec2.describeSecurityGroupRules(r -> r.maxResults(5)
                    .nextToken(next).filters(f -> f.name("group-id").values(groupId)));
            page.securityGroupRules().forEach(rule -> seen.add(rule.securityGroupRuleId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertAwsError(() -> ec2.describeSecurityGroupRules(r -> r.maxResults(2)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds("sgr-0123456789abcdef0")),
                "InvalidSecurityGroupRuleId.NotFound");
        assertAwsError(() -> ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("colour").values("x"))),
                "InvalidParameterValue");

        // A revoked rule's tags go with it.
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(third));
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("tag:team").values("blue")))
                .securityGroupRules()).hasSize(6);
    }

    @Test
    void modify_security_group_rules_replaces_a_rule_in_place() {
        String ruleId = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "10.0.0.0/8")))
                .securityGroupRules().get(0).securityGroupRuleId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(80, 80, "10.0.0.0/8")));
        var response = ec2.modifySecurityGroupRules(r -> r.groupId(groupId).securityGroupRules(u -> u
                .securityGroupRuleId(ruleId)
                .securityGroupRule(q -> q.ipProtocol("tcp").fromPort(2222).toPort(2222).cidrIpv4("192.168.0.0/16")
                        .description("moved"))));
        assertThat(response.returnValue()).isTrue();
        SecurityGroupRule modified = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId))
                .securityGroupRules().get(0);
        assertThat(modified.isEgress()).isFalse();
        assertThat(modified.fromPort()).isEqualTo(2222);
        assertThat(modified.cidrIpv4()).isEqualTo("192.168.0.0/16");
        assertThat(modified.description()).isEqualTo("moved");

        assertAwsError(() -> ec2.modifySecurityGroupRules(r -> r.groupId(groupId).securityGroupRules(u -> u
                .securityGroupRuleId(ruleId)
                .securityGroupRule(q -> q.ipProtocol("tcp").fromPort(80).toPort(80).cidrIpv4("10.0.0.0/8")))),
                "InvalidPermission.Duplicate");
        assertAwsError(() -> ec2.modifySecurityGroupRules(r -> r.groupId(groupId).securityGroupRules(u -> u
                .securityGroupRuleId("sgr-0123456789abcdef0")
                .securityGroupRule(q -> q.ipProtocol("tcp").fromPort(1).toPort(1).cidrIpv4("10.0.0.0/8")))),
                "InvalidSecurityGroupRuleId.NotFound");
        assertAwsError(() -> ec2.modifySecurityGroupRules(r -> r.groupId(groupId).securityGroupRules(u -> u
                .securityGroupRuleId(ruleId)
                .securityGroupRule(q -> q.ipProtocol("tcp").fromPort(1).toPort(1).cidrIpv4("10.0.0.0/8")
                        .cidrIpv6("::/0")))),
                "InvalidParameterCombination");
        assertAwsError(() -> ec2.modifySecurityGroupRules(r -> r.securityGroupRules(u -> u.securityGroupRuleId(ruleId))),
                "MissingParameter");
    }

    @Test
    void rule_descriptions_are_updated_by_permission_or_rule_id() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcp(22, 22, "10.0.0.0/8")));
        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("ssh from office").build()).build()));
        assertThat(group().ipPermissions().get(0).ipRanges().get(0).description()).isEqualTo("ssh from office");

        String egressRule = rulesOf(groupId).stream().filter(SecurityGroupRule::isEgress).findFirst().orElseThrow()
                .securityGroupRuleId();
        var response = ec2.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(groupId)
                .securityGroupRuleDescriptions(d -> d.securityGroupRuleId(egressRule).description("anywhere")));
        assertThat(response.returnValue()).isTrue();
        assertThat(group().ipPermissionsEgress().get(0).ipRanges().get(0).description()).isEqualTo("anywhere");

        assertAwsError(() -> ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(23, 23, "10.0.0.0/8"))), "InvalidPermission.NotFound");
        assertAwsError(() -> ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId)
                .securityGroupRuleDescriptions(d -> d.securityGroupRuleId(egressRule).description("x"))),
                "InvalidSecurityGroupRuleId.NotFound");
        assertAwsError(() -> ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(groupId)),
                "MissingParameter");
    }

    @Test
    void a_group_holds_at_most_60_rules_per_direction() {
        List<IpPermission> sixty = new ArrayList<>();
        for (int port = 1; port <= 60; port++) {
            sixty.add(tcp(port, port, "10.0.0.0/8"));
        }
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(sixty));
        assertAwsError(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcp(61, 61, "10.0.0.0/8"))), "RulesPerSecurityGroupLimitExceeded");
        // The other direction has its own quota.
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(tcp(443, 443, "0.0.0.0/0")));
    }
}
