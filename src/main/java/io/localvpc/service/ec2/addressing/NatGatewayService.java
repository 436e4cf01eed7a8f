package io.localvpc.service.ec2.addressing;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

/**
 * Zonal NAT gateways. Creating one places a requester-managed interface in the subnet at once;
 * whether the gateway then becomes {@code available} or {@code failed} is decided when its
 * pending time is up, as AWS reports problems (no internet gateway, Elastic IP taken) only
 * asynchronously. Deleting takes the same time, then frees the interface and the Elastic IPs.
 */
public final class NatGatewayService {
    /** The default quota of NAT gateways per availability zone (pending, available and deleting count). */
    /** The most addresses one NAT gateway can have (the primary and seven secondaries). */
    public static final int ADDRESSES_PER_GATEWAY = 8;
    /** Who AWS says the NAT gateway's interface is attached to and requested by. */
    public static final String AWS_OWNER = "amazon-aws";

    private static final Filters<NatGateway> FILTERS = Filters.forResource(NatGateway::id)
            .on("nat-gateway-id", NatGateway::id)
            .on("state", NatGateway::state)
            .on("subnet-id", NatGateway::subnetId)
            .on("vpc-id", NatGateway::vpcId);

    private final CloudAccess cloud;

    public NatGatewayService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateNatGatewayRequest.class, this::create)
                .on(DescribeNatGatewaysRequest.class, this::describe)
                .on(DeleteNatGatewayRequest.class, this::delete);
    }

    /** The addresses a create asks for: Elastic IPs (public) and private IPs, primary first. */
    private record Wanted(List<String> allocationIds, String primaryIp, List<String> secondaryIps, int extraIps) {
        int count() {
            return Math.max(allocationIds.size(), 1 + secondaryIps.size() + extraIps);
        }
    }

    CreateNatGatewayResponse create(RequestContext ctx, CreateNatGatewayRequest request) {
        if (request.subnetId() == null) {
            if (request.vpcId() != null || "regional".equals(request.availabilityModeAsString())) {
                throw Ec2Errors.invalidValue("LocalVPC supports zonal NAT gateways only; specify SubnetId.");
            }
            throw Ec2Errors.missing("SubnetId");
        }
        if (request.availabilityModeAsString() != null && !request.availabilityModeAsString().equals("zonal")) {
            throw Ec2Errors.invalidValue(
                    "Value (" + request.availabilityModeAsString() + ") for parameter availabilityMode is invalid.");
        }
        String connectivity = request.connectivityTypeAsString() == null ? "public" : request.connectivityTypeAsString();
        if (!connectivity.equals("public") && !connectivity.equals("private")) {
            throw Ec2Errors.invalidValue("Value (" + connectivity + ") for parameter connectivityType is invalid.");
        }
        Wanted wanted = wanted(request, connectivity.equals("public"));
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "natgateway");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Optional<String> earlier = ClientTokens.previous(tx, "CreateNatGateway", request.clientToken(), request);
            if (earlier.isPresent()) {
                return response(tx, tx.find(NatGateway.class, earlier.get()).orElseThrow(), request.clientToken());
            }
            Subnet subnet = tx.find(Subnet.class, request.subnetId())
                    .orElseThrow(() -> Ec2Errors.subnetNotFound(request.subnetId()));
            List<Address> eips = wanted.allocationIds().stream()
                    .map(id -> tx.find(Address.class, id).orElseThrow(() -> Ec2Errors.allocationNotFound(id)))
                    .toList();
            if (countingTowardsQuota(tx, subnet.availabilityZone()) >= cloud.quotas().natGatewaysPerZone()) {
                throw AwsException.badRequest("NatGatewayLimitExceeded",
                        "Performing this operation would exceed the limit of " + cloud.quotas().natGatewaysPerZone() + " NAT gateways");
            }
            String id = Ids.ec2("nat");
            NatGateway nat = new NatGateway(id, subnet.id(), subnet.vpcId(), ctx.accountId(), connectivity, "pending",
                    null, null, addresses(tx, subnet, id, wanted, eips, ctx.now()), ctx.now(), null,
                    ctx.now().plus(cloud.timings().stateChange()), request.clientToken());
            tx.put(nat);
            tx.setTags(nat.id(), tags);
            ClientTokens.remember(tx, "CreateNatGateway", request.clientToken(), request, nat.id());
            return response(tx, nat, request.clientToken());
        });
    }

    private static Wanted wanted(CreateNatGatewayRequest request, boolean isPublic) {
        List<String> secondaryAllocations = request.hasSecondaryAllocationIds() ? request.secondaryAllocationIds() : List.of();
        List<String> secondaryIps = request.hasSecondaryPrivateIpAddresses() ? request.secondaryPrivateIpAddresses() : List.of();
        Integer count = request.secondaryPrivateIpAddressCount();
        if (count != null && !secondaryIps.isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "The parameters SecondaryPrivateIpAddressCount and SecondaryPrivateIpAddresses cannot be used together.");
        }
        if (count != null && (count < 1 || count > ADDRESSES_PER_GATEWAY - 1)) {
            throw Ec2Errors.invalidValue("Value (" + count
                    + ") for parameter secondaryPrivateIpAddressCount is invalid. Value must be between 1 and "
                    + (ADDRESSES_PER_GATEWAY - 1) + ".");
        }
        List<String> allocations = new ArrayList<>();
        if (isPublic) {
            if (request.allocationId() == null) {
                throw Ec2Errors.missing("AllocationId");
            }
            if (count != null) {
                throw Ec2Errors.invalidCombination(
                        "SecondaryPrivateIpAddressCount is for private NAT gateways; a public one takes SecondaryAllocationIds.");
            }
            if (!secondaryIps.isEmpty() && secondaryIps.size() != secondaryAllocations.size()) {
                throw Ec2Errors.invalidCombination(
                        "Specify one SecondaryPrivateIpAddress for each SecondaryAllocationId.");
            }
            allocations.add(request.allocationId());
            allocations.addAll(secondaryAllocations);
            if (new LinkedHashSet<>(allocations).size() != allocations.size()) {
                throw Ec2Errors.invalidValue("An allocation ID is specified more than once.");
            }
        } else if (request.allocationId() != null || !secondaryAllocations.isEmpty()) {
            throw Ec2Errors.invalidValue("A private NAT gateway does not take an Elastic IP allocation ID.");
        }
        Wanted wanted = new Wanted(allocations, request.privateIpAddress(), secondaryIps, count == null ? 0 : count);
        if (wanted.count() > ADDRESSES_PER_GATEWAY) {
            throw Ec2Errors.invalidValue("A NAT gateway can have at most " + ADDRESSES_PER_GATEWAY + " addresses.");
        }
        return wanted;
    }

    private static long countingTowardsQuota(StateView state, String zone) {
        return state.all(NatGateway.class).stream()
                .filter(n -> List.of("pending", "available", "deleting").contains(n.state()))
                .filter(n -> state.find(Subnet.class, n.subnetId()).map(s -> s.availabilityZone().equals(zone)).orElse(false))
                .count();
    }

    /**
     * The gateway's addresses and its interface. When the subnet has too few free addresses the
     * interface is not made, and the gateway fails once its pending time is up.
     */
    private List<NatGateway.NatAddress> addresses(
            Tx tx, Subnet subnet, String natId, Wanted wanted, List<Address> eips, Instant now) {
        int extra = wanted.count() - 1 - wanted.secondaryIps().size();
        Optional<NetworkInterface> eni = Optional.empty();
        if (PrivateAddresses.available(tx, subnet) >= wanted.count()) {
            NetworkInterfaceService.Spec spec = new NetworkInterfaceService.Spec(subnet.ownerId(),
                    "Interface for NAT Gateway " + natId, "nat_gateway", true, AWS_OWNER, List.of(), false,
                    new NetworkInterface.Attachment(Ids.ec2("ela-attach"), null, AWS_OWNER, 1, "attached", now, false));
            eni = Optional.of(NetworkInterfaceService.create(
                    tx, subnet, spec, wanted.primaryIp(), wanted.secondaryIps(), extra));
        }
        List<NatGateway.NatAddress> addresses = new ArrayList<>();
        for (int i = 0; i < wanted.count(); i++) {
            Address eip = i < eips.size() ? eips.get(i) : null;
            int index = i;
            addresses.add(new NatGateway.NatAddress(
                    eip == null ? null : eip.id(),
                    null,
                    eni.map(NetworkInterface::id).orElse(null),
                    eni.map(n -> n.privateIps().get(index)).orElse(null),
                    eip == null ? null : eip.publicIp(),
                    i == 0,
                    eip == null ? "assigning" : "associating"));
        }
        return addresses;
    }

    private static CreateNatGatewayResponse response(StateView state, NatGateway nat, String token) {
        return CreateNatGatewayResponse.builder().natGateway(toSdk(state, nat)).clientToken(token).build();
    }

    DescribeNatGatewaysResponse describe(RequestContext ctx, DescribeNatGatewaysRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<NatGateway> selected = state.all(NatGateway.class).stream().toList();
        if (request.hasNatGatewayIds() && !request.natGatewayIds().isEmpty()) {
            for (String id : request.natGatewayIds()) {
                if (state.find(NatGateway.class, id).isEmpty()) {
                    throw Ec2Errors.natGatewayNotFound(id);
                }
            }
            selected = selected.stream().filter(n -> request.natGatewayIds().contains(n.id())).toList();
        }
        Pages<NatGateway> page = Pages.of(FILTERS.apply(selected, request.filter(), state),
                request.maxResults(), request.nextToken());
        return DescribeNatGatewaysResponse.builder()
                .natGateways(page.items().stream().map(n -> toSdk(state, n)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteNatGatewayResponse delete(RequestContext ctx, DeleteNatGatewayRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NatGateway nat = tx.find(NatGateway.class, request.natGatewayId())
                    .filter(n -> !n.state().equals("deleted"))
                    .orElseThrow(() -> Ec2Errors.natGatewayNotFound(request.natGatewayId()));
            if (!nat.state().equals("deleting")) {
                tx.put(nat.deleting(ctx.now(), ctx.now().plus(cloud.timings().stateChange())));
            }
            return DeleteNatGatewayResponse.builder().natGatewayId(nat.id()).build();
        });
    }

    /** What happens when a gateway's time comes: it settles, finishes deleting, or goes out of sight. */
    public void evolve(Tx tx, NatGateway nat) {
        Instant at = nat.dueAt();
        switch (nat.state()) {
            case "pending" -> settle(tx, nat, at);
            case "deleting" -> {
                removeInterfaces(tx, nat);
                tx.put(nat.withState("deleted", at.plus(cloud.timings().retention())));
            }
            default -> tx.remove(nat); // deleted or failed: AWS keeps them visible for an hour
        }
    }

    /** Pending → available with its Elastic IPs associated, or → failed with AWS's reason. */
    private void settle(Tx tx, NatGateway nat, Instant at) {
        Optional<Failure> failure = failure(tx, nat);
        if (failure.isPresent()) {
            removeInterfaces(tx, nat);
            tx.put(nat.withAddresses(withStatus(nat.addresses(), "failed"))
                    .failed(failure.get().code(), failure.get().message(), at.plus(cloud.timings().retention())));
            return;
        }
        List<NatGateway.NatAddress> settled = new ArrayList<>();
        for (NatGateway.NatAddress a : nat.addresses()) {
            String associationId = null;
            if (a.allocationId() != null) {
                Address eip = tx.find(Address.class, a.allocationId()).orElseThrow();
                NetworkInterface eni = tx.find(NetworkInterface.class, a.networkInterfaceId()).orElseThrow();
                associationId = AddressService.associate(tx, cloud.cloud().publicIps(), eip, eni, a.privateIp())
                        .associationId();
            }
            settled.add(new NatGateway.NatAddress(a.allocationId(), associationId, a.networkInterfaceId(),
                    a.privateIp(), a.publicIp(), a.isPrimary(), "succeeded"));
        }
        tx.put(nat.withAddresses(settled).withState("available", null));
    }

    private record Failure(String code, String message) {}

    /** Why AWS would fail this gateway now, in the order it checks. */
    private static Optional<Failure> failure(StateView state, NatGateway nat) {
        if (state.find(Subnet.class, nat.subnetId()).isEmpty()) {
            return Optional.of(new Failure("InvalidSubnetID.NotFound",
                    "The specified subnet " + nat.subnetId() + " does not exist or could not be found."));
        }
        if (nat.addresses().stream().anyMatch(a -> a.networkInterfaceId() == null)) {
            return Optional.of(new Failure("InsufficientFreeAddressesInSubnet",
                    "Subnet has insufficient free addresses to create this NAT gateway"));
        }
        if (nat.isPublic()
                && state.all(InternetGateway.class).stream().noneMatch(g -> nat.vpcId().equals(g.attachedVpcId()))) {
            return Optional.of(new Failure("Gateway.NotAttached",
                    "Network " + nat.vpcId() + " has no Internet gateway attached"));
        }
        for (NatGateway.NatAddress a : nat.addresses()) {
            if (a.allocationId() == null) {
                continue;
            }
            Optional<Address> eip = state.find(Address.class, a.allocationId());
            if (eip.isEmpty()) {
                return Optional.of(new Failure("InvalidAllocationID.NotFound",
                        "Elastic IP address " + a.allocationId() + " could not be associated with this NAT gateway"));
            }
            if (eip.get().isAssociated()) {
                return Optional.of(new Failure("Resource.AlreadyAssociated",
                        "Elastic IP address " + a.allocationId() + " is already associated"));
            }
        }
        return Optional.empty();
    }

    /** Deletes the gateway's interfaces, which disassociates (not releases) its Elastic IPs. */
    private void removeInterfaces(Tx tx, NatGateway nat) {
        nat.addresses().stream()
                .map(NatGateway.NatAddress::networkInterfaceId)
                .filter(id -> id != null)
                .distinct()
                .forEach(id -> tx.find(NetworkInterface.class, id)
                        .ifPresent(eni -> NetworkInterfaceService.remove(tx, cloud.cloud().publicIps(), eni)));
    }

    private static List<NatGateway.NatAddress> withStatus(List<NatGateway.NatAddress> addresses, String status) {
        return addresses.stream()
                .map(a -> new NatGateway.NatAddress(a.allocationId(), a.associationId(), a.networkInterfaceId(),
                        a.privateIp(), a.publicIp(), a.isPrimary(), status))
                .toList();
    }

    static software.amazon.awssdk.services.ec2.model.NatGateway toSdk(StateView state, NatGateway nat) {
        return software.amazon.awssdk.services.ec2.model.NatGateway.builder()
                .natGatewayId(nat.id())
                .subnetId(nat.subnetId())
                .vpcId(nat.vpcId())
                .state(nat.state())
                .connectivityType(nat.connectivityType())
                .availabilityMode("zonal")
                .createTime(nat.createTime())
                .deleteTime(nat.deleteTime())
                .failureCode(nat.failureCode())
                .failureMessage(nat.failureMessage())
                .natGatewayAddresses(nat.addresses().stream()
                        .map(a -> NatGatewayAddress.builder()
                                .allocationId(a.allocationId())
                                .associationId(a.associationId())
                                .networkInterfaceId(a.networkInterfaceId())
                                .privateIp(a.privateIp() == null ? null : a.privateIp().toString())
                                .publicIp(a.publicIp() == null ? null : a.publicIp().toString())
                                .isPrimary(a.isPrimary())
                                .status(a.status())
                                .build())
                        .toList())
                .tags(Ec2Tags.of(state, nat.id()))
                .build();
    }
}
