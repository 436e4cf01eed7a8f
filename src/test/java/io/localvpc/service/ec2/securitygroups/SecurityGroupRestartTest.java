package io.localvpc.service.ec2.securitygroups;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** Groups, their rules and the rules' tags survive a restart through the journal. */
class SecurityGroupRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void groups_and_rules_are_journalled() {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dataDir);
        server.start();
        String groupId;
        String ruleId;
        try {
            Ec2Client ec2 = server.ec2("500000000001");
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            groupId = ec2.createSecurityGroup(r -> r.groupName("kept").description("d").vpcId(vpcId)).groupId();
            ruleId = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                    .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").description("ssh").build()).build())
                    .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP_RULE)
                            .tags(Tag.builder().key("k").value("v").build()).build()))
                    .securityGroupRules().get(0).securityGroupRuleId();
        } finally {
            server.stop();
        }
        server.start();
        try {
            Ec2Client ec2 = server.ec2("500000000001");
            SecurityGroupRule rule = ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId))
                    .securityGroupRules().get(0);
            assertThat(rule.groupId()).isEqualTo(groupId);
            assertThat(rule.fromPort()).isEqualTo(22);
            assertThat(rule.description()).isEqualTo("ssh");
            assertThat(rule.tags()).containsExactly(Tag.builder().key("k").value("v").build());
        } finally {
            server.stop();
        }
    }
}
