package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworkAclResourcesTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void aNetworkAclWithInlineRulesTakesSubnetsAndGivesThemBackToTheDefault() {
        Map<String, Object> vpc = tf.create("aws_vpc", config("cidr_block", "10.60.0.0/16"));
        String vpcId = (String) vpc.get("id");
        String subnet = tf.subnet(vpcId, "10.60.1.0/24");
        Map<String, Object> http = rule(100, "tcp", 80, "0.0.0.0/0");
        Map<String, Object> all = rule(100, "-1", 0, "0.0.0.0/0");
        Map<String, Object> state = tf.create("aws_network_acl", config("vpc_id", vpcId, "subnet_ids", List.of(subnet),
                "ingress", List.of(http), "egress", List.of(all), "tags", Map.of("Name", "web")));

        String id = (String) state.get("id");
        assertThat(id).startsWith("acl-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:" + tf.account() + ":network-acl/" + id)
                .containsEntry("owner_id", tf.account())
                .containsEntry("vpc_id", vpcId)
                .containsEntry("subnet_ids", List.of(subnet))
                .containsEntry("tags_all", Map.of("Name", "web", "Environment", "test"));
        assertThat(state.get("ingress")).isEqualTo(List.of(Map.of("action", "allow", "cidr_block", "0.0.0.0/0",
                "from_port", number(80), "icmp_code", number(0), "icmp_type", number(0), "ipv6_cidr_block", "",
                "protocol", "6", "rule_no", number(100), "to_port", number(80))));
        assertThat(ProviderHarness.list(state.get("egress"))).singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("protocol")).isEqualTo("-1"));

        // subnet_ids is optional and computed: only an explicit empty set takes the subnet off.
        Map<String, Object> updated = tf.update("aws_network_acl", state, config("vpc_id", vpcId, "subnet_ids", List.of(),
                "ingress", List.of(rule(100, "tcp", 443, "0.0.0.0/0")), "egress", List.of(all), "tags", Map.of("Name", "web")));
        assertThat(updated).containsEntry("subnet_ids", List.of());
        assertThat(ProviderHarness.list(updated.get("ingress"))).singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r).get("from_port")).isEqualTo(number(443)));
        assertThat(tf.ec2().describeNetworkAcls(r -> r.networkAclIds((String) vpc.get("default_network_acl_id")))
                .networkAcls().get(0).associations()).anySatisfy(a -> assertThat(a.subnetId()).isEqualTo(subnet));

        tf.delete("aws_network_acl", updated);
    }

    @Test
    void aNetworkAclRuleKeepsTheProtocolNumberAndTheProvidersId() {
        String vpc = tf.vpc("10.61.0.0/16");
        String acl = (String) tf.create("aws_network_acl", config("vpc_id", vpc)).get("id");
        Map<String, Object> config = config("network_acl_id", acl, "rule_number", number(200), "egress", false,
                "protocol", "icmp", "rule_action", "deny", "cidr_block", "10.0.0.0/8", "icmp_type", number(8), "icmp_code", number(0));

        Map<String, Object> state = tf.create("aws_network_acl_rule", config);

        assertThat(state).containsEntry("id", ProviderIds.networkAclRule(acl, 200, false, "icmp"))
                .containsEntry("protocol", "1")
                .containsEntry("rule_action", "deny")
                .containsEntry("icmp_type", number(8))
                // ICMP entries have no port range, so the read leaves the ports unset.
                .containsEntry("from_port", null)
                .containsEntry("ipv6_cidr_block", "");
        assertThat((String) state.get("id")).matches("nacl-\\d+");
        // The ACL shows the rule among its computed rules, and a plan of the ACL stays empty.
        tf.assertStable("aws_network_acl", config("vpc_id", vpc),
                tf.resource("aws_network_acl").read(tf.aws(), config("id", acl)).orElseThrow());
        assertProviderError(() -> tf.create("aws_network_acl_rule", config))
                .isEqualTo("NetworkAclEntryAlreadyExists: EC2 Network ACL (" + acl + ") Rule (egress: false)(200) already exists");
        assertProviderError(() -> tf.create("aws_network_acl_rule", config("network_acl_id", acl, "rule_number", number(300),
                "protocol", "bogus", "rule_action", "allow", "cidr_block", "10.0.0.0/8")))
                .isEqualTo("\"protocol\" : unsupported NACL protocol: bogus");

        tf.delete("aws_network_acl_rule", state);
    }

    private static Map<String, Object> rule(int number, String protocol, int port, String cidr) {
        return config("action", "allow", "cidr_block", cidr, "from_port", number(port), "protocol", protocol,
                "rule_no", number(number), "to_port", number(port));
    }
}
