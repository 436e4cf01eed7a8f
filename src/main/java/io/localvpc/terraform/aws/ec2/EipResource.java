package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code aws_eip} of the 5.x provider: AllocateAddress in the VPC domain ({@code domain = "vpc"},
 * or the deprecated {@code vpc = true}), optionally associated with an instance or network
 * interface; DescribeAddresses plus the address's PTR record; a stale association (e.g. of a NAT
 * gateway since deleted) disassociated before ReleaseAddress.
 */
public final class EipResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    public EipResource() {
        super("aws_eip", "EC2 EIP", Schema.builder()
                .optionalForceNew("address", STRING)
                .computed("allocation_id", STRING)
                .computed("arn", STRING)
                .optional("associate_with_private_ip", STRING)
                .computed("association_id", STRING)
                .computed("carrier_ip", STRING)
                .computed("customer_owned_ip", STRING)
                .optional("customer_owned_ipv4_pool", STRING)
                .optionalComputedForceNew("domain", STRING)
                .computed("id", STRING)
                .optionalComputed("instance", STRING)
                .optionalComputedForceNew("ipam_pool_id", STRING)
                .optionalComputedForceNew("network_border_group", STRING)
                .optionalComputed("network_interface", STRING)
                .computed("private_dns", STRING)
                .computed("private_ip", STRING)
                .computed("ptr_record", STRING)
                .computed("public_dns", STRING)
                .computed("public_ip", STRING)
                .optionalComputedForceNew("public_ipv4_pool", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                // Deprecated in 5.x ("use domain attribute instead"), gone in 6.0.
                .optionalComputedForceNew("vpc", BOOL)
                .block(Timeouts.block("delete", "read", "update"))
                .build());
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Validation.oneOf(proposed, "domain", List.of("vpc", "standard"));
        return super.plan(aws, prior, proposed);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        AllocateAddressRequest.Builder request = AllocateAddressRequest.builder()
                .address(set(planned, "address"))
                .customerOwnedIpv4Pool(set(planned, "customer_owned_ipv4_pool"))
                .domain(set(planned, "domain"))
                .ipamPoolId(set(planned, "ipam_pool_id"))
                .networkBorderGroup(set(planned, "network_border_group"))
                .publicIpv4Pool(set(planned, "public_ipv4_pool"));
        if (Boolean.TRUE.equals(Plain.boolOrNull(planned, "vpc"))) {
            request.domain("vpc");
        }
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.ELASTIC_IP);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().allocateAddress(request.build())).allocationId();
        Waits.untilFound(aws, label + " (" + id + ") create", TIMEOUT, () -> Ec2Find.address(aws, id));
        String instance = set(planned, "instance");
        String eni = set(planned, "network_interface");
        if (instance != null || eni != null) {
            associate(aws, id, instance, eni, set(planned, "associate_with_private_ip"));
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        String id = id(prior);
        if (!id.startsWith("eipalloc-")) {
            throw new ProviderException("with the retirement of EC2-Classic standard domain EC2 EIPs are no longer supported");
        }
        Optional<Address> found = Ec2Find.address(aws, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Address address = found.get();
        Map<String, Object> state = newState(prior);
        state.put("allocation_id", str(address.allocationId()));
        state.put("arn", States.arn(aws, "ec2", Errors.call("reading caller identity", aws::accountId),
                "elastic-ip/" + address.allocationId()));
        state.put("association_id", str(address.associationId()));
        state.put("carrier_ip", str(address.carrierIp()));
        state.put("customer_owned_ip", str(address.customerOwnedIp()));
        state.put("customer_owned_ipv4_pool", str(address.customerOwnedIpv4Pool()));
        state.put("domain", str(address.domainAsString()));
        state.put("vpc", "vpc".equals(address.domainAsString()));
        state.put("instance", str(address.instanceId()));
        if (address.publicIpv4Pool() != null && address.publicIpv4Pool().startsWith("ipam-pool-")) {
            state.put("ipam_pool_id", address.publicIpv4Pool());
        }
        state.put("network_border_group", str(address.networkBorderGroup()));
        state.put("network_interface", str(address.networkInterfaceId()));
        state.put("public_ipv4_pool", str(address.publicIpv4Pool()));
        state.put("private_ip", str(address.privateIpAddress()));
        if (address.privateIpAddress() != null && !address.privateIpAddress().isEmpty()) {
            state.put("private_dns", Dns.privateName(aws, address.privateIpAddress()));
        }
        state.put("public_ip", str(address.publicIp()));
        if (address.publicIp() != null && !address.publicIp().isEmpty()) {
            state.put("public_dns", Dns.publicName(aws, address.publicIp()));
        }
        state.put("ptr_record", ptrRecord(aws, id));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(address.tags()));
        return Optional.of(state);
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        if (!changed(prior, planned, "associate_with_private_ip") && !changed(prior, planned, "instance")
                && !changed(prior, planned, "network_interface")) {
            return;
        }
        String association = set(prior, "association_id");
        if (association != null || set(prior, "instance") != null) {
            disassociate(aws, association);
        }
        String instance = set(planned, "instance");
        String eni = set(planned, "network_interface");
        if (instance != null || eni != null) {
            associate(aws, id(prior), instance, eni, set(planned, "associate_with_private_ip"));
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        if (!id.startsWith("eipalloc-")) {
            throw new ProviderException("with the retirement of EC2-Classic standard domain EC2 EIPs are no longer supported");
        }
        String association = set(state, "association_id");
        if (association != null || set(state, "instance") != null) {
            disassociate(aws, association);
        }
        Errors.find(doing("deleting", id), Set.of("InvalidAllocationID.NotFound"), () -> aws.ec2().releaseAddress(r -> r
                .allocationId(id).networkBorderGroup(set(state, "network_border_group"))));
    }

    private void associate(AwsContext aws, String id, String instance, String eni, String privateIp) {
        String association = Errors.call("associating " + label + " (" + id + ")", () -> aws.ec2().associateAddress(r -> r
                .allocationId(id).instanceId(instance).networkInterfaceId(eni).privateIpAddress(privateIp))).associationId();
        Waits.untilFound(aws, label + " (" + id + ") association", TIMEOUT, () -> Ec2Find.addressByAssociation(aws, association));
    }

    /** DisassociateAddress; an association already gone is no error. */
    static void disassociate(AwsContext aws, String associationId) {
        if (associationId == null) {
            return;
        }
        Errors.find("disassociating EC2 EIP (" + associationId + ")", Set.of("InvalidAssociationID.NotFound"),
                () -> aws.ec2().disassociateAddress(r -> r.associationId(associationId)));
    }

    /** The reverse DNS record of the address, without its final dot; {@code ""} when it has none. */
    private String ptrRecord(AwsContext aws, String id) {
        List<AddressAttribute> attributes = Errors.call("reading " + label + " (" + id + ") domain name attribute",
                () -> aws.ec2().describeAddressesAttribute(r -> r.allocationIds(id).attribute("domain-name")).addresses());
        return attributes.stream().filter(a -> id.equals(a.allocationId())).findFirst()
                .map(a -> str(a.ptrRecord()))
                .map(ptr -> ptr.endsWith(".") ? ptr.substring(0, ptr.length() - 1) : ptr)
                .orElse("");
    }
}
