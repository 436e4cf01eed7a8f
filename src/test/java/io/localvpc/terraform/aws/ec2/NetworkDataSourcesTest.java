package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NetworkDataSourcesTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    @RegisterExtension
    final ProviderHarness tf = ProviderHarness.accountPerTest(server);

    @Test
    void availabilityZonesAreTheRegionsSortedByNameLessTheExcludedOnes() {
        Map<String, Object> zones = tf.read("aws_availability_zones", config("state", "available"));
        assertThat(zones).containsEntry("id", "ap-northeast-1");
        assertThat(ProviderHarness.list(zones.get("names"))).containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(ProviderHarness.list(zones.get("zone_ids"))).hasSize(3).allSatisfy(id -> assertThat((String) id).startsWith("apne1-az"));
        assertThat(ProviderHarness.list(zones.get("group_names"))).singleElement().satisfies(g -> assertThat((String) g).startsWith("ap-northeast-1"));

        Map<String, Object> fewer = tf.read("aws_availability_zones", config("exclude_names", List.of("ap-northeast-1a"),
                "filter", List.of(filter("zone-name", "ap-northeast-1a", "ap-northeast-1c"))));
        assertThat(ProviderHarness.list(fewer.get("names"))).containsExactly("ap-northeast-1c");
    }

    @Test
    void theRegionIsTheProvidersOrTheOneNamed() {
        assertThat(tf.read("aws_region", config())).containsEntry("id", "ap-northeast-1").containsEntry("name", "ap-northeast-1")
                .containsEntry("description", "Asia Pacific (Tokyo)")
                .containsEntry("endpoint", "ec2.ap-northeast-1.amazonaws.com");
        assertThat(tf.read("aws_region", config("name", "eu-west-1"))).containsEntry("description", "Europe (Ireland)");
        assertThat(tf.read("aws_region", config("endpoint", "ec2.eu-west-2.amazonaws.com"))).containsEntry("name", "eu-west-2");
        assertProviderError(() -> tf.read("aws_region", config("name", "mars-north-1")))
                .isEqualTo("region not found for name: mars-north-1");
    }

    @Test
    void theCallerIdentityIsTheCredentialsAccount() {
        Map<String, Object> identity = tf.read("aws_caller_identity", config());
        assertThat(identity).containsEntry("account_id", tf.account()).containsEntry("id", tf.account());
        assertThat((String) identity.get("arn")).startsWith("arn:aws:").contains(tf.account());
        assertThat((String) identity.get("user_id")).isNotEmpty();
    }

    @Test
    void aVpcIsFoundByIdTagsFiltersOrAsTheDefault() {
        Map<String, Object> created = tf.create("aws_vpc", config("cidr_block", "10.80.0.0/16", "tags", Map.of("Name", "lookup")));
        String id = (String) created.get("id");

        Map<String, Object> byTags = tf.read("aws_vpc", config("tags", Map.of("Name", "lookup")));
        assertThat(byTags).containsEntry("id", id)
                .containsEntry("arn", created.get("arn"))
                .containsEntry("cidr_block", "10.80.0.0/16")
                .containsEntry("default", false)
                .containsEntry("enable_dns_support", true)
                .containsEntry("instance_tenancy", "default")
                .containsEntry("main_route_table_id", created.get("main_route_table_id"))
                .containsEntry("state", "available")
                .containsEntry("tags", Map.of("Name", "lookup", "Environment", "test"));
        assertThat(ProviderHarness.list(byTags.get("cidr_block_associations"))).singleElement()
                .satisfies(a -> assertThat(((Map<?, ?>) a).get("cidr_block")).isEqualTo("10.80.0.0/16"));
        assertThat(tf.read("aws_vpc", config("id", id))).containsEntry("cidr_block", "10.80.0.0/16");
        assertThat(tf.read("aws_vpc", config("filter", List.of(filter("cidr", "10.80.0.0/16"))))).containsEntry("id", id);
        assertThat(tf.read("aws_vpc", config("default", true))).containsEntry("default", true).doesNotContainEntry("id", id);

        assertProviderError(() -> tf.read("aws_vpc", config("tags", Map.of("Name", "nowhere"))))
                .isEqualTo("no matching EC2 VPC found");
        assertProviderError(() -> tf.read("aws_vpc", config("state", "available")))
                .isEqualTo("multiple EC2 VPCs matched; use additional constraints to reduce matches to a single EC2 VPC");
    }

    @Test
    void aSubnetIsFoundByItsArgumentsAndSubnetsListsTheMatches() {
        String vpc = tf.vpc("10.81.0.0/16");
        Map<String, Object> created = tf.create("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.81.1.0/24",
                "availability_zone", "ap-northeast-1c", "tags", Map.of("Tier", "app")));
        String id = (String) created.get("id");
        tf.subnet(vpc, "10.81.2.0/24");

        Map<String, Object> found = tf.read("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.81.1.0/24"));
        assertThat(found).containsEntry("id", id)
                .containsEntry("arn", created.get("arn"))
                .containsEntry("availability_zone", "ap-northeast-1c")
                .containsEntry("availability_zone_id", created.get("availability_zone_id"))
                .containsEntry("default_for_az", false)
                .containsEntry("map_public_ip_on_launch", false)
                .containsEntry("state", "available")
                .containsEntry("tags", Map.of("Tier", "app", "Environment", "test"))
                .doesNotContainKey("tags_all");
        assertThat((java.math.BigDecimal) found.get("available_ip_address_count")).isPositive();
        assertThat(tf.read("aws_subnet", config("id", id))).containsEntry("cidr_block", "10.81.1.0/24");
        assertThat(tf.read("aws_subnet", config("tags", Map.of("Tier", "app")))).containsEntry("id", id);
        assertProviderError(() -> tf.read("aws_subnet", config("vpc_id", vpc, "cidr_block", "10.81.9.0/24")))
                .isEqualTo("no matching EC2 Subnet found");
        assertProviderError(() -> tf.read("aws_subnet", config("vpc_id", vpc)))
                .isEqualTo("multiple EC2 Subnets matched; use additional constraints to reduce matches to a single EC2 Subnet");

        Map<String, Object> subnets = tf.read("aws_subnets", config("filter", List.of(filter("vpc-id", vpc))));
        assertThat(subnets).containsEntry("id", "ap-northeast-1");
        assertThat(ProviderHarness.list(subnets.get("ids"))).hasSize(2).contains(id);
        assertThat(ProviderHarness.list(tf.read("aws_subnets", config("tags", Map.of("Tier", "app"))).get("ids"))).containsExactly(id);
        assertThat(ProviderHarness.list(tf.read("aws_subnets", config("tags", Map.of("Tier", "none"))).get("ids"))).isEmpty();
    }
}
