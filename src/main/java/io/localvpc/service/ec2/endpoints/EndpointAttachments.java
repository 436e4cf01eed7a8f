package io.localvpc.service.ec2.endpoints;

import io.localvpc.api.AwsException;
import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.addressing.NatGatewayService;
import io.localvpc.service.ec2.addressing.NetworkInterfaceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an endpoint puts into its VPC and takes out again: an interface endpoint's requester-managed
 * network interface in each of its subnets, a gateway endpoint's route to its service's prefix
 * list in each of its route tables. Also the checks on the subnets, groups and tables a request names.
 */
final class EndpointAttachments {
    private EndpointAttachments() {}

    /** The subnets a request names: existing, in the endpoint's VPC, at most one per availability zone (counting {@code kept}). */
    static List<Subnet> subnets(StateView state, String vpcId, List<String> ids, List<String> kept) {
        Set<String> zones = new HashSet<>();
        for (String id : kept) {
            state.find(Subnet.class, id).ifPresent(s -> zones.add(s.availabilityZone()));
        }
        List<Subnet> subnets = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Subnet subnet = state.find(Subnet.class, id).orElseThrow(() -> Ec2Errors.subnetNotFound(id));
            if (!subnet.vpcId().equals(vpcId)) {
                throw AwsException.badRequest("InvalidParameter",
                        "The subnet ID '" + id + "' does not belong to the VPC '" + vpcId + "'.");
            }
            if (kept.contains(id)) {
                throw AwsException.badRequest("InvalidParameter",
                        "The VPC endpoint is already in the subnet '" + id + "'.");
            }
            if (!zones.add(subnet.availabilityZone())) {
                throw AwsException.badRequest("DuplicateSubnetsInSameZone", "Found another VPC endpoint subnet in the "
                        + "availability zone of " + id + ". VPC endpoint subnets should be in different availability "
                        + "zones supported by the VPC endpoint service.");
            }
            subnets.add(subnet);
        }
        return subnets;
    }

    /** The security groups a request names: existing, in the endpoint's VPC, at most five (as for any interface). */
    static List<String> groups(StateView state, String vpcId, List<String> ids) {
        return NetworkInterfaceService.validGroups(state, vpcId, "VPC " + vpcId, ids);
    }

    /** The route tables a request names: existing, in the endpoint's VPC, without a route to the prefix list yet. */
    static List<RouteTable> routeTables(StateView state, String vpcId, List<String> ids, String prefixListId) {
        List<RouteTable> tables = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            RouteTable table = state.find(RouteTable.class, id).orElseThrow(() -> Ec2Errors.routeTableNotFound(id));
            if (!table.vpcId().equals(vpcId)) {
                throw AwsException.badRequest("InvalidParameter",
                        "The route table " + id + " does not belong to the VPC " + vpcId + ".");
            }
            if (table.routes().stream().anyMatch(r -> prefixListId.equals(r.destinationPrefixListId()))) {
                throw AwsException.badRequest("RouteAlreadyExists", "route table " + id
                        + " already has a route with destination-prefix-list-id " + prefixListId);
            }
            tables.add(table);
        }
        return tables;
    }

    /** The prefix list a gateway endpoint routes to. */
    static String prefixListId(VpcEndpoint endpoint) {
        return AwsPublicRanges.prefixList(endpoint.serviceRegion(), endpoint.shortServiceName()).orElseThrow().id();
    }

    /** Puts the endpoint's interface into {@code subnet}, guarded by {@code groups}. */
    static NetworkInterface placeInterface(Tx tx, String endpointId, Subnet subnet, List<String> groups, Instant now) {
        NetworkInterfaceService.Spec spec = new NetworkInterfaceService.Spec(subnet.ownerId(),
                "VPC Endpoint Interface " + endpointId, "vpc_endpoint", true, NatGatewayService.AWS_OWNER, groups, true,
                new NetworkInterface.Attachment(Ids.ec2("ela-attach"), null, NatGatewayService.AWS_OWNER, 1, "attached",
                        now, false));
        return NetworkInterfaceService.create(tx, subnet, spec, null, List.of(), 0);
    }

    static void removeInterface(Tx tx, PublicIpPool pool, String eniId) {
        tx.find(NetworkInterface.class, eniId).ifPresent(eni -> NetworkInterfaceService.remove(tx, pool, eni));
    }

    /** Gives each of the endpoint's interfaces the endpoint's groups. */
    static void regroupInterfaces(Tx tx, VpcEndpoint endpoint) {
        for (String eniId : endpoint.networkInterfaceIds()) {
            tx.find(NetworkInterface.class, eniId).ifPresent(eni -> tx.put(eni.withGroups(endpoint.groupIds())));
        }
    }

    static void addRoute(Tx tx, RouteTable table, VpcEndpoint endpoint) {
        List<RouteTable.Route> routes = new ArrayList<>(table.routes());
        routes.add(RouteTable.Route.toPrefixList(prefixListId(endpoint), endpoint.id()));
        tx.put(table.withRoutes(routes));
    }

    static void removeRoute(Tx tx, String tableId, VpcEndpoint endpoint) {
        tx.find(RouteTable.class, tableId).ifPresent(table -> tx.put(table.withRoutes(table.routes().stream()
                .filter(r -> !(r.targetKind() == RouteTable.TargetKind.VPC_ENDPOINT && endpoint.id().equals(r.targetId())))
                .toList())));
    }

    /** Takes everything the endpoint put into the VPC out again. */
    static void detachAll(Tx tx, PublicIpPool pool, VpcEndpoint endpoint) {
        endpoint.networkInterfaceIds().forEach(id -> removeInterface(tx, pool, id));
        endpoint.routeTableIds().forEach(id -> removeRoute(tx, id, endpoint));
    }
}
