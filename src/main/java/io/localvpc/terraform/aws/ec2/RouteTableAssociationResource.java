package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * {@code aws_route_table_association}: a subnet or gateway associated with a route table, known by
 * the association id; a new table is swapped in with ReplaceRouteTableAssociation, which gives a new id.
 */
public final class RouteTableAssociationResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Waits.States<RouteTableAssociation> ASSOCIATING = new Waits.States<>(
            RouteTableAssociationResource::state, Set.of("associating"), Set.of("associated"), a -> a.associationState().statusMessage());

    public RouteTableAssociationResource() {
        super("aws_route_table_association", "Route Table Association", Schema.builder()
                .optionalForceNew("gateway_id", STRING)
                .computed("id", STRING)
                .required("route_table_id", STRING)
                .optionalForceNew("subnet_id", STRING)
                .block(Timeouts.block("create", "delete", "update"))
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String table = Plain.string(planned, "route_table_id");
        String id = Errors.retrying(aws, Timeouts.of(planned, "create", TIMEOUT), Errors.hasCode("InvalidRouteTableID.NotFound"),
                () -> Errors.call("creating Route Table (" + table + ") Association", () -> aws.ec2().associateRouteTable(r -> r
                        .routeTableId(table).subnetId(set(planned, "subnet_id")).gatewayId(set(planned, "gateway_id")))))
                .associationId();
        awaitAssociated(aws, id, "create");
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<RouteTableAssociation> found = find(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RouteTableAssociation association = found.get();
        Map<String, Object> state = newState(prior);
        state.put("gateway_id", str(association.gatewayId()));
        state.put("route_table_id", str(association.routeTableId()));
        state.put("subnet_id", str(association.subnetId()));
        return Optional.of(state);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        return created(aws, planned, replace(aws, label, id(prior), Plain.string(planned, "route_table_id")));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        disassociate(aws, id(state));
    }

    /** ReplaceRouteTableAssociation and the wait for the new association; answers its id. */
    static String replace(AwsContext aws, String label, String associationId, String routeTableId) {
        String id = Errors.call("updating " + label + " (" + associationId + ")", () -> aws.ec2().replaceRouteTableAssociation(r -> r
                .associationId(associationId).routeTableId(routeTableId))).newAssociationId();
        awaitAssociated(aws, id, "update");
        return id;
    }

    /** DisassociateRouteTable and the wait until the association is gone; one already gone is no error. */
    static void disassociate(AwsContext aws, String associationId) {
        if (Errors.find("deleting Route Table Association (" + associationId + ")", Set.of("InvalidAssociationID.NotFound"),
                () -> aws.ec2().disassociateRouteTable(r -> r.associationId(associationId))).isEmpty()) {
            return;
        }
        Waits.forState(aws, "Route Table Association (" + associationId + ") delete", TIMEOUT, () -> find(aws, associationId),
                new Waits.States<>(RouteTableAssociationResource::state, Set.of("disassociating", "associated"), Set.of(), null));
    }

    private static void awaitAssociated(AwsContext aws, String id, String action) {
        Waits.forState(aws, "Route Table Association (" + id + ") " + action, TIMEOUT, () -> find(aws, id), ASSOCIATING);
    }

    /** The association by id, through the route table that holds it. */
    static Optional<RouteTableAssociation> find(AwsContext aws, String associationId) {
        return Ec2Find.routeTableByAssociation(aws, associationId).flatMap(t -> Ec2Find.association(t, associationId));
    }

    /** A missing association state means associated, as the provider assumes. */
    private static String state(RouteTableAssociation association) {
        return association.associationState() == null ? "associated" : association.associationState().stateAsString();
    }
}
