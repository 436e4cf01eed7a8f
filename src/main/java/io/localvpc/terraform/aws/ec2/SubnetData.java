package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** {@code data "aws_subnet"}: the one subnet matching the arguments, tags and filters given, read as the resource reads it. */
public final class SubnetData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", STRING)
            .computed("assign_ipv6_address_on_creation", BOOL)
            .optionalComputed("availability_zone", STRING)
            .optionalComputed("availability_zone_id", STRING)
            .computed("available_ip_address_count", NUMBER)
            .optionalComputed("cidr_block", STRING)
            .computed("customer_owned_ipv4_pool", STRING)
            .optionalComputed("default_for_az", BOOL)
            .computed("enable_dns64", BOOL)
            .computed("enable_lni_at_device_index", NUMBER)
            .computed("enable_resource_name_dns_a_record_on_launch", BOOL)
            .computed("enable_resource_name_dns_aaaa_record_on_launch", BOOL)
            .optionalComputed("id", STRING)
            .optionalComputed("ipv6_cidr_block", STRING)
            .computed("ipv6_cidr_block_association_id", STRING)
            .computed("ipv6_native", BOOL)
            .computed("map_customer_owned_ip_on_launch", BOOL)
            .computed("map_public_ip_on_launch", BOOL)
            .computed("outpost_arn", STRING)
            .computed("owner_id", STRING)
            .computed("private_dns_hostname_type_on_launch", STRING)
            .optionalComputed("state", STRING)
            .optionalComputed("tags", mapOf(STRING))
            .optionalComputed("vpc_id", STRING)
            .block(DataSources.filterBlock())
            .build();

    public SubnetData() {
        super("aws_subnet", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("state", Plain.string(config, "state"));
        arguments.put("availabilityZone", Plain.string(config, "availability_zone"));
        arguments.put("availabilityZoneId", Plain.string(config, "availability_zone_id"));
        Boolean defaultForAz = Plain.boolOrNull(config, "default_for_az");
        arguments.put("default-for-az", Boolean.TRUE.equals(defaultForAz) ? "true" : null);
        arguments.put("cidrBlock", Plain.string(config, "cidr_block"));
        arguments.put("ipv6-cidr-block-association.ipv6-cidr-block", Plain.string(config, "ipv6_cidr_block"));
        arguments.put("vpc-id", Plain.string(config, "vpc_id"));
        String id = Ec2Resource.set(config, "id");
        List<Subnet> found = Errors.call("reading EC2 Subnets", () -> aws.ec2().describeSubnets(r -> r
                .subnetIds(id == null ? null : List.of(id))
                .filters(DataSources.filters(arguments, config, true))).subnets());
        Subnet subnet = DataSources.single("EC2 Subnet", found);
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        SubnetResource.flatten(aws, subnet, out);
        out.remove("tags_all");
        out.put("available_ip_address_count", States.num(subnet.availableIpAddressCount()));
        out.put("default_for_az", States.bool(subnet.defaultForAz()));
        out.put("id", subnet.subnetId());
        out.put("state", States.str(subnet.stateAsString()));
        out.put("tags", ResourceTags.userTags(ResourceTags.fromEc2(subnet.tags())));
        return out;
    }
}
