package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * {@code data "aws_vpc"}: the one VPC matching the id, CIDR, DHCP options, {@code default = true},
 * state, tags and filters given; its attributes as the resource reads them, plus its CIDR
 * associations.
 */
public final class VpcData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("arn", STRING)
            .optionalComputed("cidr_block", STRING)
            .optionalComputed("default", BOOL)
            .optionalComputed("dhcp_options_id", STRING)
            .computed("enable_dns_hostnames", BOOL)
            .computed("enable_dns_support", BOOL)
            .computed("enable_network_address_usage_metrics", BOOL)
            .optionalComputed("id", STRING)
            .computed("instance_tenancy", STRING)
            .computed("ipv6_association_id", STRING)
            .computed("ipv6_cidr_block", STRING)
            .computed("main_route_table_id", STRING)
            .computed("owner_id", STRING)
            .optionalComputed("state", STRING)
            .optionalComputed("tags", mapOf(STRING))
            .block(new NestedBlock("cidr_block_associations", NestedBlock.Nesting.LIST, Schema.builder()
                    .computed("association_id", STRING)
                    .computed("cidr_block", STRING)
                    .computed("state", STRING)
                    .build(), 0, 0, false, true))
            .block(DataSources.filterBlock())
            .build();

    public VpcData() {
        super("aws_vpc", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("cidr", Plain.string(config, "cidr_block"));
        arguments.put("dhcp-options-id", Plain.string(config, "dhcp_options_id"));
        // "default = false" filters nothing: the provider cannot tell it from not set.
        arguments.put("isDefault", Plain.bool(config, "default") ? "true" : null);
        arguments.put("state", Plain.string(config, "state"));
        String id = Ec2Resource.set(config, "id");
        List<Vpc> found = Errors.call("reading EC2 VPCs", () -> aws.ec2().describeVpcs(r -> r
                .vpcIds(id == null ? null : List.of(id))
                .filters(DataSources.filters(arguments, config, true))).vpcs());
        Vpc vpc = DataSources.single("EC2 VPC", found);
        String vpcId = vpc.vpcId();
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        out.put("arn", States.arn(aws, "ec2", vpc.ownerId(), "vpc/" + vpcId));
        out.put("cidr_block", str(vpc.cidrBlock()));
        out.put("cidr_block_associations", vpc.cidrBlockAssociationSet().stream().map(a -> (Object) Map.of(
                "association_id", str(a.associationId()), "cidr_block", str(a.cidrBlock()),
                "state", a.cidrBlockState() == null ? "" : str(a.cidrBlockState().stateAsString()))).toList());
        out.put("default", States.bool(vpc.isDefault()));
        out.put("dhcp_options_id", str(vpc.dhcpOptionsId()));
        out.put("enable_dns_hostnames", VpcResource.attribute(aws, vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES));
        out.put("enable_dns_support", VpcResource.attribute(aws, vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT));
        out.put("enable_network_address_usage_metrics",
                VpcResource.attribute(aws, vpcId, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS));
        out.put("id", vpcId);
        out.put("instance_tenancy", str(vpc.instanceTenancyAsString()));
        boolean ipv6 = !vpc.ipv6CidrBlockAssociationSet().isEmpty();
        out.put("ipv6_association_id", ipv6 ? str(vpc.ipv6CidrBlockAssociationSet().get(0).associationId()) : "");
        out.put("ipv6_cidr_block", ipv6 ? str(vpc.ipv6CidrBlockAssociationSet().get(0).ipv6CidrBlock()) : "");
        out.put("main_route_table_id", Ec2Find.mainRouteTable(aws, vpcId).map(t -> t.routeTableId()).orElse(""));
        out.put("owner_id", str(vpc.ownerId()));
        out.put("state", str(vpc.stateAsString()));
        out.put("tags", ResourceTags.userTags(ResourceTags.fromEc2(vpc.tags())));
        return out;
    }
}
