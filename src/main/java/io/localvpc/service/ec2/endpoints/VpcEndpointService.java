package io.localvpc.service.ec2.endpoints;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import io.localvpc.service.ec2.addressing.NetworkInterfaceService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointResponse;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulItemError;

/**
 * VPC endpoints to AWS services. An interface endpoint places a requester-managed interface in each
 * of its subnets at once and, with private DNS on, makes the service's public name resolve to those
 * interfaces inside the VPC; a gateway endpoint adds a route to its service's prefix list to each of
 * its route tables. Both become {@code available} when their pending time is up; deleting takes
 * the same time, then the interfaces and routes are gone.
 */
public final class VpcEndpointService {
    /** The policy an endpoint gets when the request gives none: anyone, anything, through it. */
    public static final String FULL_ACCESS_POLICY =
            "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static final List<String> TYPES = List.of("Interface", "Gateway", "GatewayLoadBalancer", "Resource",
            "ServiceNetwork");

    private static final Filters<VpcEndpoint> FILTERS = Filters.forResource(VpcEndpoint::id)
            .on("vpc-endpoint-id", VpcEndpoint::id)
            .on("vpc-id", VpcEndpoint::vpcId)
            .on("service-name", VpcEndpoint::serviceName)
            .on("vpc-endpoint-state", VpcEndpoint::state)
            .on("vpc-endpoint-type", VpcEndpoint::type)
            .on("ip-address-type", VpcEndpoint::ipAddressType)
            .on("service-region", VpcEndpoint::serviceRegion);

    private final CloudAccess cloud;

    public VpcEndpointService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateVpcEndpointRequest.class, this::create)
                .on(DescribeVpcEndpointsRequest.class, this::describe)
                .on(ModifyVpcEndpointRequest.class, this::modify)
                .on(DeleteVpcEndpointsRequest.class, this::delete);
    }

    CreateVpcEndpointResponse create(RequestContext ctx, CreateVpcEndpointRequest request) {
        String type = request.vpcEndpointTypeAsString() == null ? VpcEndpoint.GATEWAY : request.vpcEndpointTypeAsString();
        if (!TYPES.contains(type)) {
            throw Ec2Errors.invalidValue("Value (" + type + ") for parameter VpcEndpointType is invalid.");
        }
        if (request.serviceName() == null || request.serviceName().isEmpty()) {
            throw Ec2Errors.missing("ServiceName");
        }
        String ipAddressType = ipAddressType(request.ipAddressTypeAsString());
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "vpc-endpoint");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Optional<String> earlier = ClientTokens.previous(tx, "CreateVpcEndpoint", request.clientToken(), request);
            if (earlier.isPresent()) {
                return response(tx, tx.find(VpcEndpoint.class, earlier.get()).orElseThrow(), request.clientToken());
            }
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            EndpointServices.Offer offer = EndpointServices.forCreate(ctx.region(), request.serviceName(), type);
            String id = Ids.ec2("vpce");
            VpcEndpoint pending = new VpcEndpoint(id, offer.type(), vpc.id(), offer.serviceName(), ctx.accountId(),
                    "pending", policy(request.policyDocument()), List.of(), List.of(), List.of(), List.of(), false,
                    ipAddressType, Ids.ec2("x").substring(2, 10), ctx.now(),
                    ctx.now().plus(cloud.timings().stateChange()), request.clientToken());
            VpcEndpoint endpoint = pending.isInterface()
                    ? placed(tx, vpc, pending, request, ctx.now())
                    : routed(tx, pending, request);
            tx.put(endpoint);
            tx.setTags(id, tags);
            ClientTokens.remember(tx, "CreateVpcEndpoint", request.clientToken(), request, id);
            return response(tx, endpoint, request.clientToken());
        });
    }

    /** A new interface endpoint in its subnets, with its groups (the VPC's default group if none) and private DNS. */
    private static VpcEndpoint placed(Tx tx, Vpc vpc, VpcEndpoint endpoint, CreateVpcEndpointRequest request,
            Instant now) {
        if (request.hasRouteTableIds() && !request.routeTableIds().isEmpty()) {
            throw routeTablesOnlyForGateways();
        }
        List<Subnet> subnets = EndpointAttachments.subnets(tx, vpc.id(),
                request.hasSubnetIds() ? request.subnetIds() : List.of(), List.of());
        List<String> groups = request.hasSecurityGroupIds() && !request.securityGroupIds().isEmpty()
                ? EndpointAttachments.groups(tx, vpc.id(), request.securityGroupIds())
                : List.of(NetworkInterfaceService.defaultGroup(tx, vpc.id()));
        // Private DNS is on unless the request turns it off, as for every AWS service.
        VpcEndpoint configured = endpoint.withGroups(groups)
                .withPrivateDns(request.privateDnsEnabled() == null || request.privateDnsEnabled());
        if (configured.privateDnsEnabled()) {
            checkPrivateDns(tx, vpc, configured);
        }
        return withInterfaces(tx, configured, subnets, now);
    }

    /** A new gateway endpoint with its route in each of its route tables; it has no subnets, groups or private DNS. */
    private static VpcEndpoint routed(Tx tx, VpcEndpoint endpoint, CreateVpcEndpointRequest request) {
        boolean subnets = request.hasSubnetIds() && !request.subnetIds().isEmpty();
        if (subnets || request.hasSecurityGroupIds() && !request.securityGroupIds().isEmpty()) {
            throw AwsException.badRequest("InvalidParameter", (subnets ? "Subnet" : "Security group")
                    + " IDs are not supported for Gateway type VPC endpoints.");
        }
        if (Boolean.TRUE.equals(request.privateDnsEnabled())) {
            throw AwsException.badRequest("InvalidParameter",
                    "Private DNS can only be enabled for Interface type VPC endpoints.");
        }
        return withRouteTables(tx, endpoint, request.hasRouteTableIds() ? request.routeTableIds() : List.of());
    }

    private static AwsException routeTablesOnlyForGateways() {
        return AwsException.badRequest("InvalidParameter", "Route table IDs are only supported for Gateway type VPC endpoints.");
    }

    private static CreateVpcEndpointResponse response(StateView state, VpcEndpoint endpoint, String token) {
        return CreateVpcEndpointResponse.builder()
                .vpcEndpoint(VpcEndpointView.toSdk(state, endpoint))
                .clientToken(token)
                .build();
    }

    /** Only IPv4 is modelled: LocalVPC subnets have no IPv6 blocks, so the other types cannot be met. */
    private static String ipAddressType(String requested) {
        if (requested == null || requested.equals("ipv4")) {
            return "ipv4";
        }
        if (requested.equals("dualstack") || requested.equals("ipv6")) {
            throw AwsException.badRequest("InvalidParameter", "IpAddressType " + requested
                    + " requires subnets with IPv6 CIDR blocks; LocalVPC models IPv4 only.");
        }
        throw Ec2Errors.invalidValue("Value (" + requested + ") for parameter IpAddressType is invalid.");
    }

    private static String policy(String document) {
        if (document == null || document.isEmpty()) {
            return FULL_ACCESS_POLICY;
        }
        try {
            io.localvpc.store.Json.mapper().readTree(document);
        } catch (java.io.IOException e) {
            throw AwsException.badRequest("InvalidPolicyDocument", "The policy document is not valid JSON.");
        }
        return document;
    }

    /**
     * Private DNS needs both DNS attributes of the VPC, and only one endpoint of the VPC may own a
     * service's name.
     */
    private static void checkPrivateDns(StateView state, Vpc vpc, VpcEndpoint endpoint) {
        if (!vpc.enableDnsSupport() || !vpc.enableDnsHostnames()) {
            throw AwsException.badRequest("InvalidParameter", "Enabling private DNS requires both enableDnsSupport "
                    + "and enableDnsHostnames VPC attributes set to true for " + vpc.id());
        }
        boolean taken = state.all(VpcEndpoint.class).stream()
                .anyMatch(other -> !other.id().equals(endpoint.id()) && other.isLive() && other.privateDnsEnabled()
                        && other.vpcId().equals(vpc.id()) && other.serviceName().equals(endpoint.serviceName()));
        if (taken) {
            throw AwsException.badRequest("InvalidParameter", "private-dns-enabled cannot be set because there is "
                    + "already a conflicting DNS domain for " + endpoint.privateDnsName() + " in the VPC " + vpc.id());
        }
    }

    /** The endpoint with an interface added in each of {@code subnets}. */
    private static VpcEndpoint withInterfaces(Tx tx, VpcEndpoint endpoint, List<Subnet> subnets, Instant now) {
        List<String> subnetIds = new ArrayList<>(endpoint.subnetIds());
        List<String> eniIds = new ArrayList<>(endpoint.networkInterfaceIds());
        for (Subnet subnet : subnets) {
            NetworkInterface eni = EndpointAttachments.placeInterface(tx, endpoint.id(), subnet, endpoint.groupIds(), now);
            subnetIds.add(subnet.id());
            eniIds.add(eni.id());
        }
        return endpoint.withPlacement(subnetIds, eniIds);
    }

    /** The endpoint with its route added to each of {@code tableIds}. */
    private static VpcEndpoint withRouteTables(Tx tx, VpcEndpoint endpoint, List<String> tableIds) {
        if (tableIds.isEmpty()) {
            return endpoint;
        }
        List<RouteTable> tables = EndpointAttachments.routeTables(tx, endpoint.vpcId(), tableIds,
                EndpointAttachments.prefixListId(endpoint));
        List<String> ids = new ArrayList<>(endpoint.routeTableIds());
        for (RouteTable table : tables) {
            EndpointAttachments.addRoute(tx, table, endpoint);
            ids.add(table.id());
        }
        return endpoint.withRouteTables(ids);
    }

    DescribeVpcEndpointsResponse describe(RequestContext ctx, DescribeVpcEndpointsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<VpcEndpoint> selected = Ec2Requests.selectByIds(state, VpcEndpoint.class, request.vpcEndpointIds(),
                VpcEndpointService::notFound);
        Pages<VpcEndpoint> page = Pages.of(FILTERS.apply(selected, request.filters(), state), request.maxResults(),
                request.nextToken());
        return DescribeVpcEndpointsResponse.builder()
                .vpcEndpoints(page.items().stream().map(e -> VpcEndpointView.toSdk(state, e)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    static AwsException notFound(String ids) {
        return Ec2Errors.notFound("InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + ids + "' does not exist");
    }

    ModifyVpcEndpointResponse modify(RequestContext ctx, ModifyVpcEndpointRequest request) {
        if (Boolean.TRUE.equals(request.resetPolicy()) && request.policyDocument() != null) {
            throw Ec2Errors.invalidCombination("The parameters ResetPolicy and PolicyDocument cannot be used together.");
        }
        String ipAddressType = request.ipAddressTypeAsString() == null ? null : ipAddressType(request.ipAddressTypeAsString());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            VpcEndpoint endpoint = tx.find(VpcEndpoint.class, request.vpcEndpointId())
                    .filter(e -> !e.state().equals("deleted") && !e.state().equals("deleting"))
                    .orElseThrow(() -> notFound(request.vpcEndpointId()));
            List<String> addSubnets = list(request.hasAddSubnetIds(), request.addSubnetIds());
            List<String> removeSubnets = list(request.hasRemoveSubnetIds(), request.removeSubnetIds());
            List<String> addGroups = list(request.hasAddSecurityGroupIds(), request.addSecurityGroupIds());
            List<String> removeGroups = list(request.hasRemoveSecurityGroupIds(), request.removeSecurityGroupIds());
            List<String> addTables = list(request.hasAddRouteTableIds(), request.addRouteTableIds());
            List<String> removeTables = list(request.hasRemoveRouteTableIds(), request.removeRouteTableIds());
            if (endpoint.isInterface() && (!addTables.isEmpty() || !removeTables.isEmpty())) {
                throw routeTablesOnlyForGateways();
            }
            if (!endpoint.isInterface() && (!addSubnets.isEmpty() || !removeSubnets.isEmpty()
                    || !addGroups.isEmpty() || !removeGroups.isEmpty() || Boolean.TRUE.equals(request.privateDnsEnabled()))) {
                throw AwsException.badRequest("InvalidParameter",
                        "Subnets, security groups and private DNS are only supported for Interface type VPC endpoints.");
            }
            VpcEndpoint changed = regrouped(tx, endpoint, addGroups, removeGroups);
            changed = removeSubnets(tx, changed, removeSubnets);
            if (!addSubnets.isEmpty()) {
                List<Subnet> subnets = EndpointAttachments.subnets(tx, endpoint.vpcId(), addSubnets, changed.subnetIds());
                changed = withInterfaces(tx, changed, subnets, ctx.now())
                        .withState("pending", ctx.now().plus(cloud.timings().stateChange()));
            }
            changed = withRouteTables(tx, withoutRouteTables(tx, changed, removeTables), addTables);
            if (request.privateDnsEnabled() != null && request.privateDnsEnabled() != changed.privateDnsEnabled()) {
                changed = changed.withPrivateDns(request.privateDnsEnabled());
                if (changed.privateDnsEnabled()) {
                    checkPrivateDns(tx, tx.find(Vpc.class, endpoint.vpcId()).orElseThrow(), changed);
                }
            }
            if (Boolean.TRUE.equals(request.resetPolicy())) {
                changed = changed.withPolicy(FULL_ACCESS_POLICY);
            } else if (request.policyDocument() != null) {
                changed = changed.withPolicy(policy(request.policyDocument()));
            }
            if (ipAddressType != null) {
                changed = changed.withIpAddressType(ipAddressType);
            }
            tx.put(changed);
            return ModifyVpcEndpointResponse.builder().returnValue(true).build();
        });
    }

    /** The endpoint with its groups changed, on each of its interfaces too. */
    private static VpcEndpoint regrouped(Tx tx, VpcEndpoint endpoint, List<String> added, List<String> removed) {
        if (added.isEmpty() && removed.isEmpty()) {
            return endpoint;
        }
        LinkedHashSet<String> groups = new LinkedHashSet<>(endpoint.groupIds());
        for (String id : removed) {
            if (!groups.remove(id)) {
                throw notAssociated("security group", id, endpoint);
            }
        }
        groups.addAll(EndpointAttachments.groups(tx, endpoint.vpcId(), added));
        VpcEndpoint changed = endpoint.withGroups(EndpointAttachments.groups(tx, endpoint.vpcId(), List.copyOf(groups)));
        EndpointAttachments.regroupInterfaces(tx, changed);
        return changed;
    }

    /** The endpoint with its route taken out of each of {@code tableIds}. */
    private static VpcEndpoint withoutRouteTables(Tx tx, VpcEndpoint endpoint, List<String> tableIds) {
        List<String> kept = new ArrayList<>(endpoint.routeTableIds());
        for (String id : new LinkedHashSet<>(tableIds)) {
            if (!kept.remove(id)) {
                throw notAssociated("route table", id, endpoint);
            }
            EndpointAttachments.removeRoute(tx, id, endpoint);
        }
        return endpoint.withRouteTables(kept);
    }

    private static AwsException notAssociated(String what, String id, VpcEndpoint endpoint) {
        return AwsException.badRequest("InvalidParameter",
                "The " + what + " " + id + " is not associated with " + endpoint.id() + ".");
    }

    private VpcEndpoint removeSubnets(Tx tx, VpcEndpoint endpoint, List<String> removed) {
        List<String> subnetIds = new ArrayList<>(endpoint.subnetIds());
        List<String> eniIds = new ArrayList<>(endpoint.networkInterfaceIds());
        for (String id : new LinkedHashSet<>(removed)) {
            int at = subnetIds.indexOf(id);
            if (at < 0) {
                throw notAssociated("subnet", id, endpoint);
            }
            EndpointAttachments.removeInterface(tx, cloud.cloud().publicIps(), eniIds.get(at));
            subnetIds.remove(at);
            eniIds.remove(at);
        }
        return endpoint.withPlacement(subnetIds, eniIds);
    }

    private static List<String> list(boolean present, List<String> values) {
        return present ? values : List.of();
    }

    DeleteVpcEndpointsResponse delete(RequestContext ctx, DeleteVpcEndpointsRequest request) {
        if (!request.hasVpcEndpointIds() || request.vpcEndpointIds().isEmpty()) {
            throw Ec2Errors.missing("VpcEndpointId");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            List<UnsuccessfulItem> unsuccessful = new ArrayList<>();
            for (String id : new LinkedHashSet<>(request.vpcEndpointIds())) {
                Optional<VpcEndpoint> endpoint = tx.find(VpcEndpoint.class, id).filter(VpcEndpoint::isLive);
                if (endpoint.isEmpty()) {
                    unsuccessful.add(UnsuccessfulItem.builder().resourceId(id)
                            .error(UnsuccessfulItemError.builder().code("InvalidVpcEndpoint.NotFound")
                                    .message("The VpcEndpoint Id '" + id + "' does not exist").build())
                            .build());
                } else if (!endpoint.get().state().equals("deleting")) {
                    tx.put(endpoint.get().withState("deleting", ctx.now().plus(cloud.timings().stateChange())));
                }
            }
            return DeleteVpcEndpointsResponse.builder().unsuccessful(unsuccessful).build();
        });
    }

    /** What happens when an endpoint's time comes: it becomes available, finishes deleting, or goes out of sight. */
    public void evolve(Tx tx, VpcEndpoint endpoint) {
        switch (endpoint.state()) {
            case "pending" -> tx.put(endpoint.withState("available", null));
            case "deleting" -> {
                EndpointAttachments.detachAll(tx, cloud.cloud().publicIps(), endpoint);
                tx.put(endpoint.withState("deleted", endpoint.dueAt().plus(cloud.timings().retention()))
                        .withPlacement(List.of(), List.of()).withRouteTables(List.of()));
            }
            default -> tx.remove(endpoint);
        }
    }
}
