package io.localvpc.service.ec2.routing;

import io.localvpc.api.AwsException;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable.Route;
import io.localvpc.model.ec2.RouteTable.TargetKind;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where routes point: turning the target parameters of CreateRoute / ReplaceRoute into a stored
 * target, deciding whether a stored route is {@code active} or a {@code blackhole}, and showing a
 * route as DescribeRouteTables shows it. The state is never stored: it follows from the target as
 * it is now (a NAT gateway deleted, an internet gateway detached, an interface gone), so the
 * describes and the data plane always agree.
 */
public final class RouteTargets {
    public static final String ACTIVE = "active";
    public static final String BLACKHOLE = "blackhole";

    /** NAT gateway states in which routes to it carry no traffic. */
    private static final Set<String> NAT_GONE = Set.of("deleting", "deleted", "failed");

    /** Instance states in which routes through its interface carry no traffic. */
    private static final Set<String> INSTANCE_DOWN = Set.of("stopped", "shutting-down", "terminated");

    private static final String EXACTLY_ONE = "The request must contain exactly one of gatewayId, localGatewayId, "
            + "carrierGatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId, "
            + "egressOnlyInternetGatewayId, transitGatewayId, vpcEndpointId, coreNetworkArn or instanceId";

    private RouteTargets() {}

    /** The target parameters of CreateRoute and ReplaceRoute, whichever request carried them. */
    public record Requested(
            String gatewayId,
            String natGatewayId,
            String networkInterfaceId,
            String instanceId,
            String vpcPeeringConnectionId,
            String transitGatewayId,
            String egressOnlyInternetGatewayId,
            String localGatewayId,
            String carrierGatewayId,
            String vpcEndpointId,
            String coreNetworkArn,
            String odbNetworkArn,
            boolean localTarget) {

        static Requested of(software.amazon.awssdk.services.ec2.model.CreateRouteRequest r) {
            return new Requested(r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(),
                    r.vpcPeeringConnectionId(), r.transitGatewayId(), r.egressOnlyInternetGatewayId(),
                    r.localGatewayId(), r.carrierGatewayId(), r.vpcEndpointId(), r.coreNetworkArn(), r.odbNetworkArn(),
                    false);
        }

        static Requested of(software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest r) {
            return new Requested(r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(),
                    r.vpcPeeringConnectionId(), r.transitGatewayId(), r.egressOnlyInternetGatewayId(),
                    r.localGatewayId(), r.carrierGatewayId(), r.vpcEndpointId(), r.coreNetworkArn(), r.odbNetworkArn(),
                    Boolean.TRUE.equals(r.localTarget()));
        }

        /** Which target parameters were given (an empty string counts as not given, as the SDKs send it). */
        List<String> given() {
            List<String> names = new ArrayList<>();
            add(names, "gatewayId", gatewayId);
            add(names, "natGatewayId", natGatewayId);
            add(names, "networkInterfaceId", networkInterfaceId);
            add(names, "instanceId", instanceId);
            add(names, "vpcPeeringConnectionId", vpcPeeringConnectionId);
            add(names, "transitGatewayId", transitGatewayId);
            add(names, "egressOnlyInternetGatewayId", egressOnlyInternetGatewayId);
            add(names, "localGatewayId", localGatewayId);
            add(names, "carrierGatewayId", carrierGatewayId);
            add(names, "vpcEndpointId", vpcEndpointId);
            add(names, "coreNetworkArn", coreNetworkArn);
            add(names, "odbNetworkArn", odbNetworkArn);
            if (localTarget) {
                names.add("localTarget");
            }
            return names;
        }

        private static void add(List<String> names, String name, String value) {
            if (value != null && !value.isEmpty()) {
                names.add(name);
            }
        }
    }

    /** A resolved target: what the route stores. */
    public record Target(TargetKind kind, String id) {}

    /**
     * Checks that exactly one target was given (MissingParameter for none, InvalidParameterCombination
     * for several, as EC2 answers) and that its kind is one LocalVPC models. Needs no state, so it
     * runs before the transaction.
     */
    static String checkExactlyOne(Requested requested, boolean replace) {
        List<String> given = requested.given();
        String message = replace ? EXACTLY_ONE + ", or must have localTarget set to true" : EXACTLY_ONE;
        if (given.isEmpty()) {
            throw AwsException.badRequest("MissingParameter", message);
        }
        if (given.size() > 1) {
            throw Ec2Errors.invalidCombination(message);
        }
        String name = given.get(0);
        String unmodelled = switch (name) {
            case "vpcPeeringConnectionId" -> "VPC peering connections";
            case "transitGatewayId" -> "transit gateways";
            case "egressOnlyInternetGatewayId" -> "egress-only internet gateways";
            case "localGatewayId" -> "local gateways (Outposts)";
            case "carrierGatewayId" -> "carrier gateways (Wavelength)";
            case "vpcEndpointId" -> "Gateway Load Balancer endpoints";
            case "coreNetworkArn" -> "Cloud WAN core networks";
            case "odbNetworkArn" -> "ODB networks";
            default -> null;
        };
        if (unmodelled != null) {
            throw Ec2Errors.invalidValue("LocalVPC does not model " + unmodelled + "; the parameter " + name
                    + " cannot be used as a route target. Supported targets: gatewayId (an internet gateway), "
                    + "natGatewayId, networkInterfaceId and instanceId.");
        }
        return name;
    }

    /**
     * Resolves the one target of a CreateRoute / ReplaceRoute against the table's VPC: it must exist
     * (each kind with its own NotFound code) and belong to that VPC. An instance is resolved to its
     * primary network interface, which is what AWS stores.
     */
    static Target resolve(StateView state, RouteTable table, Requested requested) {
        if (requested.localTarget()) {
            return new Target(TargetKind.LOCAL, "local");
        }
        if (present(requested.gatewayId())) {
            return resolveGateway(state, table, requested.gatewayId());
        }
        if (present(requested.natGatewayId())) {
            return resolveNat(state, table, requested.natGatewayId(), "InvalidNatGatewayID.NotFound",
                    "The natGateway ID '" + requested.natGatewayId() + "' does not exist");
        }
        if (present(requested.networkInterfaceId())) {
            NetworkInterface eni = state.find(NetworkInterface.class, requested.networkInterfaceId())
                    .orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(requested.networkInterfaceId()));
            if (!eni.vpcId().equals(table.vpcId())) {
                throw differentNetworks(table, "network interface", eni.id());
            }
            return new Target(TargetKind.NETWORK_INTERFACE, eni.id());
        }
        if (present(requested.instanceId())) {
            Instance instance = state.find(Instance.class, requested.instanceId())
                    .filter(i -> !"terminated".equals(i.state()))
                    .orElseThrow(() -> Ec2Errors.instanceNotFound(requested.instanceId()));
            if (!table.vpcId().equals(instance.vpcId())) {
                throw differentNetworks(table, "instance", instance.id());
            }
            String eniId = instance.primaryNetworkInterfaceId();
            if (eniId == null || state.find(NetworkInterface.class, eniId).isEmpty()) {
                throw AwsException.badRequest("IncorrectInstanceState",
                        "The instance '" + instance.id() + "' has no network interface to route to.");
            }
            return new Target(TargetKind.NETWORK_INTERFACE, eniId);
        }
        throw AwsException.badRequest("MissingParameter", EXACTLY_ONE);
    }

    private static Target resolveGateway(StateView state, RouteTable table, String gatewayId) {
        if (gatewayId.startsWith("igw-")) {
            InternetGateway igw = state.find(InternetGateway.class, gatewayId)
                    .orElseThrow(() -> gatewayNotFound(gatewayId));
            if (!table.vpcId().equals(igw.attachedVpcId())) {
                throw differentNetworks(table, "network gateway", igw.id());
            }
            return new Target(TargetKind.GATEWAY, igw.id());
        }
        if (gatewayId.startsWith("nat-")) {
            // EC2 takes a NAT gateway's id in GatewayId too, and files it under natGatewayId.
            return resolveNat(state, table, gatewayId, "InvalidGatewayID.NotFound",
                    "The gateway ID '" + gatewayId + "' does not exist");
        }
        // "local" is only a target in ReplaceRoute (LocalTarget); virtual private gateways and
        // endpoints are not modelled, so no such id can exist here.
        throw gatewayNotFound(gatewayId);
    }

    private static Target resolveNat(StateView state, RouteTable table, String natId, String code, String message) {
        NatGateway nat = state.find(NatGateway.class, natId)
                .filter(n -> !"deleted".equals(n.state()) && !"failed".equals(n.state()))
                .orElseThrow(() -> Ec2Errors.notFound(code, message));
        if (!nat.vpcId().equals(table.vpcId())) {
            throw differentNetworks(table, "NAT gateway", nat.id());
        }
        return new Target(TargetKind.NAT_GATEWAY, nat.id());
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    static AwsException gatewayNotFound(String id) {
        return Ec2Errors.notFound("InvalidGatewayID.NotFound", "The gateway ID '" + id + "' does not exist");
    }

    private static AwsException differentNetworks(RouteTable table, String what, String id) {
        return Ec2Errors.invalidValue("route table " + table.id() + " and " + what + " " + id
                + " belong to different networks");
    }

    /**
     * {@code active}, or {@code blackhole} when the target is gone or cannot carry traffic: a NAT
     * gateway deleting, deleted or failed; an internet gateway deleted or no longer attached to the
     * table's VPC; a network interface deleted, or whose instance is stopped or terminated.
     */
    public static String state(StateView state, RouteTable table, Route route) {
        return isActive(state, table, route) ? ACTIVE : BLACKHOLE;
    }

    public static boolean isActive(StateView state, RouteTable table, Route route) {
        return switch (route.targetKind()) {
            case LOCAL -> true;
            case GATEWAY -> state.find(InternetGateway.class, route.targetId())
                    .map(igw -> table.vpcId().equals(igw.attachedVpcId()))
                    .orElse(false);
            case NAT_GATEWAY -> state.find(NatGateway.class, route.targetId())
                    .map(nat -> !NAT_GONE.contains(nat.state()))
                    .orElse(false);
            case NETWORK_INTERFACE -> state.find(NetworkInterface.class, route.targetId())
                    .map(eni -> instanceUp(state, eni))
                    .orElse(false);
            case INSTANCE -> state.find(Instance.class, route.targetId())
                    .map(i -> !INSTANCE_DOWN.contains(i.state())
                            && state.find(NetworkInterface.class, i.primaryNetworkInterfaceId()).isPresent())
                    .orElse(false);
            case VPC_ENDPOINT -> state.find(VpcEndpoint.class, route.targetId()).map(VpcEndpoint::isLive).orElse(false);
            default -> false;
        };
    }

    private static boolean instanceUp(StateView state, NetworkInterface eni) {
        if (eni.attachment() == null || eni.attachment().instanceId() == null) {
            return true;
        }
        return state.find(Instance.class, eni.attachment().instanceId())
                .map(i -> !INSTANCE_DOWN.contains(i.state()))
                .orElse(true);
    }

    /** A route as DescribeRouteTables shows it: its target in its own field, origin, and state now. */
    public static software.amazon.awssdk.services.ec2.model.Route toSdk(StateView state, RouteTable table, Route route) {
        var out = software.amazon.awssdk.services.ec2.model.Route.builder()
                .destinationCidrBlock(route.destination() == null ? null : route.destination().toString())
                .destinationPrefixListId(route.destinationPrefixListId())
                .origin(route.origin())
                .state(state(state, table, route));
        String id = route.targetId();
        switch (route.targetKind()) {
            case LOCAL -> out.gatewayId("local");
            case GATEWAY -> out.gatewayId(id);
            case NAT_GATEWAY -> out.natGatewayId(id);
            case NETWORK_INTERFACE -> {
                out.networkInterfaceId(id);
                state.find(NetworkInterface.class, id)
                        .filter(eni -> eni.attachment() != null && eni.attachment().instanceId() != null)
                        .ifPresent(eni -> out.instanceId(eni.attachment().instanceId())
                                .instanceOwnerId(eni.attachment().instanceOwnerId() != null
                                        ? eni.attachment().instanceOwnerId()
                                        : eni.ownerId()));
            }
            case INSTANCE -> {
                out.instanceId(id);
                state.find(Instance.class, id).ifPresent(i -> out.instanceOwnerId(i.ownerId())
                        .networkInterfaceId(i.primaryNetworkInterfaceId()));
            }
            case VPC_PEERING_CONNECTION -> out.vpcPeeringConnectionId(id);
            case TRANSIT_GATEWAY -> out.transitGatewayId(id);
            case EGRESS_ONLY_GATEWAY -> out.egressOnlyInternetGatewayId(id);
            case CARRIER_GATEWAY -> out.carrierGatewayId(id);
            case LOCAL_GATEWAY -> out.localGatewayId(id);
            case VPC_ENDPOINT -> out.gatewayId(id);
        }
        return out.build();
    }
}
