package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.States.str;
import static io.localvpc.terraform.provider.AttributeType.BOOL;
import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Address;

/**
 * {@code aws_eip_association}: AssociateAddress, known by the association id; every argument
 * forces a new association, so there is nothing to update in place.
 */
public final class EipAssociationResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    public EipAssociationResource() {
        super("aws_eip_association", "EC2 EIP Association", Schema.builder()
                .optionalComputedForceNew("allocation_id", STRING)
                .optionalForceNew("allow_reassociation", BOOL)
                .computed("id", STRING)
                .optionalComputedForceNew("instance_id", STRING)
                .optionalComputedForceNew("network_interface_id", STRING)
                .optionalComputedForceNew("private_ip_address", STRING)
                .optionalComputedForceNew("public_ip", STRING)
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        Boolean reassociate = Plain.boolOrNull(planned, "allow_reassociation");
        String id = Errors.call(doing("creating", null), () -> aws.ec2().associateAddress(r -> r
                .allocationId(set(planned, "allocation_id"))
                .instanceId(set(planned, "instance_id"))
                .networkInterfaceId(set(planned, "network_interface_id"))
                .privateIpAddress(set(planned, "private_ip_address"))
                .publicIp(set(planned, "public_ip"))
                .allowReassociation(reassociate))).associationId();
        Waits.untilFound(aws, label + " (" + id + ") create", TIMEOUT, () -> Ec2Find.addressByAssociation(aws, id));
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<Address> found = Ec2Find.addressByAssociation(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Address address = found.get();
        Map<String, Object> state = newState(prior);
        state.put("allocation_id", str(address.allocationId()));
        state.put("instance_id", str(address.instanceId()));
        state.put("network_interface_id", str(address.networkInterfaceId()));
        state.put("private_ip_address", str(address.privateIpAddress()));
        state.put("public_ip", str(address.publicIp()));
        return Optional.of(state);
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        throw new ProviderException("updating " + label + " (" + id(prior) + "): every argument forces a new association");
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        Errors.find(doing("deleting", id(state)), Set.of("InvalidAssociationID.NotFound"),
                () -> aws.ec2().disassociateAddress(r -> r.associationId(id(state))));
    }
}
