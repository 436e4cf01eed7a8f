package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/**
 * {@code aws_vpc}: CreateVpc, wait for {@code available}, the DNS and usage-metrics attributes set
 * one ModifyVpcAttribute at a time where they differ from AWS's defaults, and a read of seven calls
 * (the VPC, its three attributes, its default network ACL, main route table and default security group).
 */
public final class VpcResource extends Ec2Resource {
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DELETE_TIMEOUT = Duration.ofMinutes(5);
    /** How long the provider waits for an attribute to read as the value just set. */
    static final Duration ATTRIBUTE_TIMEOUT = Duration.ofMinutes(5);

    public VpcResource() {
        super("aws_vpc", "EC2 VPC", Schema.builder()
                .computed("arn", STRING)
                .optional("assign_generated_ipv6_cidr_block", BOOL)
                .optionalComputedForceNew("cidr_block", STRING)
                .computed("default_network_acl_id", STRING)
                .computed("default_route_table_id", STRING)
                .computed("default_security_group_id", STRING)
                .computed("dhcp_options_id", STRING)
                .optionalComputed("enable_dns_hostnames", BOOL)
                .optional("enable_dns_support", BOOL, true)
                .optionalComputed("enable_network_address_usage_metrics", BOOL)
                .computed("id", STRING)
                // The provider replaces the VPC for a tenancy change, except dedicated to default.
                .optionalForceNew("instance_tenancy", STRING, "default")
                .optionalForceNew("ipv4_ipam_pool_id", STRING)
                .optionalForceNew("ipv4_netmask_length", NUMBER)
                .computed("ipv6_association_id", STRING)
                .optionalComputed("ipv6_cidr_block", STRING)
                .optionalComputed("ipv6_cidr_block_network_border_group", STRING)
                .optional("ipv6_ipam_pool_id", STRING)
                .optional("ipv6_netmask_length", NUMBER)
                .computed("main_route_table_id", STRING)
                .computed("owner_id", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .build());
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Validation.cidrNetwork(proposed, "cidr_block", 16, 28);
        Validation.oneOf(proposed, "instance_tenancy", List.of("default", "dedicated"));
        return super.plan(aws, prior, proposed);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        CreateVpcRequest.Builder request = CreateVpcRequest.builder()
                .amazonProvidedIpv6CidrBlock(Plain.bool(planned, "assign_generated_ipv6_cidr_block"))
                .instanceTenancy(Optional.ofNullable(Plain.string(planned, "instance_tenancy")).orElse("default"))
                .cidrBlock(set(planned, "cidr_block"))
                .ipv4IpamPoolId(set(planned, "ipv4_ipam_pool_id"))
                .ipv4NetmaskLength(Plain.integer(planned, "ipv4_netmask_length"))
                .ipv6CidrBlock(set(planned, "ipv6_cidr_block"))
                .ipv6CidrBlockNetworkBorderGroup(set(planned, "ipv6_cidr_block_network_border_group"))
                .ipv6IpamPoolId(set(planned, "ipv6_ipam_pool_id"))
                .ipv6NetmaskLength(Plain.integer(planned, "ipv6_netmask_length"));
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.VPC);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createVpc(request.build())).vpc().vpcId();
        Waits.forState(aws, label + " (" + id + ") create", CREATE_TIMEOUT, () -> Ec2Find.vpc(aws, id),
                new Waits.States<>(Vpc::stateAsString, Set.of("pending"), Set.of("available"), null));
        // AWS creates a VPC with DNS support on, DNS hostnames and usage metrics off: only differences are modified.
        if (Boolean.TRUE.equals(Plain.boolOrNull(planned, "enable_dns_hostnames"))) {
            modify(aws, id, VpcAttributeName.ENABLE_DNS_HOSTNAMES, true);
        }
        if (Boolean.FALSE.equals(Plain.boolOrNull(planned, "enable_dns_support"))) {
            modify(aws, id, VpcAttributeName.ENABLE_DNS_SUPPORT, false);
        }
        if (Boolean.TRUE.equals(Plain.boolOrNull(planned, "enable_network_address_usage_metrics"))) {
            modify(aws, id, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS, true);
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        String id = id(prior);
        Optional<Vpc> found = Ec2Find.vpc(aws, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Vpc vpc = found.get();
        Map<String, Object> state = newState(prior);
        state.put("arn", States.arn(aws, "ec2", vpc.ownerId(), "vpc/" + id));
        state.put("cidr_block", vpc.cidrBlock());
        state.put("dhcp_options_id", str(vpc.dhcpOptionsId()));
        state.put("instance_tenancy", str(vpc.instanceTenancyAsString()));
        state.put("owner_id", str(vpc.ownerId()));
        state.put("enable_dns_hostnames", attribute(aws, id, VpcAttributeName.ENABLE_DNS_HOSTNAMES));
        state.put("enable_dns_support", attribute(aws, id, VpcAttributeName.ENABLE_DNS_SUPPORT));
        state.put("enable_network_address_usage_metrics", attribute(aws, id, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS));
        // The provider only logs failures to find the defaults.
        state.put("default_network_acl_id", str(Ec2Find.defaultNetworkAcl(aws, id).map(a -> a.networkAclId()).orElse(null)));
        String main = Ec2Find.mainRouteTable(aws, id).map(t -> t.routeTableId()).orElse("");
        state.put("default_route_table_id", main);
        state.put("main_route_table_id", main);
        state.put("default_security_group_id", str(defaultSecurityGroup(aws, id)));
        readIpv6(state, vpc);
        ResourceTags.read(aws, state, ResourceTags.fromEc2(vpc.tags()));
        return Optional.of(state);
    }

    /** The provider reads the Amazon-provided IPv6 block; with none, every IPv6 attribute is its zero value. */
    private static void readIpv6(Map<String, Object> state, Vpc vpc) {
        Optional<VpcIpv6CidrBlockAssociation> ipv6 = vpc.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null
                        && Set.of("associating", "associated").contains(a.ipv6CidrBlockState().stateAsString()))
                .findFirst();
        boolean amazon = ipv6.map(a -> "Amazon".equals(a.ipv6Pool())).orElse(false);
        state.put("assign_generated_ipv6_cidr_block", amazon);
        state.put("ipv6_association_id", str(ipv6.map(VpcIpv6CidrBlockAssociation::associationId).orElse(null)));
        state.put("ipv6_cidr_block", str(ipv6.map(VpcIpv6CidrBlockAssociation::ipv6CidrBlock).orElse(null)));
        state.put("ipv6_cidr_block_network_border_group", str(ipv6.map(VpcIpv6CidrBlockAssociation::networkBorderGroup).orElse(null)));
        state.put("ipv6_ipam_pool_id", amazon ? "" : str(ipv6.map(VpcIpv6CidrBlockAssociation::ipv6Pool).orElse(null)));
        state.put("ipv6_netmask_length", States.num(null));
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = id(prior);
        if (changed(prior, planned, "enable_dns_hostnames")) {
            modify(aws, id, VpcAttributeName.ENABLE_DNS_HOSTNAMES, Plain.bool(planned, "enable_dns_hostnames"));
        }
        if (changed(prior, planned, "enable_dns_support")) {
            modify(aws, id, VpcAttributeName.ENABLE_DNS_SUPPORT, Plain.bool(planned, "enable_dns_support"));
        }
        if (changed(prior, planned, "enable_network_address_usage_metrics")) {
            modify(aws, id, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS,
                    Plain.bool(planned, "enable_network_address_usage_metrics"));
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        if (Errors.retrying(aws, DELETE_TIMEOUT, Errors.hasCode("DependencyViolation"), () -> Errors.find(doing("deleting", id),
                Set.of("InvalidVpcID.NotFound"), () -> aws.ec2().deleteVpc(r -> r.vpcId(id)))).isEmpty()) {
            return;
        }
        Waits.untilGone(aws, label + " (" + id + ") delete", DELETE_TIMEOUT, () -> Ec2Find.vpc(aws, id));
    }

    /** One ModifyVpcAttribute call, then a wait until the attribute reads as set. */
    private void modify(AwsContext aws, String id, VpcAttributeName name, boolean value) {
        AttributeBooleanValue wanted = AttributeBooleanValue.builder().value(value).build();
        ModifyVpcAttributeRequest.Builder request = ModifyVpcAttributeRequest.builder().vpcId(id);
        switch (name) {
            case ENABLE_DNS_HOSTNAMES -> request.enableDnsHostnames(wanted);
            case ENABLE_DNS_SUPPORT -> request.enableDnsSupport(wanted);
            default -> request.enableNetworkAddressUsageMetrics(wanted);
        }
        Errors.call("modifying " + label + " (" + id + ") " + name + " attribute",
                () -> aws.ec2().modifyVpcAttribute(request.build()));
        Waits.until(aws, label + " (" + id + ") " + name + " update", ATTRIBUTE_TIMEOUT,
                () -> attribute(aws, id, name) == value);
    }

    /** One DescribeVpcAttribute, as the resource and the {@code aws_vpc} data source read it. */
    static boolean attribute(AwsContext aws, String id, VpcAttributeName name) {
        DescribeVpcAttributeResponse response = Errors.call("reading EC2 VPC (" + id + ") Attribute (" + name + ")",
                () -> aws.ec2().describeVpcAttribute(r -> r.vpcId(id).attribute(name)));
        AttributeBooleanValue value = switch (name) {
            case ENABLE_DNS_HOSTNAMES -> response.enableDnsHostnames();
            case ENABLE_DNS_SUPPORT -> response.enableDnsSupport();
            default -> response.enableNetworkAddressUsageMetrics();
        };
        return value != null && Boolean.TRUE.equals(value.value());
    }

    private static String defaultSecurityGroup(AwsContext aws, String vpcId) {
        return Errors.find("reading default Security Group of EC2 VPC (" + vpcId + ")", Set.of(),
                        () -> aws.ec2().describeSecurityGroups(r -> r.filters(
                                Ec2Find.filter("group-name", "default"), Ec2Find.filter("vpc-id", vpcId))).securityGroups())
                .flatMap(groups -> groups.size() == 1 ? Optional.of(groups.get(0).groupId()) : Optional.empty())
                .orElse(null);
    }
}
