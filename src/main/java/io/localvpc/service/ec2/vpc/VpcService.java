package io.localvpc.service.ec2.vpc;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Cidr;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/** VPCs: create (with their main route table, default ACL and group), describe, attributes, delete. */
public final class VpcService {
    private static final Filters<Vpc> FILTERS = Filters.forResource(Vpc::id)
            .on("vpc-id", Vpc::id)
            .on("cidr", v -> v.cidrBlock().toString())
            .on("cidr-block-association.cidr-block", v -> v.cidrBlock().toString())
            .on("cidr-block-association.association-id", Vpc::cidrAssociationId)
            .on("cidr-block-association.state", v -> "associated")
            .on("dhcp-options-id", Vpc::dhcpOptionsId)
            .on("is-default", Vpc::isDefault)
            // The name the Terraform AWS provider's aws_vpc data source filters with; AWS accepts it too.
            .on("isDefault", Vpc::isDefault)
            .on("owner-id", Vpc::ownerId)
            .on("state", v -> "available");

    private final CloudAccess cloud;

    public VpcService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateVpcRequest.class, this::createVpc)
                .on(DescribeVpcsRequest.class, this::describeVpcs)
                .on(DeleteVpcRequest.class, this::deleteVpc)
                .on(ModifyVpcAttributeRequest.class, this::modifyVpcAttribute)
                .on(DescribeVpcAttributeRequest.class, this::describeVpcAttribute);
    }

    CreateVpcResponse createVpc(RequestContext ctx, CreateVpcRequest request) {
        if (request.cidrBlock() == null) {
            throw Ec2Errors.missing("CidrBlock");
        }
        Cidr cidr = Cidr.tryParse(request.cidrBlock()).orElseThrow(() -> Ec2Errors.invalidValue(
                "Value (" + request.cidrBlock() + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        if (cidr.prefixLength() < 16 || cidr.prefixLength() > 28) {
            throw AwsException.badRequest("InvalidVpc.Range", "The CIDR '" + cidr + "' is invalid.");
        }
        String tenancy = request.instanceTenancyAsString() == null ? "default" : request.instanceTenancyAsString();
        if (!tenancy.equals("default") && !tenancy.equals("dedicated")) {
            throw Ec2Errors.invalidValue("Value (" + tenancy + ") for parameter instanceTenancy is invalid.");
        }
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "vpc");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            if (tx.all(Vpc.class).size() >= cloud.quotas().vpcsPerRegion()) {
                throw AwsException.badRequest("VpcLimitExceeded", "The maximum number of VPCs has been reached.");
            }
            Vpc vpc = new Vpc(Ids.ec2("vpc"), ctx.accountId(), cidr, Ids.ec2("vpc-cidr-assoc"), false, tenancy,
                    defaultDhcpOptions(tx), true, false, false, ctx.now());
            tx.put(vpc);
            tx.setTags(vpc.id(), tags);
            VpcDefaults.createFor(tx, vpc);
            // A VPC is available at once on AWS too; its describe never shows "pending" for long.
            return CreateVpcResponse.builder().vpc(toSdk(tx, vpc)).build();
        });
    }

    private static String defaultDhcpOptions(Tx tx) {
        return tx.all(Vpc.class).stream().map(Vpc::dhcpOptionsId).findFirst().orElse(Ids.ec2("dopt"));
    }

    DescribeVpcsResponse describeVpcs(RequestContext ctx, DescribeVpcsRequest request) {
        Pages.refuseIdsWithMaxResults(request.vpcIds(), request.maxResults(), "vpcIds");
        RegionState state = cloud.read(ctx);
        List<Vpc> selected = Ec2Requests.selectByIds(state, Vpc.class, request.vpcIds(), Ec2Errors::vpcNotFound);
        List<Vpc> matching = FILTERS.apply(selected, request.filters(), state);
        Pages<Vpc> page = Pages.of(matching, request.maxResults(), request.nextToken());
        return DescribeVpcsResponse.builder()
                .vpcs(page.items().stream().map(v -> toSdk(state, v)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteVpcResponse deleteVpc(RequestContext ctx, DeleteVpcRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            if (hasDependencies(tx, vpc.id())) {
                throw Ec2Errors.dependencyViolation(
                        "The vpc '" + vpc.id() + "' has dependencies and cannot be deleted.");
            }
            tx.all(RouteTable.class).stream().filter(rt -> rt.vpcId().equals(vpc.id())).toList().forEach(tx::remove);
            tx.all(NetworkAcl.class).stream().filter(a -> a.vpcId().equals(vpc.id())).toList().forEach(tx::remove);
            tx.all(SecurityGroup.class).stream().filter(g -> g.vpcId().equals(vpc.id())).toList().forEach(tx::remove);
            tx.remove(vpc);
            return DeleteVpcResponse.builder().build();
        });
    }

    /** What keeps AWS from deleting a VPC: anything but its main table, default ACL and default group. */
    private static boolean hasDependencies(StateView state, String vpcId) {
        return state.all(Subnet.class).stream().anyMatch(s -> s.vpcId().equals(vpcId))
                || state.all(InternetGateway.class).stream().anyMatch(g -> vpcId.equals(g.attachedVpcId()))
                || state.all(RouteTable.class).stream().anyMatch(rt -> rt.vpcId().equals(vpcId) && !rt.isMain())
                || state.all(NetworkAcl.class).stream().anyMatch(a -> a.vpcId().equals(vpcId) && !a.isDefault())
                || state.all(SecurityGroup.class).stream()
                        .anyMatch(g -> g.vpcId().equals(vpcId) && !g.name().equals("default"))
                || state.all(NetworkInterface.class).stream().anyMatch(n -> n.vpcId().equals(vpcId))
                || state.all(NatGateway.class).stream()
                        .anyMatch(n -> n.vpcId().equals(vpcId) && !n.state().equals("deleted"))
                || state.all(VpcEndpoint.class).stream().anyMatch(e -> e.vpcId().equals(vpcId) && e.isLive());
    }

    ModifyVpcAttributeResponse modifyVpcAttribute(RequestContext ctx, ModifyVpcAttributeRequest request) {
        int given = count(request.enableDnsSupport()) + count(request.enableDnsHostnames())
                + count(request.enableNetworkAddressUsageMetrics());
        if (given != 1) {
            throw Ec2Errors.invalidCombination("Exactly one attribute must be specified per request.");
        }
        return cloud.write(ctx, tx -> {
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            Vpc changed = vpc;
            if (request.enableDnsSupport() != null) {
                changed = vpc.withDnsSupport(request.enableDnsSupport().value());
            } else if (request.enableDnsHostnames() != null) {
                boolean on = request.enableDnsHostnames().value();
                if (on && !vpc.enableDnsSupport()) {
                    throw Ec2Errors.invalidValue("DNS hostnames cannot be enabled without DNS support.");
                }
                changed = vpc.withDnsHostnames(on);
            } else {
                changed = vpc.withNetworkAddressUsageMetrics(request.enableNetworkAddressUsageMetrics().value());
            }
            if (!changed.enableDnsSupport() && changed.enableDnsHostnames()) {
                throw Ec2Errors.invalidValue("DNS support cannot be disabled while DNS hostnames are enabled.");
            }
            tx.put(changed);
            return ModifyVpcAttributeResponse.builder().build();
        });
    }

    private static int count(AttributeBooleanValue value) {
        return value == null || value.value() == null ? 0 : 1;
    }

    DescribeVpcAttributeResponse describeVpcAttribute(RequestContext ctx, DescribeVpcAttributeRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        Vpc vpc = state.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
        var response = DescribeVpcAttributeResponse.builder().vpcId(vpc.id());
        String attribute = request.attributeAsString();
        switch (attribute) {
            case "enableDnsSupport" -> response.enableDnsSupport(bool(vpc.enableDnsSupport()));
            case "enableDnsHostnames" -> response.enableDnsHostnames(bool(vpc.enableDnsHostnames()));
            case "enableNetworkAddressUsageMetrics" ->
                    response.enableNetworkAddressUsageMetrics(bool(vpc.enableNetworkAddressUsageMetrics()));
            default -> throw Ec2Errors.invalidValue(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return response.build();
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }

    static software.amazon.awssdk.services.ec2.model.Vpc toSdk(StateView state, Vpc vpc) {
        return software.amazon.awssdk.services.ec2.model.Vpc.builder()
                .vpcId(vpc.id())
                .ownerId(vpc.ownerId())
                .state("available")
                .cidrBlock(vpc.cidrBlock().toString())
                .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder()
                        .associationId(vpc.cidrAssociationId())
                        .cidrBlock(vpc.cidrBlock().toString())
                        .cidrBlockState(VpcCidrBlockState.builder().state("associated").build())
                        .build())
                .dhcpOptionsId(vpc.dhcpOptionsId())
                .instanceTenancy(vpc.instanceTenancy())
                .isDefault(vpc.isDefault())
                .tags(Ec2Tags.of(state, vpc.id()))
                .build();
    }
}
