package io.localvpc.dataplane.internet;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Ipv4;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prefix lists and the simulated endpoints agree, and no two regions share addresses. */
class AwsPublicRangesTest {

    @Test
    void each_gateway_service_answers_inside_its_prefix_list_and_nowhere_else() {
        SimulatedInternet internet = new SimulatedInternet();
        Set<Ipv4> seen = new HashSet<>();
        for (String region : RoundTripTimes.regions()) {
            for (String service : AwsPublicRanges.SERVICES) {
                Ipv4 address = internet.lookup(service + "." + region + ".amazonaws.com").orElseThrow();
                assertThat(AwsPublicRanges.endpointAddress(region, service)).contains(address);
                assertThat(seen.add(address)).as("%s in %s has an address of its own", service, region).isTrue();
                assertThat(internet.hostAt(address).exists()).isTrue();
                for (AwsPublicRanges.PrefixList list : AwsPublicRanges.prefixLists(region)) {
                    assertThat(list.contains(address)).as("%s of %s in %s", service, region, list.name())
                            .isEqualTo(list.name().equals("com.amazonaws." + region + "." + service));
                }
            }
        }
    }

    @Test
    void prefix_lists_are_found_by_id() {
        AwsPublicRanges.PrefixList s3 = AwsPublicRanges.prefixList("eu-west-1", "s3").orElseThrow();
        assertThat(AwsPublicRanges.prefixListById("eu-west-1", s3.id())).contains(s3);
        assertThat(AwsPublicRanges.prefixListById("us-east-1", s3.id())).isEmpty();
        assertThat(AwsPublicRanges.prefixList("eu-west-1", "ssm")).isEmpty();
    }
}
