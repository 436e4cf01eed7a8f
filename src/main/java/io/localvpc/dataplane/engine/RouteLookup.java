package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.RouteTable.Route;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Longest prefix match over a route table's routes, as the VPC router does it: the most specific
 * destination block containing the address wins. A route to a prefix list (a gateway endpoint's)
 * counts with the list's block that contains the address; when it ties with a route to a block of
 * the same length, the block route wins, as AWS gives static routes priority over prefix-list
 * routes. All routes LocalVPC stores are static, so two routes of the same block cannot coexist.
 */
public final class RouteLookup {
    private RouteLookup() {}

    /** Longest match where no prefix list is known (prefix-list routes never match). */
    public static Optional<Route> longestMatch(List<Route> routes, Ipv4 destination) {
        return longestMatch(routes, destination, id -> Optional.empty());
    }

    /** Longest match, reading prefix lists through {@code prefixLists}. */
    public static Optional<Route> longestMatch(List<Route> routes, Ipv4 destination,
            Function<String, Optional<AwsPublicRanges.PrefixList>> prefixLists) {
        Route best = null;
        int bestLength = -1;
        for (Route route : routes) {
            int length = matchLength(route, destination, prefixLists);
            if (length > bestLength || (length == bestLength && length >= 0 && best.isPrefixList() && !route.isPrefixList())) {
                best = route;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The prefix length with which {@code route} matches {@code destination}, or -1 when it does not. */
    private static int matchLength(Route route, Ipv4 destination,
            Function<String, Optional<AwsPublicRanges.PrefixList>> prefixLists) {
        if (!route.isPrefixList()) {
            return route.destination().contains(destination) ? route.destination().prefixLength() : -1;
        }
        return prefixLists.apply(route.destinationPrefixListId())
                .flatMap(list -> list.cidrs().stream().filter(c -> c.contains(destination))
                        .map(c -> c.prefixLength()).max(Integer::compare))
                .orElse(-1);
    }
}
