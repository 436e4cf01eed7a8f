package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;

import io.localvpc.terraform.aws.Plain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * A route's destination and target as the provider names them, for both {@code aws_route} and
 * the {@code route} blocks of {@code aws_route_table}: one table from argument to CreateRoute /
 * ReplaceRoute parameter and to the field of a described route.
 */
final class RouteFields {
    private RouteFields() {}

    /** One destination or target argument. */
    record Field(String argument, Function<Route, String> described,
            BiConsumer<CreateRouteRequest.Builder, String> create, BiConsumer<ReplaceRouteRequest.Builder, String> replace) {}

    /** The targets, in the provider's schema order; a {@code vpce-} gateway is a VPC endpoint. */
    static final List<Field> TARGETS = List.of(
            new Field("carrier_gateway_id", Route::carrierGatewayId, CreateRouteRequest.Builder::carrierGatewayId,
                    ReplaceRouteRequest.Builder::carrierGatewayId),
            new Field("core_network_arn", Route::coreNetworkArn, CreateRouteRequest.Builder::coreNetworkArn,
                    ReplaceRouteRequest.Builder::coreNetworkArn),
            new Field("egress_only_gateway_id", Route::egressOnlyInternetGatewayId,
                    CreateRouteRequest.Builder::egressOnlyInternetGatewayId, ReplaceRouteRequest.Builder::egressOnlyInternetGatewayId),
            new Field("gateway_id", r -> isEndpoint(r) ? null : r.gatewayId(), CreateRouteRequest.Builder::gatewayId,
                    ReplaceRouteRequest.Builder::gatewayId),
            new Field("local_gateway_id", Route::localGatewayId, CreateRouteRequest.Builder::localGatewayId,
                    ReplaceRouteRequest.Builder::localGatewayId),
            new Field("nat_gateway_id", Route::natGatewayId, CreateRouteRequest.Builder::natGatewayId,
                    ReplaceRouteRequest.Builder::natGatewayId),
            new Field("network_interface_id", Route::networkInterfaceId, CreateRouteRequest.Builder::networkInterfaceId,
                    ReplaceRouteRequest.Builder::networkInterfaceId),
            new Field("transit_gateway_id", Route::transitGatewayId, CreateRouteRequest.Builder::transitGatewayId,
                    ReplaceRouteRequest.Builder::transitGatewayId),
            new Field("vpc_endpoint_id", r -> isEndpoint(r) ? r.gatewayId() : null, CreateRouteRequest.Builder::vpcEndpointId,
                    ReplaceRouteRequest.Builder::vpcEndpointId),
            new Field("vpc_peering_connection_id", Route::vpcPeeringConnectionId,
                    CreateRouteRequest.Builder::vpcPeeringConnectionId, ReplaceRouteRequest.Builder::vpcPeeringConnectionId));

    /** The destinations, under the names {@code aws_route} gives them. */
    static final List<Field> DESTINATIONS = List.of(
            new Field("destination_cidr_block", Route::destinationCidrBlock, CreateRouteRequest.Builder::destinationCidrBlock,
                    ReplaceRouteRequest.Builder::destinationCidrBlock),
            new Field("destination_ipv6_cidr_block", Route::destinationIpv6CidrBlock,
                    CreateRouteRequest.Builder::destinationIpv6CidrBlock, ReplaceRouteRequest.Builder::destinationIpv6CidrBlock),
            new Field("destination_prefix_list_id", Route::destinationPrefixListId,
                    CreateRouteRequest.Builder::destinationPrefixListId, ReplaceRouteRequest.Builder::destinationPrefixListId));

    /** The {@code route} block of {@code aws_route_table} names two destinations differently. */
    static String blockName(Field destination) {
        return switch (destination.argument()) {
            case "destination_cidr_block" -> "cidr_block";
            case "destination_ipv6_cidr_block" -> "ipv6_cidr_block";
            default -> destination.argument();
        };
    }

    /** The configured destination of a route: which one, and its value. */
    record Destination(Field field, String value) {
        boolean matches(Route route) {
            String described = field.described().apply(route);
            return described != null && Cidrs.equal(described, value);
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** The destination configured in {@code values}, read under route-block names when {@code block}. */
    static Optional<Destination> destination(Map<String, Object> values, boolean block) {
        for (Field field : DESTINATIONS) {
            String value = Ec2Resource.set(values, block ? blockName(field) : field.argument());
            if (value != null) {
                return Optional.of(new Destination(field, value));
            }
        }
        return Optional.empty();
    }

    static CreateRouteRequest create(String routeTableId, Destination destination, Map<String, Object> values) {
        CreateRouteRequest.Builder request = CreateRouteRequest.builder().routeTableId(routeTableId);
        destination.field().create().accept(request, destination.value());
        TARGETS.forEach(t -> {
            String target = Ec2Resource.set(values, t.argument());
            if (target != null) {
                t.create().accept(request, target);
            }
        });
        return request.build();
    }

    static ReplaceRouteRequest replace(String routeTableId, Destination destination, Map<String, Object> values) {
        ReplaceRouteRequest.Builder request = ReplaceRouteRequest.builder().routeTableId(routeTableId);
        destination.field().replace().accept(request, destination.value());
        TARGETS.forEach(t -> {
            String target = Ec2Resource.set(values, t.argument());
            if (target != null) {
                t.replace().accept(request, target);
            }
        });
        if ("local".equals(Plain.string(values, "gateway_id"))) {
            request.gatewayId(null).localTarget(true);
        }
        return request.build();
    }

    /** The route of {@code table} to {@code destination}, if any. */
    static Optional<Route> find(RouteTable table, Destination destination) {
        return table.routes().stream().filter(destination::matches).findFirst();
    }

    /** The targets of a described route, every one present ({@code ""} when not its target). */
    static Map<String, Object> targets(Route route) {
        Map<String, Object> out = new LinkedHashMap<>();
        TARGETS.forEach(t -> out.put(t.argument(), str(t.described().apply(route))));
        return out;
    }

    private static boolean isEndpoint(Route route) {
        return route.gatewayId() != null && route.gatewayId().startsWith("vpce-");
    }
}
