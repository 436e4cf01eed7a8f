package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;
import static io.localvpc.terraform.provider.AttributeType.setOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * {@code aws_route_table}: CreateRouteTable (with a client token), the inline {@code route} set
 * created, replaced and deleted route by route, and a read that leaves out the local route and
 * propagated routes, so routes of {@code aws_route} resources show but never cause a diff
 * ({@code route} is optional and computed). Delete disassociates what is still associated first.
 */
public final class RouteTableResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    static final Schema ROUTE = routeSchema();

    public RouteTableResource() {
        super("aws_route_table", "Route Table", Schema.builder()
                .computed("arn", STRING)
                .computed("id", STRING)
                .computed("owner_id", STRING)
                .optionalComputed("propagating_vgws", setOf(STRING))
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .requiredForceNew("vpc_id", STRING)
                .block(new NestedBlock("route", NestedBlock.Nesting.SET, ROUTE, 0, 0, false, true))
                .block(Timeouts.block("create", "delete", "update"))
                .build());
    }

    private static Schema routeSchema() {
        Schema.Builder route = Schema.builder();
        List.of("carrier_gateway_id", "cidr_block", "core_network_arn", "destination_prefix_list_id", "egress_only_gateway_id",
                "gateway_id", "ipv6_cidr_block", "local_gateway_id", "nat_gateway_id", "network_interface_id",
                "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id").forEach(name -> route.optional(name, STRING));
        return route.build();
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        if (!Plain.strings(planned, "propagating_vgws").isEmpty()) {
            throw new ProviderException("creating Route Table: route propagation from virtual private gateways is not simulated by LocalVPC");
        }
        CreateRouteTableRequest.Builder request = CreateRouteTableRequest.builder()
                .clientToken("terraform-" + UUID.randomUUID())
                .vpcId(Plain.string(planned, "vpc_id"));
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.ROUTE_TABLE);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createRouteTable(request.build())).routeTable().routeTableId();
        Waits.untilFound(aws, label + " (" + id + ") create", Timeouts.of(planned, "create", TIMEOUT), () -> Ec2Find.routeTable(aws, id));
        for (Map<String, Object> route : Plain.blocks(planned, "route")) {
            createRoute(aws, id, route);
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<RouteTable> found = Ec2Find.routeTable(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RouteTable table = found.get();
        Map<String, Object> state = newState(prior);
        state.put("arn", States.arn(aws, "ec2", table.ownerId(), "route-table/" + table.routeTableId()));
        state.put("owner_id", States.str(table.ownerId()));
        state.put("propagating_vgws", States.set(table.propagatingVgws().stream().map(v -> (Object) v.gatewayId()).toList()));
        state.put("vpc_id", States.str(table.vpcId()));
        List<Object> routes = new ArrayList<>();
        for (Route route : table.routes()) {
            if (shown(route)) {
                routes.add(block(route));
            }
        }
        state.put("route", States.set(routes));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(table.tags()));
        return Optional.of(state);
    }

    /** The provider leaves out the VPC's local route, propagated routes and gateway-endpoint prefix-list routes. */
    private static boolean shown(Route route) {
        if ("local".equals(route.gatewayId()) || "EnableVgwRoutePropagation".equals(route.originAsString())) {
            return false;
        }
        return !(route.destinationPrefixListId() != null && route.gatewayId() != null && route.gatewayId().startsWith("vpce-"));
    }

    /** A described route as a {@code route} block: every field, {@code ""} where unset, in schema order. */
    private static Map<String, Object> block(Route route) {
        Map<String, Object> targets = RouteFields.targets(route);
        Map<String, Object> block = new LinkedHashMap<>();
        ROUTE.attributes().keySet().forEach(name -> block.put(name, switch (name) {
            case "cidr_block" -> States.str(route.destinationCidrBlock());
            case "ipv6_cidr_block" -> States.str(route.destinationIpv6CidrBlock());
            case "destination_prefix_list_id" -> States.str(route.destinationPrefixListId());
            default -> targets.get(name);
        }));
        return block;
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        if (!changed(prior, planned, "route")) {
            return;
        }
        String id = id(prior);
        Map<String, Map<String, Object>> before = byDestination(Plain.blocks(prior, "route"));
        Map<String, Map<String, Object>> after = byDestination(Plain.blocks(planned, "route"));
        for (var old : before.entrySet()) {
            if (!after.containsKey(old.getKey())) {
                deleteRoute(aws, id, old.getValue());
            }
        }
        for (var wanted : after.entrySet()) {
            Map<String, Object> old = before.get(wanted.getKey());
            if (old == null) {
                createRoute(aws, id, wanted.getValue());
            } else if (!old.equals(wanted.getValue())) {
                RouteFields.Destination destination = destination(wanted.getValue());
                Errors.call("updating Route in Route Table (" + id + ") with destination (" + destination + ")",
                        () -> aws.ec2().replaceRoute(RouteFields.replace(id, destination, wanted.getValue())));
            }
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        Optional<RouteTable> found = Ec2Find.routeTable(aws, id);
        if (found.isEmpty()) {
            return;
        }
        for (RouteTableAssociation association : found.get().associations()) {
            if (!Boolean.TRUE.equals(association.main())) {
                RouteTableAssociationResource.disassociate(aws, association.routeTableAssociationId());
            }
        }
        Errors.find(doing("deleting", id), Set.of("InvalidRouteTableID.NotFound"),
                () -> aws.ec2().deleteRouteTable(r -> r.routeTableId(id)));
        Waits.untilGone(aws, label + " (" + id + ") delete", Timeouts.of(state, "delete", TIMEOUT), () -> Ec2Find.routeTable(aws, id));
    }

    private static void createRoute(AwsContext aws, String routeTableId, Map<String, Object> route) {
        RouteFields.Destination destination = destination(route);
        String doing = "Route in Route Table (" + routeTableId + ") with destination (" + destination + ")";
        Errors.retrying(aws, TIMEOUT, Errors.hasCode("InvalidParameterException", "InvalidTransitGatewayID.NotFound"),
                () -> Errors.call("creating " + doing, () -> aws.ec2().createRoute(RouteFields.create(routeTableId, destination, route))));
        Waits.untilFound(aws, doing + " create", TIMEOUT,
                () -> Ec2Find.routeTable(aws, routeTableId).flatMap(t -> RouteFields.find(t, destination)));
    }

    private static void deleteRoute(AwsContext aws, String routeTableId, Map<String, Object> route) {
        RouteFields.Destination destination = destination(route);
        RouteResource.deleteRoute(aws, routeTableId, destination);
    }

    private static RouteFields.Destination destination(Map<String, Object> route) {
        return RouteFields.destination(route, true).orElseThrow(() -> new ProviderException(
                "route: one of cidr_block, ipv6_cidr_block or destination_prefix_list_id must be specified"));
    }

    private static Map<String, Map<String, Object>> byDestination(List<Map<String, Object>> routes) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        routes.forEach(r -> out.put(destination(r).value(), r));
        return out;
    }
}
