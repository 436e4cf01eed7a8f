package io.localvpc.service.ec2.securitygroups;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** CreateTags and DeleteTags on security group rules, which have no record of their own. */
class SecurityGroupRuleTagsTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 310000000;

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void rule_tags_are_created_described_and_deleted_and_go_with_the_rule() {
        Ec2Client ec2 = server.ec2(String.format("%012d", ++accounts));
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String groupId = ec2.createSecurityGroup(r -> r.groupName("app").description("d").vpcId(vpcId)).groupId();
        String ruleId = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()))
                .securityGroupRules().get(0).securityGroupRuleId();

        ec2.createTags(r -> r.resources(ruleId).tags(tag("Name", "ssh"), tag("env", "dev")));
        SecurityGroupRule rule = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId))
                .securityGroupRules().get(0);
        assertThat(rule.tags()).containsExactlyInAnyOrder(tag("Name", "ssh"), tag("env", "dev"));
        assertThat(ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("tag:Name").values("ssh")))
                .securityGroupRules()).extracting(SecurityGroupRule::securityGroupRuleId).containsExactly(ruleId);
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("resource-type").values("security-group-rule"))).tags())
                .extracting(TagDescription::resourceId, TagDescription::resourceType, TagDescription::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ruleId, ResourceType.SECURITY_GROUP_RULE, "Name"),
                        org.assertj.core.groups.Tuple.tuple(ruleId, ResourceType.SECURITY_GROUP_RULE, "env"));

        ec2.deleteTags(r -> r.resources(ruleId).tags(Tag.builder().key("env").build()));
        assertThat(ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules().get(0)
                .tags()).containsExactly(tag("Name", "ssh"));

        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId));
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("resource-id").values(ruleId))).tags()).isEmpty();
        var gone = assertAwsError(() -> ec2.createTags(r -> r.resources(ruleId).tags(tag("a", "b"))),
                "InvalidSecurityGroupRuleId.NotFound");
        assertThat(gone.statusCode()).isEqualTo(400);
        assertAwsError(() -> ec2.deleteTags(r -> r.resources("sgr-0123456789abcdef0")),
                "InvalidSecurityGroupRuleId.NotFound");
    }
}
