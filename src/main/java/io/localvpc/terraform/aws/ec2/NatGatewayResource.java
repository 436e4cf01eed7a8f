package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.NUMBER;
import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;
import static io.localvpc.terraform.provider.AttributeType.setOf;

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
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code aws_nat_gateway}: CreateNatGateway (public with an Elastic IP by default, or private),
 * waits from {@code pending} to {@code available} (a {@code failed} gateway fails the apply with
 * AWS's failure code and message), reads its primary address into the top-level attributes and
 * the others into {@code secondary_*}; delete waits while it is {@code deleting}.
 */
public final class NatGatewayResource extends Ec2Resource {
    static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DELETE_TIMEOUT = Duration.ofMinutes(30);

    public NatGatewayResource() {
        super("aws_nat_gateway", "EC2 NAT Gateway", Schema.builder()
                .optionalForceNew("allocation_id", STRING)
                .computed("association_id", STRING)
                .optionalForceNew("connectivity_type", STRING, "public")
                .computed("id", STRING)
                .computed("network_interface_id", STRING)
                .optionalComputedForceNew("private_ip", STRING)
                .computed("public_ip", STRING)
                .optional("secondary_allocation_ids", setOf(STRING))
                .optionalComputed("secondary_private_ip_address_count", NUMBER)
                .optionalComputed("secondary_private_ip_addresses", setOf(STRING))
                .requiredForceNew("subnet_id", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .block(Timeouts.block("create", "delete", "update"))
                .build());
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Validation.oneOf(proposed, "connectivity_type", List.of("private", "public"));
        if ("private".equals(Plain.string(proposed, "connectivity_type")) && set(proposed, "allocation_id") != null) {
            throw new ProviderException("allocation_id is not supported with connectivity_type = \"private\"");
        }
        return super.plan(aws, prior, proposed);
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        CreateNatGatewayRequest.Builder request = CreateNatGatewayRequest.builder()
                .clientToken("terraform-" + UUID.randomUUID())
                .allocationId(set(planned, "allocation_id"))
                .connectivityType(Optional.ofNullable(set(planned, "connectivity_type")).orElse("public"))
                .subnetId(Plain.string(planned, "subnet_id"))
                .privateIpAddress(set(planned, "private_ip"));
        List<String> secondaryAllocations = Plain.strings(planned, "secondary_allocation_ids");
        if (!secondaryAllocations.isEmpty()) {
            request.secondaryAllocationIds(secondaryAllocations);
        }
        Integer secondaryCount = Plain.integer(planned, "secondary_private_ip_address_count");
        if (secondaryCount != null && secondaryCount > 0) {
            request.secondaryPrivateIpAddressCount(secondaryCount);
        }
        List<String> secondaryIps = Plain.strings(planned, "secondary_private_ip_addresses");
        if (!secondaryIps.isEmpty()) {
            request.secondaryPrivateIpAddresses(secondaryIps);
        }
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.NATGATEWAY);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createNatGateway(request.build())).natGateway().natGatewayId();
        Waits.forState(aws, label + " (" + id + ") create", Timeouts.of(planned, "create", CREATE_TIMEOUT), () -> Ec2Find.natGateway(aws, id),
                new Waits.States<>(NatGateway::stateAsString, Set.of("pending"), Set.of("available"),
                        n -> n.failureCode() + ": " + n.failureMessage()));
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<NatGateway> found = Ec2Find.natGateway(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NatGateway nat = found.get();
        Map<String, Object> state = newState(prior);
        state.put("connectivity_type", str(nat.connectivityTypeAsString()));
        state.put("subnet_id", str(nat.subnetId()));
        List<NatGatewayAddress> addresses = nat.natGatewayAddresses();
        // The primary address, or the only one.
        Optional<NatGatewayAddress> primary = addresses.stream()
                .filter(a -> Boolean.TRUE.equals(a.isPrimary()) || addresses.size() == 1).findFirst();
        state.put("allocation_id", str(primary.map(NatGatewayAddress::allocationId).orElse(null)));
        state.put("association_id", str(primary.map(NatGatewayAddress::associationId).orElse(null)));
        state.put("network_interface_id", str(primary.map(NatGatewayAddress::networkInterfaceId).orElse(null)));
        state.put("private_ip", str(primary.map(NatGatewayAddress::privateIp).orElse(null)));
        state.put("public_ip", str(primary.map(NatGatewayAddress::publicIp).orElse(null)));
        List<NatGatewayAddress> secondary = addresses.stream().filter(a -> primary.map(p -> p != a).orElse(true)).toList();
        state.put("secondary_allocation_ids", States.set(secondary.stream()
                .filter(a -> a.allocationId() != null).map(a -> (Object) a.allocationId()).toList()));
        state.put("secondary_private_ip_address_count", Plain.number(secondary.size()));
        state.put("secondary_private_ip_addresses", States.set(secondary.stream().map(a -> (Object) a.privateIp()).toList()));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(nat.tags()));
        return Optional.of(state);
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        for (String secondary : List.of("secondary_allocation_ids", "secondary_private_ip_address_count", "secondary_private_ip_addresses")) {
            if (changed(prior, planned, secondary)) {
                throw new ProviderException("updating " + label + " (" + id(prior) + "): changing " + secondary
                        + " in place is not served by LocalVPC (Associate/AssignPrivateNatGatewayAddress); replace the NAT gateway instead");
            }
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        if (Errors.find(doing("deleting", id), Set.of("NatGatewayNotFound"),
                () -> aws.ec2().deleteNatGateway(r -> r.natGatewayId(id))).isEmpty()) {
            return;
        }
        Waits.forState(aws, label + " (" + id + ") delete", Timeouts.of(state, "delete", DELETE_TIMEOUT), () -> Ec2Find.natGateway(aws, id),
                new Waits.States<>(NatGateway::stateAsString, Set.of("deleting"), Set.of(), null));
    }
}
