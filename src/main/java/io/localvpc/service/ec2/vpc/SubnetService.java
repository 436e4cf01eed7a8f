package io.localvpc.service.ec2.vpc;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Cidr;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.AvailabilityZones;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import io.localvpc.service.ec2.addressing.PrivateAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;

/** Subnets: carved out of a VPC's block in one availability zone, guarded by the VPC's default ACL. */
public final class SubnetService {
    public static final int SUBNETS_PER_VPC = 200;

    private final CloudAccess cloud;

    public SubnetService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateSubnetRequest.class, this::createSubnet)
                .on(DescribeSubnetsRequest.class, this::describeSubnets)
                .on(DeleteSubnetRequest.class, this::deleteSubnet)
                .on(ModifySubnetAttributeRequest.class, this::modifySubnetAttribute);
    }

    CreateSubnetResponse createSubnet(RequestContext ctx, CreateSubnetRequest request) {
        if (request.cidrBlock() == null) {
            throw Ec2Errors.missing("CidrBlock");
        }
        Cidr cidr = Cidr.tryParse(request.cidrBlock()).orElseThrow(() -> Ec2Errors.invalidValue(
                "Value (" + request.cidrBlock() + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "subnet");
        AvailabilityZones.Zone zone = zoneFor(ctx.region(), request.availabilityZone(), request.availabilityZoneId());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28 || !vpc.cidrBlock().contains(cidr)) {
                throw AwsException.badRequest("InvalidSubnet.Range", "The CIDR '" + cidr + "' is invalid.");
            }
            List<Subnet> siblings = tx.all(Subnet.class).stream().filter(s -> s.vpcId().equals(vpc.id())).toList();
            if (siblings.stream().anyMatch(s -> s.cidrBlock().overlaps(cidr))) {
                throw AwsException.badRequest("InvalidSubnet.Conflict", "The CIDR '" + cidr + "' conflicts with another subnet");
            }
            if (siblings.size() >= SUBNETS_PER_VPC) {
                throw AwsException.badRequest("SubnetLimitExceeded",
                        "The maximum number of subnets has been reached for VPC '" + vpc.id() + "'.");
            }
            Subnet subnet = new Subnet(Ids.ec2("subnet"), vpc.id(), ctx.accountId(), cidr, zone.name(), zone.zoneId(),
                    false, false);
            tx.put(subnet);
            tx.setTags(subnet.id(), tags);
            NetworkAcl acl = VpcDefaults.defaultAcl(tx, vpc.id());
            List<NetworkAcl.Association> associations = new ArrayList<>(acl.associations());
            associations.add(new NetworkAcl.Association(Ids.ec2("aclassoc"), subnet.id()));
            tx.put(acl.withAssociations(associations));
            return CreateSubnetResponse.builder().subnet(toSdk(tx, subnet, ctx.region())).build();
        });
    }

    private static AvailabilityZones.Zone zoneFor(String region, String name, String zoneId) {
        List<AvailabilityZones.Zone> zones = AvailabilityZones.of(region);
        if (name == null && zoneId == null) {
            return zones.get(ThreadLocalRandom.current().nextInt(zones.size()));
        }
        String wanted = name != null ? name : zoneId;
        return AvailabilityZones.find(region, wanted).orElseThrow(() -> Ec2Errors.invalidValue(
                "Value (" + wanted + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
                        + String.join(", ", zones.stream().map(AvailabilityZones.Zone::name).toList()) + "."));
    }

    private static final Filters<Subnet> FILTERS = Filters.forResource(Subnet::id)
            .on("subnet-id", Subnet::id)
            .on("vpc-id", Subnet::vpcId)
            .on("availability-zone", Subnet::availabilityZone)
            .on("availabilityZone", Subnet::availabilityZone)
            .on("availability-zone-id", Subnet::availabilityZoneId)
            .on("availabilityZoneId", Subnet::availabilityZoneId)
            .on("cidr-block", s -> s.cidrBlock().toString())
            .on("cidr", s -> s.cidrBlock().toString())
            .on("cidrBlock", s -> s.cidrBlock().toString())
            .on("default-for-az", Subnet::defaultForAz)
            .on("defaultForAz", Subnet::defaultForAz)
            .on("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
            .on("owner-id", Subnet::ownerId)
            .on("state", s -> "available");

    DescribeSubnetsResponse describeSubnets(RequestContext ctx, DescribeSubnetsRequest request) {
        Pages.refuseIdsWithMaxResults(request.subnetIds(), request.maxResults(), "subnetIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Subnet> selected = Ec2Requests.selectByIds(state, Subnet.class, request.subnetIds(), Ec2Errors::subnetNotFound);
        List<Subnet> matching = FILTERS.apply(selected, request.filters(), state);
        Pages<Subnet> page = Pages.of(matching, request.maxResults(), request.nextToken());
        return DescribeSubnetsResponse.builder()
                .subnets(page.items().stream().map(s -> toSdk(state, s, ctx.region())).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteSubnetResponse deleteSubnet(RequestContext ctx, DeleteSubnetRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Subnet subnet = tx.find(Subnet.class, request.subnetId())
                    .orElseThrow(() -> Ec2Errors.subnetNotFound(request.subnetId()));
            boolean inUse = tx.all(NetworkInterface.class).stream().anyMatch(n -> n.subnetId().equals(subnet.id()))
                    || tx.all(NatGateway.class).stream()
                            .anyMatch(n -> n.subnetId().equals(subnet.id()) && !n.state().equals("deleted"));
            if (inUse) {
                throw Ec2Errors.dependencyViolation(
                        "The subnet '" + subnet.id() + "' has dependencies and cannot be deleted.");
            }
            for (NetworkAcl acl : List.copyOf(tx.all(NetworkAcl.class))) {
                if (acl.associations().stream().anyMatch(a -> subnet.id().equals(a.subnetId()))) {
                    tx.put(acl.withAssociations(acl.associations().stream()
                            .filter(a -> !subnet.id().equals(a.subnetId())).toList()));
                }
            }
            for (RouteTable table : List.copyOf(tx.all(RouteTable.class))) {
                if (table.associations().stream().anyMatch(a -> subnet.id().equals(a.subnetId()))) {
                    tx.put(table.withAssociations(table.associations().stream()
                            .filter(a -> !subnet.id().equals(a.subnetId())).toList()));
                }
            }
            tx.remove(subnet);
            return DeleteSubnetResponse.builder().build();
        });
    }

    ModifySubnetAttributeResponse modifySubnetAttribute(RequestContext ctx, ModifySubnetAttributeRequest request) {
        if (request.mapPublicIpOnLaunch() == null || request.mapPublicIpOnLaunch().value() == null) {
            throw Ec2Errors.invalidCombination(
                    "LocalVPC supports MapPublicIpOnLaunch among the subnet attributes; specify exactly that one.");
        }
        return cloud.write(ctx, tx -> {
            Subnet subnet = tx.find(Subnet.class, request.subnetId())
                    .orElseThrow(() -> Ec2Errors.subnetNotFound(request.subnetId()));
            tx.put(subnet.withMapPublicIpOnLaunch(request.mapPublicIpOnLaunch().value()));
            return ModifySubnetAttributeResponse.builder().build();
        });
    }

    static software.amazon.awssdk.services.ec2.model.Subnet toSdk(StateView state, Subnet subnet, String region) {
        return software.amazon.awssdk.services.ec2.model.Subnet.builder()
                .subnetId(subnet.id())
                .subnetArn("arn:aws:ec2:" + region + ":" + subnet.ownerId() + ":subnet/" + subnet.id())
                .vpcId(subnet.vpcId())
                .ownerId(subnet.ownerId())
                .state("available")
                .cidrBlock(subnet.cidrBlock().toString())
                .availabilityZone(subnet.availabilityZone())
                .availabilityZoneId(subnet.availabilityZoneId())
                .availableIpAddressCount((int) PrivateAddresses.available(state, subnet))
                .defaultForAz(subnet.defaultForAz())
                .mapPublicIpOnLaunch(subnet.mapPublicIpOnLaunch())
                .mapCustomerOwnedIpOnLaunch(false)
                .assignIpv6AddressOnCreation(false)
                .ipv6Native(false)
                .enableDns64(false)
                .ipv6CidrBlockAssociationSet(List.of())
                .privateDnsNameOptionsOnLaunch(PrivateDnsNameOptionsOnLaunch.builder()
                        .hostnameType("ip-name")
                        .enableResourceNameDnsARecord(false)
                        .enableResourceNameDnsAAAARecord(false)
                        .build())
                .tags(Ec2Tags.of(state, subnet.id()))
                .build();
    }
}
