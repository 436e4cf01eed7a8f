package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.listOf;
import static io.localvpc.terraform.provider.AttributeType.setOf;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;

/** {@code data "aws_availability_zones"}: the region's zones by name, sorted, less the excluded ones; its id is the region. */
public final class AvailabilityZonesData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .optional("all_availability_zones", BOOL)
            .optional("exclude_names", setOf(STRING))
            .optional("exclude_zone_ids", setOf(STRING))
            .computed("group_names", setOf(STRING))
            .computed("id", STRING)
            .computed("names", listOf(STRING))
            .optional("state", STRING)
            .computed("zone_ids", listOf(STRING))
            .block(DataSources.filterBlock())
            .block(Timeouts.block("read"))
            .build();

    public AvailabilityZonesData() {
        super("aws_availability_zones", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("state", Plain.string(config, "state"));
        Boolean all = Plain.boolOrNull(config, "all_availability_zones");
        List<AvailabilityZone> zones = new ArrayList<>(Errors.call("reading EC2 Availability Zones", () -> aws.ec2()
                .describeAvailabilityZones(r -> r.allAvailabilityZones(Boolean.TRUE.equals(all) ? true : null)
                        .filters(DataSources.filters(arguments, config, false)))
                .availabilityZones()));
        zones.sort(Comparator.comparing(AvailabilityZone::zoneName));
        List<String> excludedNames = Plain.strings(config, "exclude_names");
        List<String> excludedIds = Plain.strings(config, "exclude_zone_ids");
        zones.removeIf(z -> excludedNames.contains(z.zoneName()) || excludedIds.contains(z.zoneId()));
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        out.put("group_names", States.set(zones.stream().map(z -> (Object) z.groupName()).distinct().toList()));
        out.put("id", aws.region());
        out.put("names", zones.stream().map(z -> (Object) z.zoneName()).toList());
        out.put("zone_ids", zones.stream().map(z -> (Object) z.zoneId()).toList());
        return out;
    }
}
