package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * {@code aws_main_route_table_association}: makes a table the VPC's main one by replacing the main
 * association, remembering the table it replaced ({@code original_route_table_id}), which delete
 * makes main again.
 */
public final class MainRouteTableAssociationResource extends Ec2Resource {

    public MainRouteTableAssociationResource() {
        super("aws_main_route_table_association", "Main Route Table Association", Schema.builder()
                .computed("id", STRING)
                .computed("original_route_table_id", STRING)
                .required("route_table_id", STRING)
                .requiredForceNew("vpc_id", STRING)
                .block(Timeouts.block("create", "delete", "update"))
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        String vpc = Plain.string(planned, "vpc_id");
        RouteTable main = Ec2Find.mainRouteTable(aws, vpc).orElseThrow(() ->
                new ProviderException("reading EC2 VPC (" + vpc + ") main Route Table: empty result"));
        String mainAssociation = main.associations().stream().filter(a -> Boolean.TRUE.equals(a.main()))
                .map(RouteTableAssociation::routeTableAssociationId).findFirst().orElseThrow();
        String id = RouteTableAssociationResource.replace(aws, label, mainAssociation, Plain.string(planned, "route_table_id"));
        Map<String, Object> state = new LinkedHashMap<>(planned);
        state.put("original_route_table_id", main.routeTableId());
        return created(aws, state, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<RouteTableAssociation> found = RouteTableAssociationResource.find(aws, id(prior))
                .filter(a -> Boolean.TRUE.equals(a.main()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> state = newState(prior);
        state.put("route_table_id", found.get().routeTableId());
        return Optional.of(state);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        return created(aws, planned, RouteTableAssociationResource.replace(aws, label, id(prior), Plain.string(planned, "route_table_id")));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        if (RouteTableAssociationResource.find(aws, id(state)).isEmpty()) {
            return;
        }
        RouteTableAssociationResource.replace(aws, label, id(state), Plain.string(state, "original_route_table_id"));
    }
}
