package io.localvpc.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.RouteTable.Route;
import io.localvpc.model.ec2.RouteTable.TargetKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Gateway endpoint routes in the longest prefix match: more specific than the default route, behind an equal static route. */
class RouteLookupPrefixListTest {
    private static final AwsPublicRanges.PrefixList S3 = new AwsPublicRanges.PrefixList("pl-00000001",
            "com.amazonaws.test-1.s3", List.of(Cidr.parse("52.216.0.0/15"), Cidr.parse("52.216.4.0/24")));
    private static final Route LOCAL = new Route(Cidr.parse("10.0.0.0/16"), TargetKind.LOCAL, "local", "CreateRouteTable");
    private static final Route DEFAULT = new Route(Cidr.ANY, TargetKind.NAT_GATEWAY, "nat-1", "CreateRoute");
    private static final Route ENDPOINT = Route.toPrefixList(S3.id(), "vpce-1");

    private static Optional<Route> lookup(List<Route> routes, String address) {
        return RouteLookup.longestMatch(routes, Ipv4.parse(address),
                id -> id.equals(S3.id()) ? Optional.of(S3) : Optional.empty());
    }

    @Test
    void the_prefix_list_route_beats_the_default_route_for_the_lists_addresses_only() {
        List<Route> routes = List.of(LOCAL, DEFAULT, ENDPOINT);
        assertThat(lookup(routes, "52.217.3.3")).contains(ENDPOINT);
        assertThat(lookup(routes, "8.8.8.8")).contains(DEFAULT);
        assertThat(lookup(routes, "10.0.1.5")).contains(LOCAL);
    }

    @Test
    void a_static_route_wins_a_tie_and_a_more_specific_one_wins_outright() {
        Route sameLength = new Route(Cidr.parse("52.216.4.0/24"), TargetKind.GATEWAY, "igw-1", "CreateRoute");
        Route moreSpecific = new Route(Cidr.parse("52.216.0.0/16"), TargetKind.GATEWAY, "igw-2", "CreateRoute");
        assertThat(lookup(List.of(ENDPOINT, sameLength), "52.216.4.9")).contains(sameLength);
        assertThat(lookup(List.of(sameLength, ENDPOINT), "52.216.4.9")).contains(sameLength);
        assertThat(lookup(List.of(ENDPOINT, moreSpecific), "52.216.9.9")).contains(moreSpecific);
        assertThat(lookup(List.of(ENDPOINT, moreSpecific), "52.217.9.9")).contains(ENDPOINT);
    }

    @Test
    void without_the_prefix_list_known_the_route_never_matches() {
        assertThat(RouteLookup.longestMatch(List.of(ENDPOINT), Ipv4.parse("52.216.4.9"))).isEmpty();
    }
}
