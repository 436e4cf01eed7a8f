package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Route;

/**
 * {@code aws_route}: one route of a route table, known by its table and destination. The id is
 * the provider's own ({@code r-<table id><CRC-32 of the destination>}). Create refuses a
 * destination the table already routes, then CreateRoute and a wait until the route shows.
 */
public final class RouteResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    public RouteResource() {
        super("aws_route", "Route", routeSchema());
    }

    private static Schema routeSchema() {
        return Schema.builder()
                .optional("carrier_gateway_id", STRING)
                .optional("core_network_arn", STRING)
                .optionalForceNew("destination_cidr_block", STRING)
                .optionalForceNew("destination_ipv6_cidr_block", STRING)
                .optionalForceNew("destination_prefix_list_id", STRING)
                .optional("egress_only_gateway_id", STRING)
                .optional("gateway_id", STRING)
                .computed("id", STRING)
                .computed("instance_id", STRING)
                .computed("instance_owner_id", STRING)
                .optional("local_gateway_id", STRING)
                .optional("nat_gateway_id", STRING)
                .optionalComputed("network_interface_id", STRING)
                .computed("origin", STRING)
                .requiredForceNew("route_table_id", STRING)
                .computed("state", STRING)
                .optional("transit_gateway_id", STRING)
                .optional("vpc_endpoint_id", STRING)
                .optional("vpc_peering_connection_id", STRING)
                .block(Timeouts.block("create", "delete", "update"))
                .build();
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String table = Plain.string(planned, "route_table_id");
        RouteFields.Destination destination = destination(planned);
        String what = what(table, destination);
        if (Ec2Find.routeTable(aws, table).flatMap(t -> RouteFields.find(t, destination)).isPresent()) {
            // The provider's own API-style error (5.x, SDK v1 awserr): code, colon, message.
            throw new ProviderException("RouteAlreadyExists: " + what + " already exists");
        }
        Duration timeout = Timeouts.of(planned, "create", TIMEOUT);
        Errors.retrying(aws, timeout, Errors.hasCode("InvalidParameterException", "InvalidTransitGatewayID.NotFound"),
                () -> Errors.call("creating " + what, () -> aws.ec2().createRoute(RouteFields.create(table, destination, planned))));
        Waits.untilFound(aws, what + " create", timeout, () -> find(aws, table, destination));
        return created(aws, planned, ProviderIds.route(table, destination.value()));
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        String table = Plain.string(prior, "route_table_id");
        Optional<Route> found = find(aws, table, destination(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Route route = found.get();
        Map<String, Object> state = newState(prior);
        state.putAll(RouteFields.targets(route));
        state.put("destination_cidr_block", str(route.destinationCidrBlock()));
        state.put("destination_ipv6_cidr_block", str(route.destinationIpv6CidrBlock()));
        state.put("destination_prefix_list_id", str(route.destinationPrefixListId()));
        state.put("instance_id", str(route.instanceId()));
        state.put("instance_owner_id", str(route.instanceOwnerId()));
        state.put("origin", str(route.originAsString()));
        state.put("state", str(route.stateAsString()));
        return Optional.of(state);
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String table = Plain.string(planned, "route_table_id");
        RouteFields.Destination destination = destination(planned);
        Errors.call("updating " + what(table, destination),
                () -> aws.ec2().replaceRoute(RouteFields.replace(table, destination, planned)));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        deleteRoute(aws, Plain.string(state, "route_table_id"), destination(state));
    }

    /** DeleteRoute as the provider does it: a route already gone, or the local route, is no error. */
    static void deleteRoute(AwsContext aws, String table, RouteFields.Destination destination) {
        String what = what(table, destination);
        try {
            Errors.retrying(aws, TIMEOUT, Errors.hasCode("InvalidParameterException"), () -> Errors.call("deleting " + what,
                    () -> aws.ec2().deleteRoute(r -> {
                        r.routeTableId(table);
                        switch (destination.field().argument()) {
                            case "destination_cidr_block" -> r.destinationCidrBlock(destination.value());
                            case "destination_ipv6_cidr_block" -> r.destinationIpv6CidrBlock(destination.value());
                            default -> r.destinationPrefixListId(destination.value());
                        }
                    })));
        } catch (ProviderException e) {
            String code = Errors.code(e);
            if ("InvalidRoute.NotFound".equals(code)
                    || "InvalidParameterValue".equals(code) && e.getMessage().contains("cannot remove local route")) {
                return;
            }
            throw e;
        }
        Waits.untilGone(aws, what + " delete", TIMEOUT, () -> find(aws, table, destination));
    }

    private static Optional<Route> find(AwsContext aws, String table, RouteFields.Destination destination) {
        return Ec2Find.routeTable(aws, table).flatMap(t -> RouteFields.find(t, destination));
    }

    private static RouteFields.Destination destination(Map<String, Object> values) {
        return RouteFields.destination(values, false).orElseThrow(() -> new ProviderException(
                "one of `destination_cidr_block,destination_ipv6_cidr_block,destination_prefix_list_id` must be specified"));
    }

    private static String what(String table, RouteFields.Destination destination) {
        return "Route in Route Table (" + table + ") with destination (" + destination + ")";
    }
}
