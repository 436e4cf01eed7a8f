package io.localvpc.dataplane.engine;

import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.RouteTable.Route;
import java.util.List;
import java.util.Optional;

/**
 * Longest prefix match over a route table's routes, as the VPC router does it: the most specific
 * destination block containing the address wins. All routes LocalVPC stores are static, so two
 * routes of the same prefix cannot coexist (CreateRoute refuses a duplicate destination).
 */
public final class RouteLookup {
    private RouteLookup() {}

    public static Optional<Route> longestMatch(List<Route> routes, Ipv4 destination) {
        Route best = null;
        for (Route route : routes) {
            if (route.destination().contains(destination)
                    && (best == null || route.destination().prefixLength() > best.destination().prefixLength())) {
                best = route;
            }
        }
        return Optional.ofNullable(best);
    }
}
