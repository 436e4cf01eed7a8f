package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable.Route;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.service.ec2.routing.RouteTargets;
import java.util.Optional;

/** The VPC router: the subnet's route table, longest prefix match, and the hand-off to the route's target. */
final class RouterStage {
    static final double HOP_MILLIS = 0.03;

    Step route(Step.Route r, Walk walk) {
        Topology topology = r.site().topology();
        Subnet subnet = r.subnet();
        Packet p = r.packet();
        RouteTable table = topology.routeTableOf(subnet);
        Optional<Route> match = RouteLookup.longestMatch(table.routes(), p.destination(),
                id -> AwsPublicRanges.prefixListById(r.site().region(), id));
        if (match.isEmpty()) {
            return Step.drop(Codes.NO_ROUTE_TO_DESTINATION, "Route table " + table.id() + " (" + subnet.id()
                    + ") has no route to " + p.destination() + ".", table.id());
        }
        Route route = match.get();
        String described = (route.isPrefixList() ? route.destinationPrefixListId() : route.destination().toString())
                + " → " + target(route);
        if (!RouteTargets.isActive(topology.state(), table, route)) {
            return Step.drop(Codes.BAD_STATE_ROUTE, "Route " + described + " in " + table.id()
                    + " is a blackhole: its target is gone or cannot carry traffic.", table.id());
        }
        walk.hop(table.id(), "route-table", "route", described);
        walk.addLatency(HOP_MILLIS);
        return switch (route.targetKind()) {
            case LOCAL -> topology.interfaceAt(subnet.vpcId(), p.destination())
                    .<Step>map(eni -> new Step.Arrive(r.site(), eni, p, subnet))
                    .orElseGet(() -> Step.drop(Codes.NO_INTERFACE_AT_ADDRESS, "No network interface in " + subnet.vpcId()
                            + " has the address " + p.destination() + ".", subnet.vpcId()));
            case GATEWAY -> new Step.GatewayOut(r.site(), topology.internetGatewayOf(subnet.vpcId()).orElseThrow(),
                    subnet.vpcId(), p);
            case NAT_GATEWAY -> new Step.EnterNat(r.site(), topology.natGateway(route.targetId()).orElseThrow(), p,
                    subnet, subnet.availabilityZone());
            case NETWORK_INTERFACE -> new Step.Arrive(r.site(),
                    topology.interfaceById(route.targetId()).orElseThrow(), p, subnet);
            case INSTANCE -> new Step.Arrive(r.site(), primaryInterface(topology, route.targetId()), p, subnet);
            case VPC_ENDPOINT -> new Step.ThroughGatewayEndpoint(r.site(),
                    topology.endpoint(route.targetId()).orElseThrow(), p, true);
            default -> Step.drop(Codes.UNSUPPORTED_COMPONENT, "LocalVPC does not model route targets of kind "
                    + route.targetKind() + " (" + route.targetId() + ").", table.id());
        };
    }

    private static NetworkInterface primaryInterface(Topology topology, String instanceId) {
        Instance instance = topology.instance(instanceId).orElseThrow();
        return topology.interfaceById(instance.primaryNetworkInterfaceId()).orElseThrow();
    }

    private static String target(Route route) {
        return route.targetKind() == RouteTable.TargetKind.LOCAL ? "local" : route.targetId();
    }
}
