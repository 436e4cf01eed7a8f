package io.localvpc.model.ec2;

import io.localvpc.model.Cidr;
import io.localvpc.model.Resource;
import java.util.List;

/**
 * A route table with its routes and its associations (the main association, subnets, gateways).
 * Routes and associations have no life of their own, so they live inside the table.
 */
public record RouteTable(String id, String vpcId, String ownerId, List<Route> routes, List<Association> associations)
        implements Resource {

    public RouteTable {
        routes = List.copyOf(routes);
        associations = List.copyOf(associations);
    }

    /** Where a route sends traffic. Exactly one target per route, as in the API. */
    public enum TargetKind {
        LOCAL,
        GATEWAY,
        NAT_GATEWAY,
        NETWORK_INTERFACE,
        INSTANCE,
        VPC_PEERING_CONNECTION,
        TRANSIT_GATEWAY,
        EGRESS_ONLY_GATEWAY,
        CARRIER_GATEWAY,
        LOCAL_GATEWAY,
        VPC_ENDPOINT
    }

    /**
     * One route. {@code origin} is CreateRouteTable (local) or CreateRoute. The destination is an
     * IPv4 block, or (for a gateway endpoint's route) an AWS-managed prefix list, and then
     * {@code destination} is null.
     */
    public record Route(Cidr destination, TargetKind targetKind, String targetId, String origin,
            String destinationPrefixListId) {

        public Route(Cidr destination, TargetKind targetKind, String targetId, String origin) {
            this(destination, targetKind, targetId, origin, null);
        }

        /** A gateway endpoint's route to its service's prefix list. */
        public static Route toPrefixList(String prefixListId, String endpointId) {
            return new Route(null, TargetKind.VPC_ENDPOINT, endpointId, "CreateRoute", prefixListId);
        }

        public boolean isPrefixList() {
            return destinationPrefixListId != null;
        }
    }

    /** An association; {@code main} marks the VPC's main table, which has no subnet. */
    public record Association(String id, String subnetId, String gatewayId, boolean main) {}

    public boolean isMain() {
        return associations.stream().anyMatch(Association::main);
    }

    public RouteTable withRoutes(List<Route> newRoutes) {
        return new RouteTable(id, vpcId, ownerId, newRoutes, associations);
    }

    public RouteTable withAssociations(List<Association> newAssociations) {
        return new RouteTable(id, vpcId, ownerId, routes, newAssociations);
    }
}
