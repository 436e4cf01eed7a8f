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
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.AssignPrivateIpAddressesResponse;
import software.amazon.awssdk.services.ec2.model.AssignedPrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.PrivateIpAddressSpecification;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesRequest;
import software.amazon.awssdk.services.ec2.model.UnassignPrivateIpAddressesResponse;

/**
 * Network interfaces: created in a subnet with private addresses and security groups, described
 * with their public association (Elastic or auto-assigned) and attachment, modified, deleted.
 * Requester-managed interfaces (a NAT gateway's) are AWS's: users may look, not touch.
 */
public final class NetworkInterfaceService {
    /** The default quota of security groups per interface. */
    public static final int GROUPS_PER_INTERFACE = 5;

    private final CloudAccess cloud;

    public NetworkInterfaceService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateNetworkInterfaceRequest.class, this::create)
                .on(DescribeNetworkInterfacesRequest.class, this::describe)
                .on(DeleteNetworkInterfaceRequest.class, this::delete)
                .on(ModifyNetworkInterfaceAttributeRequest.class, this::modifyAttribute)
                .on(DescribeNetworkInterfaceAttributeRequest.class, this::describeAttribute)
                .on(AssignPrivateIpAddressesRequest.class, this::assignPrivateIps)
                .on(UnassignPrivateIpAddressesRequest.class, this::unassignPrivateIps);
    }

    /** What a new interface is, beyond its subnet and addresses. */
    public record Spec(
            String ownerId,
            String description,
            String interfaceType,
            boolean requesterManaged,
            String requesterId,
            List<String> groupIds,
            boolean sourceDestCheck,
            NetworkInterface.Attachment attachment) {}

    /**
     * Puts a new interface in the subnet: its primary address (the requested one, or a free one)
     * and then {@code secondaries} requested addresses plus {@code extra} free ones.
     */
    public static NetworkInterface create(Tx tx, Subnet subnet, Spec spec, String primary, List<String> secondaries, int extra) {
        // A random primary must not take an address the request names as a secondary.
        Set<Ipv4> named = new HashSet<>();
        secondaries.forEach(ip -> Ipv4.tryParse(ip).ifPresent(named::add));
        Ipv4 primaryIp = PrivateAddresses.allocate(tx, subnet, primary, named);
        NetworkInterface eni = new NetworkInterface(Ids.ec2("eni"), subnet.id(), subnet.vpcId(),
                subnet.availabilityZone(), spec.ownerId(), spec.description(), spec.interfaceType(),
                spec.requesterManaged(), spec.requesterId(), primaryIp, List.of(), spec.groupIds(),
                spec.sourceDestCheck(), Ids.mac(), spec.attachment(), null);
        tx.put(eni);
        return addSecondaries(tx, eni, subnet, secondaries, extra);
    }

    /** Adds private addresses one by one, so each allocation sees the ones before it. */
    static NetworkInterface addSecondaries(Tx tx, NetworkInterface eni, Subnet subnet, List<String> requested, int extra) {
        NetworkInterface current = eni;
        List<String> wanted = new ArrayList<>(requested);
        for (int i = 0; i < extra; i++) {
            wanted.add(null);
        }
        for (String ip : wanted) {
            List<Ipv4> secondaries = new ArrayList<>(current.secondaryPrivateIps());
            secondaries.add(PrivateAddresses.allocate(tx, subnet, ip));
            current = current.withSecondaryPrivateIps(secondaries);
            tx.put(current);
        }
        return current;
    }

    CreateNetworkInterfaceResponse create(RequestContext ctx, CreateNetworkInterfaceRequest request) {
        String type = request.interfaceTypeAsString() == null ? "interface" : request.interfaceTypeAsString();
        if (!List.of("interface", "efa", "efa-only", "trunk").contains(type)) {
            throw Ec2Errors.invalidValue("Value (" + type + ") for parameter interfaceType is invalid.");
        }
        Addresses addresses = Addresses.of(request);
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "network-interface");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Optional<String> earlier = ClientTokens.previous(tx, "CreateNetworkInterface", request.clientToken(), request);
            if (earlier.isPresent()) {
                return response(tx, tx.find(NetworkInterface.class, earlier.get()).orElseThrow(), ctx, request.clientToken());
            }
            Subnet subnet = tx.find(Subnet.class, request.subnetId())
                    .orElseThrow(() -> Ec2Errors.subnetNotFound(request.subnetId()));
            List<String> groups = request.hasGroups() && !request.groups().isEmpty()
                    ? validGroups(tx, subnet, request.groups())
                    : List.of(defaultGroup(tx, subnet.vpcId()));
            Spec spec = new Spec(ctx.accountId(), request.description() == null ? "" : request.description(), type,
                    false, null, groups, true, null);
            NetworkInterface eni = create(tx, subnet, spec, addresses.primary(), addresses.secondaries(), addresses.extra());
            tx.setTags(eni.id(), tags);
            ClientTokens.remember(tx, "CreateNetworkInterface", request.clientToken(), request, eni.id());
            return response(tx, eni, ctx, request.clientToken());
        });
    }

    private static CreateNetworkInterfaceResponse response(StateView state, NetworkInterface eni, RequestContext ctx, String token) {
        return CreateNetworkInterfaceResponse.builder()
                .networkInterface(toSdk(state, eni, ctx.region()))
                .clientToken(token)
                .build();
    }

    /** The addresses a CreateNetworkInterface asks for, from its three ways of asking. */
    private record Addresses(String primary, List<String> secondaries, int extra) {
        static Addresses of(CreateNetworkInterfaceRequest request) {
            String primary = request.privateIpAddress();
            List<String> secondaries = new ArrayList<>();
            if (request.hasPrivateIpAddresses()) {
                for (PrivateIpAddressSpecification spec : request.privateIpAddresses()) {
                    if (Boolean.TRUE.equals(spec.primary())) {
                        if (primary != null && !primary.equals(spec.privateIpAddress())) {
                            throw Ec2Errors.invalidCombination(
                                    "The primary private IP address is specified more than once.");
                        }
                        primary = spec.privateIpAddress();
                    } else if (spec.privateIpAddress() != null) {
                        secondaries.add(spec.privateIpAddress());
                    }
                }
            }
            int extra = request.secondaryPrivateIpAddressCount() == null ? 0 : request.secondaryPrivateIpAddressCount();
            if (request.secondaryPrivateIpAddressCount() != null && extra < 1) {
                throw Ec2Errors.invalidValue("Value (" + extra
                        + ") for parameter secondaryPrivateIpAddressCount is invalid. Value must be at least 1.");
            }
            if (extra > 0 && !secondaries.isEmpty()) {
                throw Ec2Errors.invalidCombination(
                        "The parameters secondaryPrivateIpAddressCount and privateIpAddresses cannot be used together.");
            }
            return new Addresses(primary, secondaries, extra);
        }
    }

    /** Groups for an interface: existing, of the subnet's VPC, at most five. */
    public static List<String> validGroups(StateView state, Subnet subnet, List<String> groupIds) {
        return validGroups(state, subnet.vpcId(), "subnet " + subnet.id(), groupIds);
    }

    /**
     * Groups for an interface in {@code vpcId}: existing, of that VPC, at most five.
     * {@code placedIn} names what the groups must share a network with, as the refusal says it.
     */
    public static List<String> validGroups(StateView state, String vpcId, String placedIn, List<String> groupIds) {
        List<String> groups = List.copyOf(new LinkedHashSet<>(groupIds));
        for (String id : groups) {
            SecurityGroup group = state.find(SecurityGroup.class, id).orElseThrow(() -> Ec2Errors.securityGroupNotFound(id));
            if (!group.vpcId().equals(vpcId)) {
                throw AwsException.badRequest("InvalidParameter", "Security group " + id + " and " + placedIn
                        + " belong to different networks.");
            }
        }
        if (groups.size() > GROUPS_PER_INTERFACE) {
            throw AwsException.badRequest("SecurityGroupsPerInterfaceLimitExceeded",
                    "The maximum number of security groups per interface has been reached.");
        }
        return groups;
    }

    public static String defaultGroup(StateView state, String vpcId) {
        return state.all(SecurityGroup.class).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.name().equals("default"))
                .map(SecurityGroup::id)
                .findFirst()
                .orElseThrow(() -> Ec2Errors.securityGroupNotFound("default"));
    }

    /** The describe's filters; some look at other resources (group names, Elastic IPs) in {@code state}. */
    private static Filters<NetworkInterface> filters(StateView state) {
        return Filters.forResource(NetworkInterface::id)
            .on("network-interface-id", NetworkInterface::id)
            .on("subnet-id", NetworkInterface::subnetId)
            .on("vpc-id", NetworkInterface::vpcId)
            .on("availability-zone", NetworkInterface::availabilityZone)
            .on("description", NetworkInterface::description)
            .on("interface-type", NetworkInterface::interfaceType)
            .on("mac-address", NetworkInterface::macAddress)
            .on("owner-id", NetworkInterface::ownerId)
            .on("requester-id", NetworkInterface::requesterId)
            .on("requester-managed", NetworkInterface::requesterManaged)
            .on("source-dest-check", NetworkInterface::sourceDestCheck)
            .on("status", NetworkInterface::status)
            .on("group-id", NetworkInterface::groupIds)
            .on("private-ip-address", n -> n.privateIp().toString())
            .on("addresses.private-ip-address", n -> n.privateIps().stream().map(Ipv4::toString).toList())
            .on("attachment.attachment-id", n -> n.attachment() == null ? null : n.attachment().id())
            .on("attachment.instance-id", n -> n.attachment() == null ? null : n.attachment().instanceId())
            .on("attachment.instance-owner-id", n -> n.attachment() == null ? null : n.attachment().instanceOwnerId())
            .on("attachment.device-index", n -> n.attachment() == null ? null : n.attachment().deviceIndex())
            .on("attachment.status", n -> n.attachment() == null ? null : n.attachment().status())
            .on("attachment.delete-on-termination",
                    n -> n.attachment() == null ? null : n.attachment().deleteOnTermination())
            .on("group-name", n -> n.groupIds().stream()
                    .map(id -> state.find(SecurityGroup.class, id).map(SecurityGroup::name).orElse(null)).toList())
            .on("private-dns-name", n -> privateDnsName(n.privateIp(), regionOf(n)))
            .on("association.public-ip", n -> publicIp(state, n, n.privateIp()).orElse(null))
            .on("association.allocation-id", n -> eip(state, n, n.privateIp()).map(Address::id).orElse(null))
            .on("association.association-id", n -> eip(state, n, n.privateIp()).map(Address::associationId).orElse(null))
            .on("association.ip-owner-id", n -> eip(state, n, n.privateIp()).map(Address::ownerId)
                    .orElse(n.publicIp() == null ? null : "amazon"))
            .on("addresses.primary", n -> n.secondaryPrivateIps().isEmpty() ? List.of(true) : List.of(true, false))
            .on("addresses.association.public-ip", n -> n.privateIps().stream()
                    .map(ip -> publicIp(state, n, ip).orElse(null)).toList());
    }

    DescribeNetworkInterfacesResponse describe(RequestContext ctx, DescribeNetworkInterfacesRequest request) {
        Pages.refuseIdsWithMaxResults(request.networkInterfaceIds(), request.maxResults(), "networkInterfaceIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<NetworkInterface> selected = Ec2Requests.selectByIds(
                state, NetworkInterface.class, request.networkInterfaceIds(), Ec2Errors::networkInterfaceNotFound);
        Pages<NetworkInterface> page =
                Pages.of(filters(state).apply(selected, request.filters(), state), request.maxResults(), request.nextToken());
        return DescribeNetworkInterfacesResponse.builder()
                .networkInterfaces(page.items().stream().map(n -> toSdk(state, n, ctx.region())).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteNetworkInterfaceResponse delete(RequestContext ctx, DeleteNetworkInterfaceRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkInterface eni = find(tx, request.networkInterfaceId());
            if (eni.attachment() != null) {
                throw AwsException.badRequest("InvalidNetworkInterface.InUse", "Interface: [" + eni.id() + "] in use.");
            }
            refuseManaged(eni);
            remove(tx, cloud.cloud().publicIps(), eni);
            return DeleteNetworkInterfaceResponse.builder().build();
        });
    }

    /** Deletes an interface: its Elastic IPs are disassociated, an auto-assigned public IP released. */
    public static void remove(Tx tx, PublicIpPool pool, NetworkInterface eni) {
        AddressService.on(tx, eni.id()).forEach(a -> tx.put(a.disassociate()));
        if (eni.publicIp() != null) {
            pool.release(eni.publicIp(), tx);
        }
        tx.remove(eni);
    }

    ModifyNetworkInterfaceAttributeResponse modifyAttribute(RequestContext ctx, ModifyNetworkInterfaceAttributeRequest request) {
        boolean groups = request.hasGroups() && !request.groups().isEmpty();
        int given = (request.description() != null ? 1 : 0) + (request.sourceDestCheck() != null ? 1 : 0)
                + (groups ? 1 : 0) + (request.attachment() != null ? 1 : 0);
        if (given == 0) {
            throw Ec2Errors.missing("Attribute");
        }
        if (given > 1) {
            throw Ec2Errors.invalidCombination("Only one attribute can be modified at a time.");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkInterface eni = find(tx, request.networkInterfaceId());
            refuseManaged(eni);
            NetworkInterface changed;
            if (request.description() != null) {
                changed = eni.withDescription(request.description().value() == null ? "" : request.description().value());
            } else if (request.sourceDestCheck() != null) {
                if (request.sourceDestCheck().value() == null) {
                    throw Ec2Errors.missing("SourceDestCheck.Value");
                }
                changed = eni.withSourceDestCheck(request.sourceDestCheck().value());
            } else if (groups) {
                Subnet subnet = tx.find(Subnet.class, eni.subnetId()).orElseThrow();
                changed = eni.withGroups(validGroups(tx, subnet, request.groups()));
            } else {
                var change = request.attachment();
                if (eni.attachment() == null || !eni.attachment().id().equals(change.attachmentId())) {
                    throw Ec2Errors.notFound("InvalidAttachmentID.NotFound",
                            "The attachment ID '" + change.attachmentId() + "' does not exist");
                }
                var a = eni.attachment();
                boolean onTermination = change.deleteOnTermination() == null
                        ? a.deleteOnTermination() : change.deleteOnTermination();
                changed = eni.withAttachment(new NetworkInterface.Attachment(a.id(), a.instanceId(),
                        a.instanceOwnerId(), a.deviceIndex(), a.status(), a.attachTime(), onTermination));
            }
            tx.put(changed);
            return ModifyNetworkInterfaceAttributeResponse.builder().build();
        });
    }

    DescribeNetworkInterfaceAttributeResponse describeAttribute(
            RequestContext ctx, DescribeNetworkInterfaceAttributeRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        NetworkInterface eni = find(state, request.networkInterfaceId());
        var response = DescribeNetworkInterfaceAttributeResponse.builder().networkInterfaceId(eni.id());
        String attribute = request.attributeAsString();
        if (attribute == null) {
            throw Ec2Errors.missing("Attribute");
        }
        switch (attribute) {
            case "description" -> response.description(AttributeValue.builder().value(eni.description()).build());
            case "groupSet" -> response.groups(groups(state, eni));
            case "sourceDestCheck" ->
                    response.sourceDestCheck(AttributeBooleanValue.builder().value(eni.sourceDestCheck()).build());
            case "attachment" -> response.attachment(attachment(eni));
            case "associatePublicIpAddress" -> response.associatePublicIpAddress(eni.publicIp() != null);
            default -> throw Ec2Errors.invalidValue(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return response.build();
    }

    AssignPrivateIpAddressesResponse assignPrivateIps(RequestContext ctx, AssignPrivateIpAddressesRequest request) {
        List<String> requested = request.hasPrivateIpAddresses() ? request.privateIpAddresses() : List.of();
        Integer count = request.secondaryPrivateIpAddressCount();
        if (requested.isEmpty() && count == null) {
            throw Ec2Errors.missing("PrivateIpAddress or SecondaryPrivateIpAddressCount");
        }
        if (!requested.isEmpty() && count != null) {
            throw Ec2Errors.invalidCombination(
                    "The parameters secondaryPrivateIpAddressCount and privateIpAddresses cannot be used together.");
        }
        if (count != null && count < 1) {
            throw Ec2Errors.invalidValue("Value (" + count
                    + ") for parameter secondaryPrivateIpAddressCount is invalid. Value must be at least 1.");
        }
        return cloud.write(ctx, tx -> {
            NetworkInterface eni = find(tx, request.networkInterfaceId());
            refuseManaged(eni);
            Subnet subnet = tx.find(Subnet.class, eni.subnetId()).orElseThrow();
            if (Boolean.TRUE.equals(request.allowReassignment())) {
                requested.forEach(ip -> takeFromOthers(tx, eni.id(), ip));
            }
            NetworkInterface changed = addSecondaries(tx, eni, subnet, requested, count == null ? 0 : count);
            List<Ipv4> added = changed.secondaryPrivateIps().subList(
                    eni.secondaryPrivateIps().size(), changed.secondaryPrivateIps().size());
            return AssignPrivateIpAddressesResponse.builder()
                    .networkInterfaceId(eni.id())
                    .assignedPrivateIpAddresses(added.stream()
                            .map(ip -> AssignedPrivateIpAddress.builder().privateIpAddress(ip.toString()).build())
                            .toList())
                    .build();
        });
    }

    /** With AllowReassignment, a secondary address of another interface moves to this one. */
    private static void takeFromOthers(Tx tx, String eniId, String ip) {
        Optional<Ipv4> address = Ipv4.tryParse(ip);
        if (address.isEmpty()) {
            return;
        }
        for (NetworkInterface other : List.copyOf(tx.all(NetworkInterface.class))) {
            if (!other.id().equals(eniId) && other.secondaryPrivateIps().contains(address.get())
                    && !other.requesterManaged()) {
                unassign(tx, other, List.of(address.get()));
            }
        }
    }

    UnassignPrivateIpAddressesResponse unassignPrivateIps(RequestContext ctx, UnassignPrivateIpAddressesRequest request) {
        if (!request.hasPrivateIpAddresses() || request.privateIpAddresses().isEmpty()) {
            throw Ec2Errors.missing("PrivateIpAddress");
        }
        return cloud.write(ctx, tx -> {
            NetworkInterface eni = find(tx, request.networkInterfaceId());
            refuseManaged(eni);
            List<Ipv4> removed = new ArrayList<>();
            for (String text : request.privateIpAddresses()) {
                Ipv4 ip = Ipv4.tryParse(text).filter(eni.secondaryPrivateIps()::contains).orElseThrow(() ->
                        Ec2Errors.invalidValue("Some of the specified addresses are not assigned to interface " + eni.id()));
                removed.add(ip);
            }
            unassign(tx, eni, removed);
            return UnassignPrivateIpAddressesResponse.builder().build();
        });
    }

    /** Takes secondary addresses off an interface; Elastic IPs mapped to them are disassociated. */
    private static void unassign(Tx tx, NetworkInterface eni, List<Ipv4> addresses) {
        AddressService.on(tx, eni.id()).stream()
                .filter(a -> addresses.contains(a.privateIp()))
                .forEach(a -> tx.put(a.disassociate()));
        tx.put(eni.withSecondaryPrivateIps(
                eni.secondaryPrivateIps().stream().filter(ip -> !addresses.contains(ip)).toList()));
    }

    private static void refuseManaged(NetworkInterface eni) {
        if (eni.requesterManaged()) {
            throw AwsException.badRequest("OperationNotPermitted", "The network interface '" + eni.id()
                    + "' is managed by AWS (" + eni.interfaceType() + ") and cannot be modified or deleted.");
        }
    }

    private static NetworkInterface find(StateView state, String id) {
        return state.find(NetworkInterface.class, id).orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(id));
    }

    private static Optional<Address> eip(StateView state, NetworkInterface eni, Ipv4 privateIp) {
        return AddressService.on(state, eni.id()).stream().filter(a -> privateIp.equals(a.privateIp())).findFirst();
    }

    private static Optional<String> publicIp(StateView state, NetworkInterface eni, Ipv4 privateIp) {
        Optional<Address> elastic = eip(state, eni, privateIp);
        if (elastic.isPresent()) {
            return Optional.of(elastic.get().publicIp().toString());
        }
        return privateIp.equals(eni.privateIp()) && eni.publicIp() != null
                ? Optional.of(eni.publicIp().toString()) : Optional.empty();
    }

    /** The public side of one private address: its Elastic IP, or (primary only) the auto-assigned IP. */
    private static NetworkInterfaceAssociation association(StateView state, NetworkInterface eni, Ipv4 privateIp, String region) {
        Optional<Address> elastic = eip(state, eni, privateIp);
        if (elastic.isPresent()) {
            Address a = elastic.get();
            return NetworkInterfaceAssociation.builder()
                    .allocationId(a.id())
                    .associationId(a.associationId())
                    .ipOwnerId(a.ownerId())
                    .publicIp(a.publicIp().toString())
                    .publicDnsName(publicDnsName(a.publicIp(), region))
                    .build();
        }
        if (privateIp.equals(eni.privateIp()) && eni.publicIp() != null) {
            return NetworkInterfaceAssociation.builder()
                    .ipOwnerId("amazon")
                    .publicIp(eni.publicIp().toString())
                    .publicDnsName(publicDnsName(eni.publicIp(), region))
                    .build();
        }
        return null;
    }

    /** The region from the availability zone's name (ap-northeast-1a → ap-northeast-1). */
    private static String regionOf(NetworkInterface eni) {
        return eni.availabilityZone().substring(0, eni.availabilityZone().length() - 1);
    }

    static String privateDnsName(Ipv4 ip, String region) {
        return "ip-" + ip.dashed() + (region.equals("us-east-1") ? ".ec2.internal" : "." + region + ".compute.internal");
    }

    static String publicDnsName(Ipv4 ip, String region) {
        return "ec2-" + ip.dashed()
                + (region.equals("us-east-1") ? ".compute-1.amazonaws.com" : "." + region + ".compute.amazonaws.com");
    }

    private static List<GroupIdentifier> groups(StateView state, NetworkInterface eni) {
        return eni.groupIds().stream()
                .map(id -> GroupIdentifier.builder().groupId(id)
                        .groupName(state.find(SecurityGroup.class, id).map(SecurityGroup::name).orElse(null)).build())
                .toList();
    }

    private static NetworkInterfaceAttachment attachment(NetworkInterface eni) {
        var a = eni.attachment();
        if (a == null) {
            return null;
        }
        return NetworkInterfaceAttachment.builder()
                .attachmentId(a.id())
                .instanceId(a.instanceId())
                .instanceOwnerId(a.instanceOwnerId())
                .deviceIndex(a.deviceIndex())
                .networkCardIndex(0)
                .status(a.status())
                .attachTime(a.attachTime())
                .deleteOnTermination(a.deleteOnTermination())
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.NetworkInterface toSdk(StateView state, NetworkInterface eni, String region) {
        NetworkInterfaceAssociation primaryAssociation = association(state, eni, eni.privateIp(), region);
        return software.amazon.awssdk.services.ec2.model.NetworkInterface.builder()
                .networkInterfaceId(eni.id())
                .subnetId(eni.subnetId())
                .vpcId(eni.vpcId())
                .availabilityZone(eni.availabilityZone())
                .availabilityZoneId(state.find(Subnet.class, eni.subnetId()).map(Subnet::availabilityZoneId).orElse(null))
                .ownerId(eni.ownerId())
                .description(eni.description())
                .interfaceType(eni.interfaceType())
                .requesterManaged(eni.requesterManaged())
                .requesterId(eni.requesterId())
                .sourceDestCheck(eni.sourceDestCheck())
                .status(eni.status())
                .macAddress(eni.macAddress())
                .privateIpAddress(eni.privateIp().toString())
                .privateDnsName(privateDnsName(eni.privateIp(), region))
                .privateIpAddresses(eni.privateIps().stream()
                        .map(ip -> NetworkInterfacePrivateIpAddress.builder()
                                .privateIpAddress(ip.toString())
                                .privateDnsName(privateDnsName(ip, region))
                                .primary(ip.equals(eni.privateIp()))
                                .association(association(state, eni, ip, region))
                                .build())
                        .toList())
                .association(primaryAssociation)
                .attachment(attachment(eni))
                .groups(groups(state, eni))
                .ipv6Addresses(List.of())
                .tagSet(Ec2Tags.of(state, eni.id()))
                .build();
    }
}
