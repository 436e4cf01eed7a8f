package io.localvpc.service.ec2.routing;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Cidr;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.RouteTable.Route;
import io.localvpc.model.ec2.RouteTable.TargetKind;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;

/**
 * The routes of a route table: one per destination, each with exactly one target. The local route
 * (the VPC's block, origin CreateRouteTable) cannot be removed; its target can be replaced by a NAT
 * gateway or an interface (middlebox routing) and restored with {@code LocalTarget}.
 */
public final class RouteService {
    /** Non-propagated routes per table (AWS's default quota). */
    public static final int ROUTES_PER_TABLE = 500;

    static final String ORIGIN_CREATE_ROUTE = "CreateRoute";
    static final String ORIGIN_CREATE_ROUTE_TABLE = "CreateRouteTable";

    private final CloudAccess cloud;

    public RouteService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateRouteRequest.class, this::createRoute)
                .on(DeleteRouteRequest.class, this::deleteRoute)
                .on(ReplaceRouteRequest.class, this::replaceRoute);
    }

    CreateRouteResponse createRoute(RequestContext ctx, CreateRouteRequest request) {
        Cidr destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock(),
                request.destinationPrefixListId());
        RouteTargets.Requested requested = RouteTargets.Requested.of(request);
        RouteTargets.checkExactlyOne(requested, false);
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            RouteTable table = RouteTableService.find(tx, request.routeTableId());
            if (routeTo(table, destination).isPresent()) {
                throw routeExists(destination);
            }
            RouteTargets.Target target = RouteTargets.resolve(tx, table, requested);
            checkMoreSpecificThanLocal(tx, table, destination, target);
            if (table.routes().size() >= ROUTES_PER_TABLE) {
                throw AwsException.badRequest("RouteLimitExceeded",
                        "The maximum number of routes has been reached for route table '" + table.id() + "'.");
            }
            List<Route> routes = new ArrayList<>(table.routes());
            routes.add(new Route(destination, target.kind(), target.id(), ORIGIN_CREATE_ROUTE));
            tx.put(table.withRoutes(routes));
            return CreateRouteResponse.builder().returnValue(true).build();
        });
    }

    DeleteRouteResponse deleteRoute(RequestContext ctx, DeleteRouteRequest request) {
        Cidr destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock(),
                request.destinationPrefixListId());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            RouteTable table = RouteTableService.find(tx, request.routeTableId());
            Route route = routeTo(table, destination).orElseThrow(() -> Ec2Errors.notFound("InvalidRoute.NotFound",
                    "no route with destination-cidr-block " + destination + " in route table " + table.id()));
            if (isLocal(tx, table, route)) {
                throw Ec2Errors.invalidValue(
                        "cannot remove local route " + destination + " in route table " + table.id());
            }
            tx.put(table.withRoutes(table.routes().stream().filter(r -> r != route).toList()));
            return DeleteRouteResponse.builder().build();
        });
    }

    ReplaceRouteResponse replaceRoute(RequestContext ctx, ReplaceRouteRequest request) {
        Cidr destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock(),
                request.destinationPrefixListId());
        RouteTargets.Requested requested = RouteTargets.Requested.of(request);
        if ("local".equals(request.gatewayId())) {
            // GatewayId=local is the older spelling of LocalTarget=true.
            requested = RouteTargets.Requested.of(request.toBuilder().gatewayId(null).localTarget(true).build());
        }
        RouteTargets.checkExactlyOne(requested, true);
        RouteTargets.Requested target = requested;
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            RouteTable table = RouteTableService.find(tx, request.routeTableId());
            Route existing = routeTo(table, destination).orElseThrow(() -> Ec2Errors.notFound("InvalidRoute.NotFound",
                    "There is no route defined for '" + destination + "' in the route table. Use CreateRoute instead."));
            boolean local = isLocal(tx, table, existing);
            RouteTargets.Target resolved = RouteTargets.resolve(tx, table, target);
            if (resolved.kind() == TargetKind.LOCAL && !local) {
                throw Ec2Errors.invalidValue("The route " + destination + " in route table " + table.id()
                        + " is not a local route, so it cannot target local.");
            }
            if (local && resolved.kind() != TargetKind.LOCAL && resolved.kind() != TargetKind.NAT_GATEWAY
                    && resolved.kind() != TargetKind.NETWORK_INTERFACE) {
                throw Ec2Errors.invalidValue("The local route " + destination + " in route table " + table.id()
                        + " can target only local, a NAT gateway or a network interface.");
            }
            if (!local) {
                checkMoreSpecificThanLocal(tx, table, destination, resolved);
            }
            Route replaced = new Route(destination, resolved.kind(), resolved.id(), existing.origin());
            tx.put(table.withRoutes(table.routes().stream().map(r -> r == existing ? replaced : r).toList()));
            return ReplaceRouteResponse.builder().build();
        });
    }

    /** Only IPv4 destinations are modelled; the block must be in canonical form, as EC2 requires. */
    private static Cidr destination(String cidrBlock, String ipv6CidrBlock, String prefixListId) {
        if (present(prefixListId)) {
            // The only prefix-list routes are gateway endpoints' own, which only the endpoint changes.
            throw Ec2Errors.invalidValue("The route to " + prefixListId + " belongs to a gateway VPC endpoint: change "
                    + "its route tables with ModifyVpcEndpoint. LocalVPC does not model customer-managed prefix lists.");
        }
        if (present(ipv6CidrBlock)) {
            throw Ec2Errors.invalidValue(
                    "LocalVPC models IPv4 routes only; use destinationCidrBlock instead of destinationIpv6CidrBlock.");
        }
        if (!present(cidrBlock)) {
            throw AwsException.badRequest("MissingParameter", "The request must contain exactly one of "
                    + "destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId");
        }
        return Cidr.tryParse(cidrBlock).orElseThrow(() -> Ec2Errors.invalidValue(
                "Value (" + cidrBlock + ") for parameter destinationCidrBlock is invalid. This is not a valid CIDR block."));
    }

    static Optional<Route> routeTo(RouteTable table, Cidr destination) {
        return table.routes().stream().filter(r -> destination.equals(r.destination())).findFirst();
    }

    /** The VPC's own route: its block, made with the table (whatever its target is now). */
    private static boolean isLocal(StateView state, RouteTable table, Route route) {
        if (route.targetKind() == TargetKind.LOCAL || ORIGIN_CREATE_ROUTE_TABLE.equals(route.origin())) {
            return true;
        }
        return state.find(Vpc.class, table.vpcId()).map(v -> v.cidrBlock().equals(route.destination())).orElse(false);
    }

    /**
     * A destination inside the VPC's block is allowed only for middlebox routing: exactly a subnet's
     * block, through a NAT gateway or a network interface.
     */
    private static void checkMoreSpecificThanLocal(
            StateView state, RouteTable table, Cidr destination, RouteTargets.Target target) {
        Vpc vpc = state.find(Vpc.class, table.vpcId()).orElse(null);
        if (vpc == null || !vpc.cidrBlock().contains(destination)) {
            return;
        }
        boolean middlebox = target.kind() == TargetKind.NAT_GATEWAY || target.kind() == TargetKind.NETWORK_INTERFACE;
        boolean subnetBlock = state.all(Subnet.class).stream()
                .anyMatch(s -> s.vpcId().equals(vpc.id()) && s.cidrBlock().equals(destination));
        if (!middlebox || !subnetBlock) {
            throw Ec2Errors.invalidValue("The destination CIDR block " + destination
                    + " is equal to or more specific than one of this VPC's CIDR blocks. This route can target only "
                    + "a NAT gateway or a network interface, and only for a destination equal to a subnet's CIDR block.");
        }
    }

    private static AwsException routeExists(Cidr destination) {
        return AwsException.badRequest("RouteAlreadyExists",
                "The route identified by " + destination + " already exists.");
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
