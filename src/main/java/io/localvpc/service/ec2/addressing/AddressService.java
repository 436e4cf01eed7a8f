package io.localvpc.service.ec2.addressing;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Ipv4;
import io.localvpc.model.PublicIpPool;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AddressAttribute;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;

/**
 * Elastic IPs: allocated from the simulated internet's pool, associated with one private address
 * of a network interface (an instance's or a NAT gateway's), released back to the pool.
 */
public final class AddressService {
    /** The default quota of Elastic IPs per region. */
    /** The only public IPv4 pool LocalVPC has: Amazon's. */
    public static final String AMAZON_POOL = "amazon";

    private static final Filters<Address> FILTERS = Filters.forResource(Address::id)
            .on("allocation-id", Address::id)
            .on("association-id", Address::associationId)
            .on("domain", a -> "vpc")
            .on("instance-id", Address::instanceId)
            .on("network-border-group", Address::networkBorderGroup)
            .on("network-interface-id", Address::networkInterfaceId)
            .on("network-interface-owner-id", Address::networkInterfaceOwnerId)
            .on("private-ip-address", a -> a.privateIp() == null ? null : a.privateIp().toString())
            .on("public-ip", a -> a.publicIp().toString())
            .on("public-ipv4-pool", a -> AMAZON_POOL);

    private final CloudAccess cloud;

    public AddressService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(AllocateAddressRequest.class, this::allocate)
                .on(DescribeAddressesRequest.class, this::describe)
                .on(ReleaseAddressRequest.class, this::release)
                .on(AssociateAddressRequest.class, this::associate)
                .on(DisassociateAddressRequest.class, this::disassociate)
                .on(DescribeAddressesAttributeRequest.class, this::describeAttribute);
    }

    AllocateAddressResponse allocate(RequestContext ctx, AllocateAddressRequest request) {
        // Since EC2-Classic was retired every address is a VPC address; "standard" gets one too.
        String domain = request.domainAsString();
        if (domain != null && !domain.equals("vpc") && !domain.equals("standard")) {
            throw Ec2Errors.invalidValue("Value (" + domain + ") for parameter domain is invalid.");
        }
        if (request.publicIpv4Pool() != null && !request.publicIpv4Pool().equals(AMAZON_POOL)) {
            throw Ec2Errors.invalidValue("The specified public IPv4 pool '" + request.publicIpv4Pool() + "' is invalid.");
        }
        if (request.networkBorderGroup() != null && !request.networkBorderGroup().equals(ctx.region())) {
            throw Ec2Errors.invalidValue(
                    "The network border group '" + request.networkBorderGroup() + "' is invalid.");
        }
        if (request.customerOwnedIpv4Pool() != null || request.ipamPoolId() != null) {
            throw Ec2Errors.invalidValue("LocalVPC allocates Elastic IPs from Amazon's pool only.");
        }
        if (request.address() != null) {
            // Recovering a released address: LocalVPC hands addresses out anew, so none is recoverable.
            throw AwsException.badRequest("InvalidAddress.NotFound",
                    "The requested IP address '" + request.address() + "' does not exist or is unavailable");
        }
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "elastic-ip");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            if (tx.all(Address.class).size() >= cloud.quotas().elasticIpsPerRegion()) {
                throw AwsException.badRequest("AddressLimitExceeded", "The maximum number of addresses has been reached.");
            }
            Ipv4 ip = cloud.cloud().publicIps().claim(tx).orElseThrow(() -> AwsException.badRequest(
                    "InsufficientAddressCapacity", "There are not enough free public IPv4 addresses to satisfy the request."));
            Address address = new Address(Ids.ec2("eipalloc"), ip, ctx.accountId(), ctx.region(),
                    null, null, null, null, null);
            tx.put(address);
            tx.setTags(address.id(), tags);
            return AllocateAddressResponse.builder()
                    .allocationId(address.id())
                    .publicIp(ip.toString())
                    .domain(DomainType.VPC)
                    .publicIpv4Pool(AMAZON_POOL)
                    .networkBorderGroup(address.networkBorderGroup())
                    .build();
        });
    }

    DescribeAddressesResponse describe(RequestContext ctx, DescribeAddressesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Address> selected =
                Ec2Requests.selectByIds(state, Address.class, request.allocationIds(), Ec2Errors::allocationNotFound);
        if (request.hasPublicIps() && !request.publicIps().isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String ip : new LinkedHashSet<>(request.publicIps())) {
                if (byPublicIp(state, ip).isEmpty()) {
                    missing.add(ip);
                }
            }
            if (!missing.isEmpty()) {
                throw addressNotFound(String.join("', '", missing));
            }
            selected = selected.stream().filter(a -> request.publicIps().contains(a.publicIp().toString())).toList();
        }
        return DescribeAddressesResponse.builder()
                .addresses(FILTERS.apply(selected, request.filters(), state).stream().map(a -> toSdk(state, a)).toList())
                .build();
    }

    ReleaseAddressResponse release(RequestContext ctx, ReleaseAddressRequest request) {
        if (request.allocationId() == null) {
            if (request.publicIp() != null) {
                throw Ec2Errors.invalidValue("You must specify an allocation id when releasing a VPC elastic IP address");
            }
            throw Ec2Errors.missing("AllocationId");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Address address = find(tx, request.allocationId());
            if (request.networkBorderGroup() != null && !request.networkBorderGroup().equals(address.networkBorderGroup())) {
                throw Ec2Errors.invalidValue("The network border group '" + request.networkBorderGroup()
                        + "' does not match the network border group of the address '" + address.id() + "'.");
            }
            if (address.isAssociated()) {
                if (heldByAws(tx, address)) {
                    throw notPermitted();
                }
                throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + address.publicIp() + " is in use.");
            }
            tx.remove(address);
            cloud.cloud().publicIps().release(address.publicIp(), tx);
            return ReleaseAddressResponse.builder().build();
        });
    }

    AssociateAddressResponse associate(RequestContext ctx, AssociateAddressRequest request) {
        if (request.allocationId() == null && request.publicIp() == null) {
            throw Ec2Errors.missing("AllocationId");
        }
        if (request.instanceId() == null && request.networkInterfaceId() == null) {
            throw Ec2Errors.missing("InstanceId or NetworkInterfaceId");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Address address = request.allocationId() != null
                    ? find(tx, request.allocationId())
                    : byPublicIp(tx, request.publicIp()).orElseThrow(() -> addressNotFound(request.publicIp()));
            NetworkInterface eni = targetInterface(tx, request.instanceId(), request.networkInterfaceId());
            Ipv4 privateIp = eni.privateIp();
            if (request.privateIpAddress() != null) {
                privateIp = Ipv4.tryParse(request.privateIpAddress())
                        .filter(ip -> eni.privateIps().contains(ip))
                        .orElseThrow(() -> Ec2Errors.invalidValue("The private IP address " + request.privateIpAddress()
                                + " is not associated with the network interface " + eni.id() + "."));
            }
            if (eni.requesterManaged()) {
                throw notPermitted();
            }
            boolean reassociate = !Boolean.FALSE.equals(request.allowReassociation());
            if (address.isAssociated()) {
                if (heldByAws(tx, address)) {
                    throw notPermitted();
                }
                if (!reassociate) {
                    throw alreadyAssociated(address);
                }
            }
            if (tx.all(InternetGateway.class).stream().noneMatch(g -> eni.vpcId().equals(g.attachedVpcId()))) {
                throw AwsException.badRequest("Gateway.NotAttached",
                        "Network " + eni.vpcId() + " is not attached to any internet gateway");
            }
            Ipv4 target = privateIp;
            Optional<Address> occupant = tx.all(Address.class).stream()
                    .filter(a -> !a.id().equals(address.id()) && eni.id().equals(a.networkInterfaceId())
                            && target.equals(a.privateIp()))
                    .findFirst();
            if (occupant.isPresent()) {
                if (!reassociate) {
                    throw alreadyAssociated(occupant.get());
                }
                tx.put(occupant.get().disassociate());
            }
            Address associated = associate(tx, cloud.cloud().publicIps(), address, eni, target);
            return AssociateAddressResponse.builder().associationId(associated.associationId()).build();
        });
    }

    /** The interface an association goes to: the one named, or the instance's primary one. */
    private static NetworkInterface targetInterface(Tx tx, String instanceId, String networkInterfaceId) {
        if (networkInterfaceId != null) {
            NetworkInterface eni = tx.find(NetworkInterface.class, networkInterfaceId)
                    .orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(networkInterfaceId));
            if (instanceId != null && (eni.attachment() == null || !instanceId.equals(eni.attachment().instanceId()))) {
                throw Ec2Errors.invalidCombination("The network interface " + eni.id()
                        + " is not attached to the instance " + instanceId + ".");
            }
            return eni;
        }
        Instance instance = tx.find(Instance.class, instanceId)
                .filter(i -> !i.state().equals("terminated"))
                .orElseThrow(() -> Ec2Errors.instanceNotFound(instanceId));
        if (!instance.state().equals("running") && !instance.state().equals("stopped")) {
            throw AwsException.badRequest("IncorrectInstanceState",
                    "The instance '" + instance.id() + "' is not in a valid state for this operation.");
        }
        return tx.find(NetworkInterface.class, instance.primaryNetworkInterfaceId())
                .orElseThrow(() -> Ec2Errors.instanceNotFound(instanceId));
    }

    DisassociateAddressResponse disassociate(RequestContext ctx, DisassociateAddressRequest request) {
        if (request.associationId() == null && request.publicIp() == null) {
            throw Ec2Errors.missing("AssociationId");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Address address = request.associationId() != null
                    ? tx.all(Address.class).stream().filter(a -> request.associationId().equals(a.associationId()))
                            .findFirst().orElseThrow(() -> Ec2Errors.associationNotFound(request.associationId()))
                    : byPublicIp(tx, request.publicIp()).filter(Address::isAssociated)
                            .orElseThrow(() -> addressNotFound(request.publicIp()));
            if (heldByAws(tx, address)) {
                throw notPermitted();
            }
            tx.put(address.disassociate());
            return DisassociateAddressResponse.builder().build();
        });
    }

    DescribeAddressesAttributeResponse describeAttribute(RequestContext ctx, DescribeAddressesAttributeRequest request) {
        if (request.attributeAsString() == null) {
            throw Ec2Errors.missing("Attribute");
        }
        if (!request.attributeAsString().equals("domain-name")) {
            throw Ec2Errors.invalidValue(
                    "Value (" + request.attributeAsString() + ") for parameter attribute is invalid.");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Address> selected =
                Ec2Requests.selectByIds(state, Address.class, request.allocationIds(), Ec2Errors::allocationNotFound);
        // No reverse DNS (PTR) record is ever set in LocalVPC, so each address shows none.
        Pages<Address> page = Pages.of(selected, request.maxResults(), request.nextToken(), 1, 1000);
        return DescribeAddressesAttributeResponse.builder()
                .addresses(page.items().stream()
                        .map(a -> AddressAttribute.builder().allocationId(a.id()).publicIp(a.publicIp().toString()).build())
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }

    /**
     * Points an address at one private IP of an interface. The interface's auto-assigned public
     * IP, if the address takes over its primary address, goes back to the pool as on AWS.
     */
    static Address associate(Tx tx, PublicIpPool pool, Address address, NetworkInterface eni, Ipv4 privateIp) {
        String instanceId = eni.attachment() == null ? null : eni.attachment().instanceId();
        Address associated = address.associate(Ids.ec2("eipassoc"), eni.id(), eni.ownerId(), privateIp,
                instanceId != null && instanceId.startsWith("i-") ? instanceId : null);
        tx.put(associated);
        if (eni.publicIp() != null && privateIp.equals(eni.privateIp())) {
            pool.release(eni.publicIp(), tx);
            tx.put(eni.withPublicIp(null));
        }
        return associated;
    }

    /** The Elastic IPs mapped to an interface (any of its private addresses). */
    static List<Address> on(StateView state, String networkInterfaceId) {
        return state.all(Address.class).stream().filter(a -> networkInterfaceId.equals(a.networkInterfaceId())).toList();
    }

    /** An address mapped to a requester-managed interface (a NAT gateway's) is AWS's to manage. */
    private static boolean heldByAws(StateView state, Address address) {
        return address.networkInterfaceId() != null && state.find(NetworkInterface.class, address.networkInterfaceId())
                .map(NetworkInterface::requesterManaged).orElse(false);
    }

    private static AwsException notPermitted() {
        return AwsException.badRequest("AuthFailure", "You do not have permission to access the specified resource.");
    }

    private static AwsException alreadyAssociated(Address address) {
        return AwsException.badRequest("Resource.AlreadyAssociated",
                "resource " + address.id() + " is already associated with associationId " + address.associationId());
    }

    private static AwsException addressNotFound(String publicIp) {
        return Ec2Errors.notFound("InvalidAddress.NotFound", "Address '" + publicIp + "' not found.");
    }

    private static Optional<Address> byPublicIp(StateView state, String ip) {
        return state.all(Address.class).stream().filter(a -> a.publicIp().toString().equals(ip)).findFirst();
    }

    private static Address find(StateView state, String allocationId) {
        return state.find(Address.class, allocationId).orElseThrow(() -> Ec2Errors.allocationNotFound(allocationId));
    }

    static software.amazon.awssdk.services.ec2.model.Address toSdk(StateView state, Address address) {
        return software.amazon.awssdk.services.ec2.model.Address.builder()
                .allocationId(address.id())
                .publicIp(address.publicIp().toString())
                .domain(DomainType.VPC)
                .publicIpv4Pool(AMAZON_POOL)
                .networkBorderGroup(address.networkBorderGroup())
                .associationId(address.associationId())
                .networkInterfaceId(address.networkInterfaceId())
                .networkInterfaceOwnerId(address.networkInterfaceOwnerId())
                .privateIpAddress(address.privateIp() == null ? null : address.privateIp().toString())
                .instanceId(address.instanceId())
                .tags(Ec2Tags.of(state, address.id()))
                .build();
    }
}
