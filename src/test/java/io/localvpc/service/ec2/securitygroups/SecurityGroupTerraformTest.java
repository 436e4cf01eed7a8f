package io.localvpc.service.ec2.securitygroups;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The calls the Terraform AWS provider makes for {@code aws_security_group} and
 * {@code aws_security_group_rule}, in its order, checking every field it reads.
 */
class SecurityGroupTerraformTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 400000000;

    private Ec2Client freshAccount() {
        return server.ec2(String.format("%012d", ++accounts));
    }

    /** The provider's FindSecurityGroupByID: exactly one group, with the id asked for. */
    private static SecurityGroup findById(Ec2Client ec2, String groupId) {
        List<SecurityGroup> found = ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups();
        assertThat(found).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(groupId));
        return found.get(0);
    }

    private static IpPermission allTraffic(IpRange ipv4, Ipv6Range ipv6) {
        var permission = IpPermission.builder().ipProtocol("-1").fromPort(0).toPort(0);
        if (ipv4 != null) {
            permission.ipRanges(ipv4);
        }
        if (ipv6 != null) {
            permission.ipv6Ranges(ipv6);
        }
        return permission.build();
    }

    @Test
    void aws_security_group_create_read_and_delete() {
        Ec2Client ec2 = freshAccount();
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();

        // Create.
        String groupId = ec2.createSecurityGroup(r -> r.groupName("hands-on-sg").description("Managed by Terraform")
                .vpcId(vpcId).tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("Name").value("hands-on").build()).build())).groupId();
        for (int i = 0; i < 3; i++) {
            findById(ec2, groupId);
        }
        // The default egress revokes: IPv4 must succeed, IPv6 may answer InvalidPermission.NotFound.
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId)
                .ipPermissions(allTraffic(IpRange.builder().cidrIp("0.0.0.0/0").build(), null)));
        assertAwsError(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId)
                .ipPermissions(allTraffic(null, Ipv6Range.builder().cidrIpv6("::/0").build()))),
                "InvalidPermission.NotFound");
        findById(ec2, groupId);

        // Read.
        SecurityGroup read = findById(ec2, groupId);
        assertThat(read.groupName()).isEqualTo("hands-on-sg");
        assertThat(read.description()).isEqualTo("Managed by Terraform");
        assertThat(read.vpcId()).isEqualTo(vpcId);
        assertThat(read.ownerId()).matches("\\d{12}");
        assertThat(read.ipPermissions()).isEmpty();
        assertThat(read.ipPermissionsEgress()).isEmpty();
        assertThat(read.tags()).containsExactly(Tag.builder().key("Name").value("hands-on").build());

        // Delete.
        lingeringInterfaces(ec2, groupId).ifPresent(enis -> assertThat(enis).isZero());
        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        assertAwsError(() -> ec2.describeSecurityGroups(r -> r.groupIds(groupId)), "InvalidGroup.NotFound");
        // A retried delete finds it gone with the one code the provider accepts.
        assertAwsError(() -> ec2.deleteSecurityGroup(r -> r.groupId(groupId)), "InvalidGroup.NotFound");
    }

    /**
     * The provider's DescribeNetworkInterfaces with filter group-id before deleting; empty when
     * that operation is not served on this build yet.
     */
    private static Optional<Integer> lingeringInterfaces(Ec2Client ec2, String groupId) {
        try {
            return Optional.of(ec2.describeNetworkInterfaces(r -> r.filters(f -> f.name("group-id").values(groupId)))
                    .networkInterfaces().size());
        } catch (AwsServiceException e) {
            if ("InvalidAction".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Test
    void aws_security_group_rule_egress_all_traffic_create_read_and_delete() {
        Ec2Client ec2 = freshAccount();
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String groupId = ec2.createSecurityGroup(r -> r.groupName("nat-sg").description("Managed by Terraform")
                .vpcId(vpcId)).groupId();
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId)
                .ipPermissions(allTraffic(IpRange.builder().cidrIp("0.0.0.0/0").build(), null)));
        IpPermission configured = IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();

        // Create: the group must exist, then one egress authorize with no ports.
        findById(ec2, groupId);
        var authorized = ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(configured));
        assertThat(authorized.returnValue()).isTrue();
        assertThat(authorized.securityGroupRules()).hasSize(1);
        String ruleId = authorized.securityGroupRules().get(0).securityGroupRuleId();
        assertThat(ruleId).startsWith("sgr-");
        assertThat(findMatch(findById(ec2, groupId).ipPermissionsEgress())).isPresent();

        // Read: the matching permission, then the rule id from DescribeSecurityGroupRules.
        IpPermission match = findMatch(findById(ec2, groupId).ipPermissionsEgress()).orElseThrow();
        assertThat(match.ipRanges()).singleElement().satisfies(range -> assertThat(range.description()).isNull());
        List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(
                f -> f.name("group-id").values(groupId))).securityGroupRules();
        assertThat(rules).filteredOn(r -> r.ipProtocol().equals("-1") && "0.0.0.0/0".equals(r.cidrIpv4()))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.securityGroupRuleId()).isEqualTo(ruleId);
                    assertThat(rule.isEgress()).isTrue();
                    assertThat(rule.groupId()).isEqualTo(groupId);
                });

        // Description update, then delete: revoke the same permission; a second revoke is "gone".
        ec2.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                .ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("to anywhere").build())
                .build()));
        assertThat(findMatch(findById(ec2, groupId).ipPermissionsEgress()).orElseThrow().ipRanges().get(0)
                .description()).isEqualTo("to anywhere");
        findById(ec2, groupId);
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(configured));
        assertThat(findMatch(findById(ec2, groupId).ipPermissionsEgress())).isEmpty();
        assertAwsError(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(configured)),
                "InvalidPermission.NotFound");
    }

    /** The provider's findRuleMatch for protocol -1 to 0.0.0.0/0: same protocol string, the CIDR present. */
    private static Optional<IpPermission> findMatch(List<IpPermission> permissions) {
        return permissions.stream()
                .filter(p -> p.ipProtocol().equals("-1"))
                .filter(p -> p.ipRanges().stream().anyMatch(r -> r.cidrIp().equals("0.0.0.0/0")))
                .findFirst();
    }
}
