package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.Networks;
import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.testing.LocalVpcServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VpcSecurityGroupRuleResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    static ProviderHarness tf;
    static String groupId;
    final VpcSecurityGroupRuleResource ingress = VpcSecurityGroupRuleResource.ingress();
    final VpcSecurityGroupRuleResource egress = VpcSecurityGroupRuleResource.egress();

    @BeforeAll
    static void setUp() {
        tf = new ProviderHarness(server);
        Networks net = Networks.create(server);
        groupId = (String) tf.create(new SecurityGroupResource(), config("name", "rules", "vpc_id", net.vpc())).get("id");
    }

    @Test
    void anIngressRuleIsOneAwsRuleThatChangesInPlace() {
        Map<String, Object> config = config("security_group_id", groupId, "cidr_ipv4", "10.0.0.0/16", "ip_protocol", "tcp",
                "from_port", number(443), "to_port", number(443), "description", "https", "tags", Map.of("Name", "https"));
        Map<String, Object> state = tf.create(ingress, config);
        String id = (String) state.get("id");

        assertThat(id).startsWith("sgr-");
        assertThat(state).containsEntry("security_group_rule_id", id)
                .containsEntry("arn", "arn:aws:ec2:ap-northeast-1:000000000000:security-group-rule/" + id)
                .containsEntry("cidr_ipv4", "10.0.0.0/16").containsEntry("cidr_ipv6", null)
                .containsEntry("ip_protocol", "tcp").containsEntry("from_port", number(443)).containsEntry("to_port", number(443))
                .containsEntry("description", "https").containsEntry("referenced_security_group_id", null)
                .containsEntry("tags", Map.of("Name", "https")).containsEntry("tags_all", Map.of("Name", "https"));
        assertThat(tf.changes(ingress, state, config)).isEmpty();

        Map<String, Object> wider = config("security_group_id", groupId, "cidr_ipv4", "10.0.0.0/8", "ip_protocol", "6",
                "from_port", number(443), "to_port", number(443), "description", "https", "tags", Map.of("Name", "https"));
        var changes = tf.changes(ingress, state, wider);
        assertThat(changes).containsExactly("cidr_ipv4");
        Map<String, Object> updated = tf.update(ingress, state, wider);
        assertThat(updated).containsEntry("id", id).containsEntry("cidr_ipv4", "10.0.0.0/8").containsEntry("ip_protocol", "tcp");
        assertThat(server.ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(id)).securityGroupRules().get(0).cidrIpv4())
                .isEqualTo("10.0.0.0/8");
        assertThat(tf.replaces(ingress, updated,
                config("security_group_id", "sg-0123", "cidr_ipv4", "10.0.0.0/8", "ip_protocol", "tcp"))).isTrue();

        tf.delete(ingress, updated);
        assertThat(tf.refresh(ingress, updated)).isEmpty();
    }

    @Test
    void tagsChangeInPlaceWithCreateAndDeleteTagsOnTheRule() {
        Map<String, Object> config = config("security_group_id", groupId, "cidr_ipv4", "10.1.0.0/16", "ip_protocol", "tcp",
                "from_port", number(22), "to_port", number(22), "tags", Map.of("Name", "ssh", "Owner", "net"));
        Map<String, Object> state = tf.create(ingress, config);
        String id = (String) state.get("id");

        Map<String, Object> retagged = new java.util.HashMap<>(config);
        retagged.put("tags", Map.of("Name", "ssh-admin", "Env", "dev"));
        var changes = tf.changes(ingress, state, retagged);
        assertThat(changes).contains("tags");
        assertThat(tf.replaces(ingress, state, retagged)).isFalse();
        Map<String, Object> updated = tf.update(ingress, state, retagged);

        assertThat(updated).containsEntry("id", id).containsEntry("tags", Map.of("Name", "ssh-admin", "Env", "dev"));
        assertThat(server.ec2().describeSecurityGroupRules(r -> r.securityGroupRuleIds(id)).securityGroupRules().get(0)
                .tags()).extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("Name=ssh-admin", "Env=dev");
        assertThat(tf.changes(ingress, updated, retagged)).isEmpty();
        tf.delete(ingress, updated);
    }

    @Test
    void anAllTrafficEgressRuleKeepsItsPortsUnset() {
        Map<String, Object> config = config("security_group_id", groupId, "cidr_ipv4", "0.0.0.0/0", "ip_protocol", "-1");
        Map<String, Object> state = tf.create(egress, config);
        assertThat(state).containsEntry("ip_protocol", "-1").containsEntry("from_port", null).containsEntry("to_port", null)
                .containsEntry("tags", null);
        assertThat(server.ec2().describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0).ipPermissionsEgress())
                .singleElement().satisfies(p -> assertThat(p.ipProtocol()).isEqualTo("-1"));
        assertThat(tf.changes(egress, state, config("security_group_id", groupId, "cidr_ipv4", "0.0.0.0/0", "ip_protocol", "all")))
                .isEmpty();
        tf.delete(egress, state);
        assertThat(tf.refresh(egress, state)).isEmpty();
    }

    @Test
    void exactlyOneSourceMustBeGiven() {
        assertThatThrownBy(() -> tf.create(ingress, config("security_group_id", groupId, "ip_protocol", "tcp",
                "from_port", number(22), "to_port", number(22))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Invalid Attribute Combination");
    }
}
