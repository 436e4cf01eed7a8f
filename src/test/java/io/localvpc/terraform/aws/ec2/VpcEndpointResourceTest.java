package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.LocalVpc;
import io.localvpc.LocalVpcConfig;
import io.localvpc.service.Timings;
import io.localvpc.terraform.aws.AwsProvider;
import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Unknown;
import io.localvpc.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * {@code aws_vpc_endpoint} through the provider contract against a real LocalVPC whose state
 * changes take no simulated time, so the provider's waiters see {@code available} on their first poll.
 */
class VpcEndpointResourceTest {
    private static final String REGION = "ap-northeast-1";
    private static LocalVpc localVpc;
    private static AwsContext aws;
    private static final ResourceType RESOURCE = AwsProvider.create().resource("aws_vpc_endpoint").orElseThrow();
    private static String vpc;
    private static String subnetA;
    private static String subnetC;
    private static String group;
    private static String table;

    @BeforeAll
    static void start() {
        localVpc = LocalVpc.start(LocalVpcConfig.forTests(SimClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")))
                .withTimings(Timings.withStateChange(Duration.ZERO)));
        aws = new AwsContext(localVpc.endpoint(), REGION, "123456789012", "secret", Map.of("env", "test"));
        Ec2Client ec2 = aws.ec2();
        vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(b -> b.value(true)));
        subnetA = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        subnetC = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.2.0/24").availabilityZone(REGION + "c"))
                .subnet().subnetId();
        group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("endpoints").description("https")).groupId();
        table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    @AfterAll
    static void stop() {
        aws.close();
        localVpc.close();
    }

    /** What the engine plans for a configuration over {@code prior}. */
    private static Map<String, Object> proposed(Map<String, Object> config, Map<String, Object> prior) {
        return new ProviderHarness(aws).plan(RESOURCE, prior, config);
    }

    @Test
    @SuppressWarnings("unchecked")
    void interface_endpoint_for_ssm_is_created_read_updated_and_destroyed() {
        Map<String, Object> config = config("vpc_id", vpc, "service_name", "com.amazonaws." + REGION + ".ssm",
                "vpc_endpoint_type", "Interface", "subnet_ids", List.of(subnetA), "security_group_ids", List.of(group),
                "private_dns_enabled", true, "tags", Map.of("Name", "ssm"));
        Map<String, Object> planned = proposed(config, null);
        assertThat(planned.get("tags_all")).isEqualTo(Map.of("Name", "ssm", "env", "test"));

        Map<String, Object> state = RESOURCE.create(aws, planned);
        String id = (String) state.get("id");
        assertThat(id).startsWith("vpce-");
        assertThat(state).containsEntry("state", "available")
                .containsEntry("arn", "arn:aws:ec2:" + REGION + ":123456789012:vpc-endpoint/" + id)
                .containsEntry("owner_id", "123456789012")
                .containsEntry("vpc_endpoint_type", "Interface")
                .containsEntry("private_dns_enabled", true)
                .containsEntry("requester_managed", false)
                .containsEntry("ip_address_type", "ipv4")
                .containsEntry("subnet_ids", List.of(subnetA))
                .containsEntry("security_group_ids", List.of(group))
                .containsEntry("route_table_ids", List.of())
                .containsEntry("cidr_blocks", List.of())
                .containsEntry("tags", Map.of("Name", "ssm"))
                .containsEntry("tags_all", Map.of("Name", "ssm", "env", "test"));
        assertThat(state.get("prefix_list_id")).isNull();
        assertThat((String) state.get("policy")).startsWith("{\"Version\":\"2008-10-17\"");
        assertThat((List<?>) state.get("network_interface_ids")).hasSize(1);
        assertThat(dnsNames(state)).hasSize(3).last().isEqualTo("ssm." + REGION + ".amazonaws.com");
        assertThat(state.keySet()).containsAll(RESOURCE.schema().attributes().keySet())
                .containsAll(RESOURCE.schema().blocks().keySet());

        // A refresh finds no drift.
        assertThat(RESOURCE.read(aws, state)).contains(state);

        // Another subnet and another tag: in place, with new interfaces.
        Map<String, Object> changedConfig = new LinkedHashMap<>(config);
        changedConfig.put("subnet_ids", List.of(subnetA, subnetC));
        changedConfig.put("tags", Map.of("Name", "ssm", "tier", "private"));
        Map<String, Object> replan = proposed(changedConfig, state);
        assertThat(replan.get("network_interface_ids")).isEqualTo(Unknown.VALUE);
        Map<String, Object> updated = RESOURCE.update(aws, state, replan);
        assertThat(updated).containsEntry("id", id).containsEntry("state", "available")
                .containsEntry("tags_all", Map.of("Name", "ssm", "tier", "private", "env", "test"));
        assertThat((List<Object>) updated.get("subnet_ids")).containsExactlyInAnyOrder(subnetA, subnetC);
        assertThat((List<?>) updated.get("network_interface_ids")).hasSize(2);
        assertThat(dnsNames(updated)).hasSize(4);

        // Private DNS off: the service's name leaves the entries.
        changedConfig.put("private_dns_enabled", false);
        Map<String, Object> dnsOff = RESOURCE.update(aws, updated, proposed(changedConfig, updated));
        assertThat(dnsOff).containsEntry("private_dns_enabled", false);
        assertThat(dnsNames(dnsOff)).hasSize(3).noneMatch(n -> n.equals("ssm." + REGION + ".amazonaws.com"));

        RESOURCE.delete(aws, dnsOff);
        assertThat(RESOURCE.read(aws, dnsOff)).isEmpty();
        assertThat(aws.ec2().describeNetworkInterfaces(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                .networkInterfaces()).isEmpty();
        RESOURCE.delete(aws, dnsOff); // already gone: not an error
    }

    @Test
    void gateway_endpoint_for_s3_reads_its_prefix_list_and_moves_between_route_tables() {
        Map<String, Object> config = config("vpc_id", vpc, "service_name", "com.amazonaws." + REGION + ".s3",
                "route_table_ids", List.of(table));
        Map<String, Object> state = RESOURCE.create(aws, proposed(config, null));
        assertThat(state).containsEntry("vpc_endpoint_type", "Gateway").containsEntry("private_dns_enabled", false)
                .containsEntry("route_table_ids", List.of(table)).containsEntry("dns_entry", List.of())
                .containsEntry("network_interface_ids", List.of()).containsEntry("tags_all", Map.of("env", "test"));
        assertThat((String) state.get("prefix_list_id")).startsWith("pl-");
        assertThat((List<?>) state.get("cidr_blocks")).isNotEmpty();

        String main = aws.ec2().describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build(),
                Filter.builder().name("association.main").values("true").build())).routeTables().get(0).routeTableId();
        Map<String, Object> moved = new LinkedHashMap<>(config);
        moved.put("route_table_ids", List.of(main));
        moved.put("policy", "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\", "
                + "\"Resource\": \"*\"}]}");
        Map<String, Object> updated = RESOURCE.update(aws, state, proposed(moved, state));
        assertThat(updated).containsEntry("route_table_ids", List.of(main));
        assertThat((String) updated.get("policy")).contains("s3:GetObject").doesNotContain(" ");
        assertThat(aws.ec2().describeRouteTables(r -> r.routeTableIds(main)).routeTables().get(0).routes())
                .anyMatch(r -> state.get("prefix_list_id").equals(r.destinationPrefixListId()));

        RESOURCE.delete(aws, updated);
        assertThat(RESOURCE.read(aws, updated)).isEmpty();
    }

    @Test
    void a_refused_create_reads_as_the_provider_words_it() {
        Map<String, Object> config = config("vpc_id", vpc, "service_name", "com.amazonaws." + REGION + ".nope");
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RESOURCE.create(aws, proposed(config, null)));
        assertThat(thrown).hasMessageStartingWith("creating EC2 VPC Endpoint (com.amazonaws." + REGION + ".nope): ")
                .hasMessageContaining("api error InvalidServiceName");
        assertThat(RESOURCE.schema().attributes().get("vpc_id").forceNew()).isTrue();
        assertThat(RESOURCE.schema().attributes().get("service_name").forceNew()).isTrue();
        assertThat(RESOURCE.schema().attributes().get("vpc_endpoint_type").forceNew()).isTrue();
        assertThat(RESOURCE.schema().attributes().get("subnet_ids").forceNew()).isFalse();
        assertThat(Optional.ofNullable(RESOURCE.schema().attributes().get("vpc_endpoint_type").defaultValue()))
                .contains("Gateway");
    }

    @SuppressWarnings("unchecked")
    private static List<String> dnsNames(Map<String, Object> state) {
        return ((List<Map<String, Object>>) state.get("dns_entry")).stream().map(e -> (String) e.get("dns_name")).toList();
    }
}
