package io.localvpc.service.ec2.vpc;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttributeName;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;

class ZoneApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 500000000;

    private Ec2Client freshAccount() {
        return server.ec2(String.format("%012d", ++accounts));
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    @Test
    void availability_zones_of_the_region() {
        Ec2Client ec2 = freshAccount();
        var zones = ec2.describeAvailabilityZones().availabilityZones();
        assertThat(zones).extracting(AvailabilityZone::zoneName)
                .containsExactly("ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d");
        assertThat(zones).extracting(AvailabilityZone::zoneId).containsExactly("apne1-az4", "apne1-az1", "apne1-az2");
        assertThat(zones).allSatisfy(z -> {
            assertThat(z.regionName()).isEqualTo("ap-northeast-1");
            assertThat(z.stateAsString()).isEqualTo("available");
            assertThat(z.zoneType()).isEqualTo("availability-zone");
            assertThat(z.optInStatusAsString()).isEqualTo("opt-in-not-required");
            assertThat(z.groupName()).isEqualTo("ap-northeast-1-zg-1");
            assertThat(z.groupLongName()).isEqualTo("Asia Pacific (Tokyo) 1");
            assertThat(z.networkBorderGroup()).isEqualTo("ap-northeast-1");
            assertThat(z.messages()).isEmpty();
        });
    }

    @Test
    void availability_zones_by_name_id_and_filter() {
        Ec2Client ec2 = freshAccount();
        assertThat(ec2.describeAvailabilityZones(r -> r.zoneNames("ap-northeast-1c")).availabilityZones())
                .extracting(AvailabilityZone::zoneId).containsExactly("apne1-az1");
        assertThat(ec2.describeAvailabilityZones(r -> r.zoneIds("apne1-az4")).availabilityZones())
                .extracting(AvailabilityZone::zoneName).containsExactly("ap-northeast-1a");
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-name", "ap-northeast-1d")))
                .availabilityZones()).extracting(AvailabilityZone::zoneId).containsExactly("apne1-az2");
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-id", "apne1-az1", "apne1-az2")))
                .availabilityZones()).hasSize(2);
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("state", "available"))).availabilityZones())
                .hasSize(3);
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("region-name", "us-east-1"))).availabilityZones())
                .isEmpty();
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("opt-in-status", "opt-in-not-required"),
                filter("zone-type", "availability-zone"))).availabilityZones()).hasSize(3);
        assertAwsError(() -> ec2.describeAvailabilityZones(r -> r.zoneNames("ap-northeast-1b")), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeAvailabilityZones(r -> r.filters(filter("bogus", "x"))), "InvalidParameterValue");
    }

    @Test
    void zones_follow_the_signing_region() {
        Ec2Client useast = Ec2Client.builder()
                .endpointOverride(server.localVpc().endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "secret")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        assertThat(useast.describeAvailabilityZones().availabilityZones()).extracting(AvailabilityZone::zoneName)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f");
        assertThat(useast.describeAvailabilityZones().availabilityZones().get(0).groupLongName())
                .isEqualTo("US East (N. Virginia) 1");
    }

    @Test
    void regions() {
        Ec2Client ec2 = freshAccount();
        var regions = ec2.describeRegions().regions();
        assertThat(regions).extracting(Region::regionName)
                .contains("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2");
        assertThat(regions).allSatisfy(r -> assertThat(r.endpoint()).isEqualTo("ec2." + r.regionName() + ".amazonaws.com"));
        assertThat(regions).filteredOn(r -> r.regionName().equals("ap-northeast-1"))
                .singleElement().satisfies(r -> assertThat(r.optInStatus()).isEqualTo("opt-in-not-required"));
        assertThat(ec2.describeRegions(r -> r.regionNames("eu-west-1", "us-east-2")).regions())
                .extracting(Region::regionName).containsExactlyInAnyOrder("eu-west-1", "us-east-2");
        assertThat(ec2.describeRegions(r -> r.filters(filter("region-name", "ap-*"))).regions())
                .allSatisfy(r -> assertThat(r.regionName()).startsWith("ap-"))
                .isNotEmpty();
        assertThat(ec2.describeRegions(r -> r.filters(filter("endpoint", "ec2.eu-north-1.amazonaws.com"))).regions())
                .extracting(Region::regionName).containsExactly("eu-north-1");
        assertAwsError(() -> ec2.describeRegions(r -> r.regionNames("mars-north-1")), "InvalidParameterValue");
    }

    @Test
    void account_attributes() {
        Ec2Client ec2 = freshAccount();
        Map<String, String> attributes = new LinkedHashMap<>();
        ec2.describeAccountAttributes().accountAttributes().forEach(a -> attributes.put(a.attributeName(),
                a.attributeValues().get(0).attributeValue()));
        String defaultVpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
        assertThat(attributes).containsExactly(
                Map.entry("vpc-max-security-groups-per-interface", "5"),
                Map.entry("max-instances", "20"),
                Map.entry("supported-platforms", "VPC"),
                Map.entry("default-vpc", defaultVpc),
                Map.entry("max-elastic-ips", "5"),
                Map.entry("vpc-max-elastic-ips", "5"));
        assertThat(ec2.describeAccountAttributes(r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC))
                .accountAttributes()).singleElement().satisfies(a -> {
                    assertThat(a.attributeName()).isEqualTo("default-vpc");
                    assertThat(a.attributeValues().get(0).attributeValue()).isEqualTo(defaultVpc);
                });
        assertAwsError(() -> ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("no-such-attribute")),
                "InvalidParameterValue");
    }

    @Test
    void account_attributes_say_none_without_a_default_vpc() {
        Ec2Client ec2 = freshAccount();
        String defaultVpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
        var subnets = ec2.describeSubnets(r -> r.filters(filter("vpc-id", defaultVpc))).subnets();
        subnets.forEach(s -> ec2.deleteSubnet(r -> r.subnetId(s.subnetId())));
        String igw = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", defaultVpc)))
                .internetGateways().get(0).internetGatewayId();
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(defaultVpc));
        ec2.deleteVpc(r -> r.vpcId(defaultVpc));
        assertThat(ec2.describeAccountAttributes(r -> r.attributeNames(AccountAttributeName.DEFAULT_VPC))
                .accountAttributes().get(0).attributeValues().get(0).attributeValue()).isEqualTo("none");
    }
}
