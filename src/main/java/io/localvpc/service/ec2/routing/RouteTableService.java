package io.localvpc.service.ec2.routing;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import io.localvpc.service.ec2.vpc.VpcDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationResponse;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

/**
 * Route tables and their associations. Every VPC has one main table (made with the VPC, see
 * {@link VpcDefaults}) that serves every subnet without an explicit association; a subnet has at
 * most one explicit association; the main association can move to another table but never
 * disappear. Routes are handled by {@link RouteService}.
 */
public final class RouteTableService {
    /** Route tables per VPC, the main one included (AWS's default quota). */
    public static final int ROUTE_TABLES_PER_VPC = 200;

    static final String ASSOCIATED = "associated";

    /** Filters run on the tables as the caller sees them, so derived route states filter too. */
    private static final Filters<software.amazon.awssdk.services.ec2.model.RouteTable> FILTERS =
            Filters.<software.amazon.awssdk.services.ec2.model.RouteTable>forResource(
                            software.amazon.awssdk.services.ec2.model.RouteTable::routeTableId)
                    .on("route-table-id", t -> t.routeTableId())
                    .on("vpc-id", t -> t.vpcId())
                    .on("owner-id", t -> t.ownerId())
                    .on("association.route-table-association-id",
                            t -> associations(t, RouteTableAssociation::routeTableAssociationId))
                    .on("association.route-table-id", t -> associations(t, RouteTableAssociation::routeTableId))
                    .on("association.subnet-id", t -> associations(t, RouteTableAssociation::subnetId))
                    .on("association.gateway-id", t -> associations(t, RouteTableAssociation::gatewayId))
                    .on("association.main", t -> associations(t, RouteTableAssociation::main))
                    .on("route.destination-cidr-block", t -> routes(t, Route::destinationCidrBlock))
                    .on("route.destination-ipv6-cidr-block", t -> routes(t, Route::destinationIpv6CidrBlock))
                    .on("route.destination-prefix-list-id", t -> routes(t, Route::destinationPrefixListId))
                    .on("route.gateway-id", t -> routes(t, Route::gatewayId))
                    .on("route.nat-gateway-id", t -> routes(t, Route::natGatewayId))
                    .on("route.instance-id", t -> routes(t, Route::instanceId))
                    .on("route.network-interface-id", t -> routes(t, Route::networkInterfaceId))
                    .on("route.vpc-peering-connection-id", t -> routes(t, Route::vpcPeeringConnectionId))
                    .on("route.transit-gateway-id", t -> routes(t, Route::transitGatewayId))
                    .on("route.egress-only-internet-gateway-id", t -> routes(t, Route::egressOnlyInternetGatewayId))
                    .on("route.state", t -> routes(t, Route::stateAsString))
                    .on("route.origin", t -> routes(t, Route::originAsString));

    private final CloudAccess cloud;

    public RouteTableService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateRouteTableRequest.class, this::createRouteTable)
                .on(DescribeRouteTablesRequest.class, this::describeRouteTables)
                .on(DeleteRouteTableRequest.class, this::deleteRouteTable)
                .on(AssociateRouteTableRequest.class, this::associateRouteTable)
                .on(DisassociateRouteTableRequest.class, this::disassociateRouteTable)
                .on(ReplaceRouteTableAssociationRequest.class, this::replaceRouteTableAssociation);
    }

    CreateRouteTableResponse createRouteTable(RequestContext ctx, CreateRouteTableRequest request) {
        if (request.vpcId() == null || request.vpcId().isEmpty()) {
            throw Ec2Errors.missing("vpcId");
        }
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "route-table");
        Ec2Requests.checkDryRun(request.dryRun());
        String action = "CreateRouteTable";
        return cloud.write(ctx, tx -> {
            Optional<RouteTable> earlier = ClientTokens.previous(tx, action, request.clientToken(), request)
                    .flatMap(id -> tx.find(RouteTable.class, id));
            if (earlier.isPresent()) {
                return CreateRouteTableResponse.builder()
                        .routeTable(toSdk(tx, earlier.get()))
                        .clientToken(request.clientToken())
                        .build();
            }
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            long inVpc = tx.all(RouteTable.class).stream().filter(rt -> rt.vpcId().equals(vpc.id())).count();
            if (inVpc >= ROUTE_TABLES_PER_VPC) {
                throw AwsException.badRequest("RouteTableLimitExceeded",
                        "The maximum number of route tables has been reached.");
            }
            RouteTable table = new RouteTable(Ids.ec2("rtb"), vpc.id(), ctx.accountId(),
                    List.of(new RouteTable.Route(vpc.cidrBlock(), RouteTable.TargetKind.LOCAL, "local", "CreateRouteTable")),
                    List.of());
            tx.put(table);
            tx.setTags(table.id(), tags);
            ClientTokens.remember(tx, action, request.clientToken(), request, table.id());
            return CreateRouteTableResponse.builder()
                    .routeTable(toSdk(tx, table))
                    .clientToken(request.clientToken())
                    .build();
        });
    }

    DescribeRouteTablesResponse describeRouteTables(RequestContext ctx, DescribeRouteTablesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<RouteTable> selected = Ec2Requests.selectByIds(
                state, RouteTable.class, request.routeTableIds(), Ec2Errors::routeTableNotFound);
        List<software.amazon.awssdk.services.ec2.model.RouteTable> shown =
                selected.stream().map(t -> toSdk(state, t)).toList();
        var matching = FILTERS.apply(shown, request.filters(), state);
        var page = Pages.of(matching, request.maxResults(), request.nextToken(), 5, 100);
        return DescribeRouteTablesResponse.builder()
                .routeTables(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteRouteTableResponse deleteRouteTable(RequestContext ctx, DeleteRouteTableRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            RouteTable table = find(tx, request.routeTableId());
            if (!table.associations().isEmpty()) {
                // The main table, and any table still serving a subnet or a gateway.
                throw Ec2Errors.dependencyViolation(
                        "The routeTable '" + table.id() + "' has dependencies and cannot be deleted.");
            }
            tx.remove(table);
            return DeleteRouteTableResponse.builder().build();
        });
    }

    AssociateRouteTableResponse associateRouteTable(RequestContext ctx, AssociateRouteTableRequest request) {
        boolean bySubnet = present(request.subnetId());
        boolean byGateway = present(request.gatewayId());
        if (bySubnet && byGateway) {
            throw Ec2Errors.invalidCombination("The parameter subnetId cannot be used with the parameter gatewayId");
        }
        if (!bySubnet && !byGateway) {
            throw AwsException.badRequest("MissingParameter",
                    "The request must contain exactly one of subnetId or gatewayId");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            RouteTable table = find(tx, request.routeTableId());
            RouteTable.Association association;
            if (bySubnet) {
                Subnet subnet = tx.find(Subnet.class, request.subnetId())
                        .orElseThrow(() -> Ec2Errors.subnetNotFound(request.subnetId()));
                if (!subnet.vpcId().equals(table.vpcId())) {
                    throw Ec2Errors.invalidValue("Route table " + table.id() + " and subnet " + subnet.id()
                            + " belong to different networks");
                }
                if (explicitTableOf(tx, subnet.id()).isPresent()) {
                    throw alreadyAssociated(table);
                }
                association = new RouteTable.Association(Ids.ec2("rtbassoc"), subnet.id(), null, false);
            } else {
                String gatewayId = request.gatewayId();
                if (!gatewayId.startsWith("igw-")) {
                    throw RouteTargets.gatewayNotFound(gatewayId);
                }
                InternetGateway igw = tx.find(InternetGateway.class, gatewayId)
                        .orElseThrow(() -> Ec2Errors.internetGatewayNotFound(gatewayId));
                if (!table.vpcId().equals(igw.attachedVpcId())) {
                    throw Ec2Errors.invalidValue("route table " + table.id() + " and network gateway " + igw.id()
                            + " belong to different networks");
                }
                boolean taken = tx.all(RouteTable.class).stream().flatMap(t -> t.associations().stream())
                        .anyMatch(a -> igw.id().equals(a.gatewayId()));
                if (taken) {
                    throw alreadyAssociated(table);
                }
                association = new RouteTable.Association(Ids.ec2("rtbassoc"), null, igw.id(), false);
            }
            List<RouteTable.Association> associations = new ArrayList<>(table.associations());
            associations.add(association);
            tx.put(table.withAssociations(associations));
            return AssociateRouteTableResponse.builder()
                    .associationId(association.id())
                    .associationState(associated())
                    .build();
        });
    }

    DisassociateRouteTableResponse disassociateRouteTable(RequestContext ctx, DisassociateRouteTableRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Located found = locate(tx, request.associationId());
            if (found.association().main()) {
                throw Ec2Errors.invalidValue(
                        "cannot disassociate the main route table association " + found.association().id());
            }
            tx.put(found.table().withAssociations(found.table().associations().stream()
                    .filter(a -> !a.id().equals(found.association().id())).toList()));
            return DisassociateRouteTableResponse.builder().build();
        });
    }

    ReplaceRouteTableAssociationResponse replaceRouteTableAssociation(
            RequestContext ctx, ReplaceRouteTableAssociationRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Located found = locate(tx, request.associationId());
            RouteTable target = find(tx, request.routeTableId());
            RouteTable.Association old = found.association();
            if (!target.vpcId().equals(found.table().vpcId())) {
                String what = old.main() ? "the main route table of " + found.table().vpcId()
                        : old.subnetId() != null ? "subnet " + old.subnetId() : "network gateway " + old.gatewayId();
                throw Ec2Errors.invalidValue(
                        "Route table " + target.id() + " and " + what + " belong to different networks");
            }
            RouteTable.Association moved =
                    new RouteTable.Association(Ids.ec2("rtbassoc"), old.subnetId(), old.gatewayId(), old.main());
            tx.put(found.table().withAssociations(found.table().associations().stream()
                    .filter(a -> !a.id().equals(old.id())).toList()));
            // Read the target again: it may be the table the association just left.
            RouteTable current = find(tx, target.id());
            List<RouteTable.Association> associations = new ArrayList<>(current.associations());
            if (moved.main()) {
                associations.add(0, moved);
            } else {
                associations.add(moved);
            }
            tx.put(current.withAssociations(associations));
            return ReplaceRouteTableAssociationResponse.builder()
                    .newAssociationId(moved.id())
                    .associationState(associated())
                    .build();
        });
    }

    /** The table a subnet is explicitly associated with, if any. */
    static Optional<RouteTable> explicitTableOf(StateView state, String subnetId) {
        return state.all(RouteTable.class).stream()
                .filter(t -> t.associations().stream().anyMatch(a -> subnetId.equals(a.subnetId())))
                .findFirst();
    }

    /**
     * The table whose routes a subnet's traffic follows: its explicit association, else the main
     * table of its VPC.
     */
    public static RouteTable effectiveTableOf(StateView state, Subnet subnet) {
        return explicitTableOf(state, subnet.id()).orElseGet(() -> VpcDefaults.mainRouteTable(state, subnet.vpcId()));
    }

    private record Located(RouteTable table, RouteTable.Association association) {}

    private static Located locate(Tx tx, String associationId) {
        for (RouteTable table : tx.all(RouteTable.class)) {
            for (RouteTable.Association a : table.associations()) {
                if (a.id().equals(associationId)) {
                    return new Located(table, a);
                }
            }
        }
        throw Ec2Errors.associationNotFound(associationId);
    }

    static RouteTable find(StateView state, String id) {
        return state.find(RouteTable.class, id).orElseThrow(() -> Ec2Errors.routeTableNotFound(id));
    }

    private static AwsException alreadyAssociated(RouteTable table) {
        return AwsException.badRequest("Resource.AlreadyAssociated",
                "the specified association for route table " + table.id() + " conflicts with an existing association");
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    static RouteTableAssociationState associated() {
        return RouteTableAssociationState.builder().state(ASSOCIATED).build();
    }

    static software.amazon.awssdk.services.ec2.model.RouteTable toSdk(StateView state, RouteTable table) {
        return software.amazon.awssdk.services.ec2.model.RouteTable.builder()
                .routeTableId(table.id())
                .vpcId(table.vpcId())
                .ownerId(table.ownerId())
                .routes(table.routes().stream().map(r -> RouteTargets.toSdk(state, table, r)).toList())
                .associations(table.associations().stream().map(a -> RouteTableAssociation.builder()
                                .routeTableAssociationId(a.id())
                                .routeTableId(table.id())
                                .subnetId(a.subnetId())
                                .gatewayId(a.gatewayId())
                                .main(a.main())
                                .associationState(associated())
                                .build())
                        .toList())
                .propagatingVgws(List.of())
                .tags(Ec2Tags.of(state, table.id()))
                .build();
    }

    private static <V> List<V> associations(
            software.amazon.awssdk.services.ec2.model.RouteTable table,
            java.util.function.Function<RouteTableAssociation, V> field) {
        return table.associations().stream().map(field).filter(v -> v != null).toList();
    }

    private static <V> List<V> routes(
            software.amazon.awssdk.services.ec2.model.RouteTable table, java.util.function.Function<Route, V> field) {
        return table.routes().stream().map(field).filter(v -> v != null).toList();
    }
}
