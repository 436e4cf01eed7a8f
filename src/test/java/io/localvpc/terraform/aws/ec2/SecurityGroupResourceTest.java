package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.Networks;
import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

class SecurityGroupResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    static ProviderHarness tf;
    static Networks net;
    final SecurityGroupResource groups = new SecurityGroupResource();
    final SecurityGroupRuleResource rules = new SecurityGroupRuleResource();

    @BeforeAll
    static void setUp() {
        tf = new ProviderHarness(server, Map.of("Project", "hands-on"));
        net = Networks.create(server);
    }

    private SecurityGroup described(String id) {
        return server.ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
    }

    @Test
    void createRemovesTheDefaultEgressAndStoresWhatTheProviderStores() {
        Map<String, Object> config = config("name", "egress-only", "vpc_id", net.vpc(), "tags", Map.of("Name", "egress-only"));
        Map<String, Object> state = tf.create(groups, config);

        String id = (String) state.get("id");
        assertThat(id).startsWith("sg-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:000000000000:security-group/" + id)
                .containsEntry("description", "Managed by Terraform")
                .containsEntry("name", "egress-only")
                .containsEntry("name_prefix", "")
                .containsEntry("owner_id", "000000000000")
                .containsEntry("vpc_id", net.vpc())
                .containsEntry("revoke_rules_on_delete", false)
                .containsEntry("ingress", List.of())
                .containsEntry("egress", List.of())
                .containsEntry("tags", Map.of("Name", "egress-only"))
                .containsEntry("tags_all", Map.of("Name", "egress-only", "Project", "hands-on"));
        assertThat(described(id).ipPermissionsEgress()).isEmpty();
        assertThat(tf.changes(groups, state, config)).isEmpty();
    }

    @Test
    void aRuleResourceAddsEgressThatTheGroupShowsWithoutPlanningToRemoveIt() {
        Map<String, Object> groupConfig = config("name", "with-rule", "vpc_id", net.vpc());
        Map<String, Object> group = tf.create(groups, groupConfig);
        String id = (String) group.get("id");
        // The hands-on's rule: protocol -1 written as a number, ports 0.
        Map<String, Object> ruleConfig = config("type", "egress", "security_group_id", id, "protocol", number(-1),
                "from_port", number(0), "to_port", number(0), "cidr_blocks", List.of("0.0.0.0/0"));
        Map<String, Object> rule = tf.create(rules, ruleConfig);

        assertThat((String) rule.get("id")).matches("sgrule-\\d+");
        assertThat((String) rule.get("security_group_rule_id")).startsWith("sgr-");
        assertThat(rule).containsEntry("protocol", "-1").containsEntry("self", false);
        assertThat(tf.changes(rules, rule, ruleConfig)).isEmpty();

        Map<String, Object> refreshed = tf.refresh(groups, group).orElseThrow();
        assertThat(refreshed.get("egress")).isEqualTo(List.of(Map.of("cidr_blocks", List.of("0.0.0.0/0"), "description", "",
                "from_port", number(0), "ipv6_cidr_blocks", List.of(), "prefix_list_ids", List.of(), "protocol", "-1",
                "security_groups", List.of(), "self", false, "to_port", number(0))));
        assertThat(tf.changes(groups, refreshed, groupConfig)).isEmpty();

        tf.delete(rules, rule);
        assertThat(described(id).ipPermissionsEgress()).isEmpty();
        assertThat(tf.refresh(rules, rule)).isEmpty();
    }

    @Test
    void theRuleIdIsTheProvidersHash() {
        // The provider's id for this rule, computed from "sg-0123-22-22-tcp-ingress-10.0.0.0/16-".
        var permission = software.amazon.awssdk.services.ec2.model.IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .ipRanges(r -> r.cidrIp("10.0.0.0/16")).build();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("sg-0123-22-22-tcp-ingress-10.0.0.0/16-".getBytes());
        assertThat(SecurityGroupRuleResource.createId("sg-0123", "ingress", permission)).isEqualTo("sgrule-" + crc.getValue());
    }

    @Test
    void inlineRulesAreAuthorizedUpdatedInPlaceAndRoundTrip() {
        Map<String, Object> ssh = Map.of("protocol", "tcp", "from_port", number(22), "to_port", number(22),
                "cidr_blocks", List.of("10.0.0.0/16", "192.168.0.0/24"), "description", "ssh");
        Map<String, Object> all = Map.of("protocol", "all", "from_port", number(0), "to_port", number(0),
                "cidr_blocks", List.of("0.0.0.0/0"));
        Map<String, Object> config = config("name_prefix", "web-", "vpc_id", net.vpc(), "ingress", List.of(ssh), "egress", List.of(all));
        Map<String, Object> state = tf.create(groups, config);
        String id = (String) state.get("id");

        assertThat((String) state.get("name")).startsWith("web-").hasSize(4 + 26);
        assertThat(state).containsEntry("name_prefix", "web-");
        assertThat(described(id).ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("tcp");
            assertThat(p.ipRanges()).extracting(r -> r.cidrIp() + " " + r.description())
                    .containsExactlyInAnyOrder("10.0.0.0/16 ssh", "192.168.0.0/24 ssh");
        });
        assertThat(described(id).ipPermissionsEgress()).singleElement().satisfies(p -> assertThat(p.ipProtocol()).isEqualTo("-1"));
        assertThat(state.get("egress")).asList().singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("protocol", "-1");
        assertThat(tf.changes(groups, state, config)).isEmpty();

        Map<String, Object> https = Map.of("protocol", "6", "from_port", number(443), "to_port", number(443),
                "cidr_blocks", List.of("0.0.0.0/0"));
        Map<String, Object> changed = config("name_prefix", "web-", "vpc_id", net.vpc(), "ingress", List.of(https),
                "egress", List.of(all));
        var changes = tf.changes(groups, state, changed);
        assertThat(changes).containsExactly("ingress");
        assertThat(tf.replaces(groups, state, changed)).isFalse();
        Map<String, Object> updated = tf.update(groups, state, changed);
        assertThat(described(id).ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(443);
            assertThat(p.ipProtocol()).isEqualTo("tcp");
        });
        assertThat(tf.changes(groups, updated, changed)).isEmpty();

        assertThat(tf.replaces(groups, updated, config("name", "other", "vpc_id", net.vpc(), "ingress", List.of(https),
                "egress", List.of(all)))).isTrue();

        tf.delete(groups, updated);
        assertThat(tf.refresh(groups, updated)).isEmpty();
    }

    @Test
    void protocolAllWithPortsIsRefusedAsTheProviderRefusesIt() {
        Map<String, Object> bad = Map.of("protocol", "-1", "from_port", number(0), "to_port", number(65535),
                "cidr_blocks", List.of("0.0.0.0/0"));
        assertThatThrownBy(() -> tf.create(groups, config("name", "bad", "vpc_id", net.vpc(), "egress", List.of(bad))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("from_port (0) and to_port (65535) must both be 0 to use the 'ALL' \"-1\" protocol!");
    }

    @Test
    void aBadVpcIsReportedWithTheApiError() {
        assertThatThrownBy(() -> tf.create(groups, config("name", "lost", "vpc_id", "vpc-0000000000000dead")))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("creating Security Group (lost): operation error EC2: CreateSecurityGroup, https response error StatusCode: 400")
                .hasMessageContaining("api error InvalidVpcID.NotFound");
    }

    @Test
    void revokeRulesOnDeleteLetsAGroupReferencedByAnotherGo() {
        Map<String, Object> a = tf.create(groups, config("name", "a", "vpc_id", net.vpc(), "revoke_rules_on_delete", true));
        String aId = (String) a.get("id");
        Map<String, Object> b = tf.create(groups, config("name", "b", "vpc_id", net.vpc(), "ingress", List.of(Map.of(
                "protocol", "tcp", "from_port", number(80), "to_port", number(80), "security_groups", List.of(aId)))));
        Map<String, Object> self = tf.create(rules, config("type", "ingress", "security_group_id", aId, "protocol", "tcp",
                "from_port", number(443), "to_port", number(443), "self", true));
        assertThat(self).containsEntry("self", true);
        assertThat(tf.changes(rules, self, config("type", "ingress", "security_group_id", aId, "protocol", "tcp",
                "from_port", number(443), "to_port", number(443), "self", true))).isEmpty();
        assertThat(tf.refresh(groups, b).orElseThrow().get("ingress")).asList().singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("security_groups", List.of(aId));
        tf.delete(groups, b);
        tf.delete(groups, a);
        assertThat(tf.refresh(groups, a)).isEmpty();
    }
}
