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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

/**
 * {@code aws_subnet}: CreateSubnet, wait for {@code available}, then one ModifySubnetAttribute per
 * attribute whose configured value differs from what AWS gave the new subnet; a read of one
 * DescribeSubnets. Delete retries DeleteSubnet while something still uses the subnet.
 */
public final class SubnetResource extends Ec2Resource {
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DELETE_TIMEOUT = Duration.ofMinutes(20);

    public SubnetResource() {
        super("aws_subnet", "EC2 Subnet", Schema.builder()
                .computed("arn", STRING)
                .optional("assign_ipv6_address_on_creation", BOOL, false)
                .optionalComputedForceNew("availability_zone", STRING)
                .optionalComputedForceNew("availability_zone_id", STRING)
                .optionalComputedForceNew("cidr_block", STRING)
                .optional("customer_owned_ipv4_pool", STRING)
                .optional("enable_dns64", BOOL, false)
                .optional("enable_lni_at_device_index", NUMBER)
                .optional("enable_resource_name_dns_a_record_on_launch", BOOL, false)
                .optional("enable_resource_name_dns_aaaa_record_on_launch", BOOL, false)
                .computed("id", STRING)
                .optionalForceNew("ipv4_ipam_pool_id", STRING)
                .optionalForceNew("ipv4_netmask_length", NUMBER)
                .optionalComputed("ipv6_cidr_block", STRING)
                .computed("ipv6_cidr_block_association_id", STRING)
                .optionalForceNew("ipv6_ipam_pool_id", STRING)
                .optionalForceNew("ipv6_native", BOOL, false)
                .optionalForceNew("ipv6_netmask_length", NUMBER)
                .optional("map_customer_owned_ip_on_launch", BOOL)
                .optional("map_public_ip_on_launch", BOOL, false)
                .optionalForceNew("outpost_arn", STRING)
                .computed("owner_id", STRING)
                .optionalComputed("private_dns_hostname_type_on_launch", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .requiredForceNew("vpc_id", STRING)
                .block(Timeouts.block("create", "delete"))
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        CreateSubnetRequest.Builder request = CreateSubnetRequest.builder()
                .vpcId(Plain.string(planned, "vpc_id"))
                .availabilityZone(set(planned, "availability_zone"))
                .availabilityZoneId(set(planned, "availability_zone_id"))
                .cidrBlock(set(planned, "cidr_block"))
                .ipv4IpamPoolId(set(planned, "ipv4_ipam_pool_id"))
                .ipv4NetmaskLength(Plain.integer(planned, "ipv4_netmask_length"))
                .ipv6CidrBlock(set(planned, "ipv6_cidr_block"))
                .ipv6IpamPoolId(set(planned, "ipv6_ipam_pool_id"))
                .ipv6NetmaskLength(Plain.integer(planned, "ipv6_netmask_length"))
                .outpostArn(set(planned, "outpost_arn"));
        if (Plain.bool(planned, "ipv6_native")) {
            request.ipv6Native(true);
        }
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.SUBNET);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createSubnet(request.build())).subnet().subnetId();
        Subnet subnet = Waits.forState(aws, label + " (" + id + ") create", Timeouts.of(planned, "create", CREATE_TIMEOUT), () -> Ec2Find.subnet(aws, id),
                new Waits.States<>(Subnet::stateAsString, Set.of("pending"), Set.of("available"), null));
        // Only where the new subnet differs from the configuration, one attribute per call.
        if (!Objects.equals(subnet.mapPublicIpOnLaunch(), Plain.bool(planned, "map_public_ip_on_launch"))) {
            modifyMapPublicIp(aws, id, Plain.bool(planned, "map_public_ip_on_launch"));
        }
        PrivateDnsNameOptionsOnLaunch dns = subnet.privateDnsNameOptionsOnLaunch();
        if (dns != null) {
            modifyIfDifferent(aws, id, planned, "enable_resource_name_dns_a_record_on_launch", dns.enableResourceNameDnsARecord(),
                    v -> ModifySubnetAttributeRequest.builder().enableResourceNameDnsARecordOnLaunch(v));
            modifyIfDifferent(aws, id, planned, "enable_resource_name_dns_aaaa_record_on_launch", dns.enableResourceNameDnsAAAARecord(),
                    v -> ModifySubnetAttributeRequest.builder().enableResourceNameDnsAAAARecordOnLaunch(v));
        }
        modifyIfDifferent(aws, id, planned, "enable_dns64", subnet.enableDns64(),
                v -> ModifySubnetAttributeRequest.builder().enableDns64(v));
        modifyIfDifferent(aws, id, planned, "assign_ipv6_address_on_creation", subnet.assignIpv6AddressOnCreation(),
                v -> ModifySubnetAttributeRequest.builder().assignIpv6AddressOnCreation(v));
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<Subnet> found = Ec2Find.subnet(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> state = newState(prior);
        flatten(aws, found.get(), state);
        return Optional.of(state);
    }

    /** A described subnet's attributes, as both the resource and the {@code aws_subnet} data source keep them. */
    static void flatten(AwsContext aws, Subnet subnet, Map<String, Object> state) {
        state.put("arn", str(subnet.subnetArn()));
        state.put("assign_ipv6_address_on_creation", States.bool(subnet.assignIpv6AddressOnCreation()));
        state.put("availability_zone", str(subnet.availabilityZone()));
        state.put("availability_zone_id", str(subnet.availabilityZoneId()));
        state.put("cidr_block", str(subnet.cidrBlock()));
        state.put("customer_owned_ipv4_pool", str(subnet.customerOwnedIpv4Pool()));
        state.put("enable_dns64", States.bool(subnet.enableDns64()));
        state.put("enable_lni_at_device_index", States.num(subnet.enableLniAtDeviceIndex()));
        state.put("ipv6_native", States.bool(subnet.ipv6Native()));
        state.put("map_customer_owned_ip_on_launch", States.bool(subnet.mapCustomerOwnedIpOnLaunch()));
        state.put("map_public_ip_on_launch", States.bool(subnet.mapPublicIpOnLaunch()));
        state.put("outpost_arn", str(subnet.outpostArn()));
        state.put("owner_id", str(subnet.ownerId()));
        state.put("vpc_id", str(subnet.vpcId()));
        Optional<SubnetIpv6CidrBlockAssociation> ipv6 = subnet.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null && "associated".equals(a.ipv6CidrBlockState().stateAsString()))
                .findFirst();
        state.put("ipv6_cidr_block", str(ipv6.map(SubnetIpv6CidrBlockAssociation::ipv6CidrBlock).orElse(null)));
        state.put("ipv6_cidr_block_association_id", str(ipv6.map(SubnetIpv6CidrBlockAssociation::associationId).orElse(null)));
        PrivateDnsNameOptionsOnLaunch dns = subnet.privateDnsNameOptionsOnLaunch();
        state.put("enable_resource_name_dns_a_record_on_launch", dns != null && States.bool(dns.enableResourceNameDnsARecord()));
        state.put("enable_resource_name_dns_aaaa_record_on_launch", dns != null && States.bool(dns.enableResourceNameDnsAAAARecord()));
        state.put("private_dns_hostname_type_on_launch", dns == null ? "" : str(dns.hostnameTypeAsString()));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(subnet.tags()));
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = id(prior);
        modifyIfChanged(aws, id, prior, planned, "enable_dns64", v -> ModifySubnetAttributeRequest.builder().enableDns64(v));
        modifyIfChanged(aws, id, prior, planned, "enable_resource_name_dns_aaaa_record_on_launch",
                v -> ModifySubnetAttributeRequest.builder().enableResourceNameDnsAAAARecordOnLaunch(v));
        modifyIfChanged(aws, id, prior, planned, "enable_resource_name_dns_a_record_on_launch",
                v -> ModifySubnetAttributeRequest.builder().enableResourceNameDnsARecordOnLaunch(v));
        if (changed(prior, planned, "map_public_ip_on_launch")) {
            modifyMapPublicIp(aws, id, Plain.bool(planned, "map_public_ip_on_launch"));
        }
        if (changed(prior, planned, "private_dns_hostname_type_on_launch") && set(planned, "private_dns_hostname_type_on_launch") != null) {
            modify(aws, id, "PrivateDnsHostnameTypeOnLaunch", ModifySubnetAttributeRequest.builder()
                    .privateDnsHostnameTypeOnLaunch(Plain.string(planned, "private_dns_hostname_type_on_launch")));
        }
        modifyIfChanged(aws, id, prior, planned, "assign_ipv6_address_on_creation",
                v -> ModifySubnetAttributeRequest.builder().assignIpv6AddressOnCreation(v));
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        Errors.retrying(aws, Timeouts.of(state, "delete", DELETE_TIMEOUT), Errors.hasCode("DependencyViolation"), () -> Errors.find(doing("deleting", id),
                Set.of("InvalidSubnetID.NotFound"), () -> aws.ec2().deleteSubnet(r -> r.subnetId(id))));
    }

    /** MapPublicIpOnLaunch, then the provider's wait until the subnet reads as set. */
    private void modifyMapPublicIp(AwsContext aws, String id, boolean value) {
        modify(aws, id, "MapPublicIpOnLaunch", ModifySubnetAttributeRequest.builder().mapPublicIpOnLaunch(flag(value)));
        Waits.until(aws, label + " (" + id + ") MapPublicIpOnLaunch update", Duration.ofMinutes(5),
                () -> Ec2Find.subnet(aws, id).map(s -> Objects.equals(s.mapPublicIpOnLaunch(), value)).orElse(false));
    }

    private void modifyIfDifferent(AwsContext aws, String id, Map<String, Object> planned, String name, Boolean current,
            Function<AttributeBooleanValue, ModifySubnetAttributeRequest.Builder> request) {
        boolean wanted = Plain.bool(planned, name);
        if (wanted != States.bool(current)) {
            modify(aws, id, attributeName(name), request.apply(flag(wanted)));
        }
    }

    private void modifyIfChanged(AwsContext aws, String id, Map<String, Object> prior, Map<String, Object> planned, String name,
            Function<AttributeBooleanValue, ModifySubnetAttributeRequest.Builder> request) {
        if (changed(prior, planned, name)) {
            modify(aws, id, attributeName(name), request.apply(flag(Plain.bool(planned, name))));
        }
    }

    private void modify(AwsContext aws, String id, String attribute, ModifySubnetAttributeRequest.Builder request) {
        Errors.call("setting " + label + " (" + id + ") " + attribute,
                () -> aws.ec2().modifySubnetAttribute(request.subnetId(id).build()));
    }

    /** {@code enable_dns64} as the API calls it: {@code EnableDns64}. */
    private static String attributeName(String argument) {
        StringBuilder out = new StringBuilder();
        for (String word : argument.split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static AttributeBooleanValue flag(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
