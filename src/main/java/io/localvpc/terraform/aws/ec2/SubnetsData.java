package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.listOf;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** {@code data "aws_subnets"}: the ids of every subnet matching the tags and filters (none is no error); its id is the region. */
public final class SubnetsData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("id", STRING)
            .computed("ids", listOf(STRING))
            .optional("tags", mapOf(STRING))
            .block(DataSources.filterBlock())
            .build();

    public SubnetsData() {
        super("aws_subnets", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        var subnets = Errors.call("reading EC2 Subnets", () -> aws.ec2().describeSubnetsPaginator(r -> r
                .filters(DataSources.filters(Map.of(), config, true))).subnets().stream().toList());
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        out.put("id", aws.region());
        out.put("ids", subnets.stream().map(Subnet::subnetId).map(s -> (Object) s).toList());
        return out;
    }
}
