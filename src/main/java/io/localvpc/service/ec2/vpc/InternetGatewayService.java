package io.localvpc.service.ec2.vpc;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/** Internet gateways: one per VPC, one VPC per gateway. */
public final class InternetGatewayService {
    private static final Filters<InternetGateway> FILTERS = Filters.forResource(InternetGateway::id)
            .on("internet-gateway-id", InternetGateway::id)
            .on("owner-id", InternetGateway::ownerId)
            .on("attachment.vpc-id", InternetGateway::attachedVpcId)
            .on("attachment.state", g -> g.attachedVpcId() == null ? null : "available");

    private final CloudAccess cloud;

    public InternetGatewayService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateInternetGatewayRequest.class, this::create)
                .on(DescribeInternetGatewaysRequest.class, this::describe)
                .on(DeleteInternetGatewayRequest.class, this::delete)
                .on(AttachInternetGatewayRequest.class, this::attach)
                .on(DetachInternetGatewayRequest.class, this::detach);
    }

    CreateInternetGatewayResponse create(RequestContext ctx, CreateInternetGatewayRequest request) {
        var tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "internet-gateway");
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            InternetGateway igw = new InternetGateway(Ids.ec2("igw"), ctx.accountId(), null);
            tx.put(igw);
            tx.setTags(igw.id(), tags);
            return CreateInternetGatewayResponse.builder().internetGateway(toSdk(tx, igw)).build();
        });
    }

    DescribeInternetGatewaysResponse describe(RequestContext ctx, DescribeInternetGatewaysRequest request) {
        Pages.refuseIdsWithMaxResults(request.internetGatewayIds(), request.maxResults(), "internetGatewayIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<InternetGateway> selected = Ec2Requests.selectByIds(
                state, InternetGateway.class, request.internetGatewayIds(), Ec2Errors::internetGatewayNotFound);
        Pages<InternetGateway> page =
                Pages.of(FILTERS.apply(selected, request.filters(), state), request.maxResults(), request.nextToken());
        return DescribeInternetGatewaysResponse.builder()
                .internetGateways(page.items().stream().map(g -> toSdk(state, g)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteInternetGatewayResponse delete(RequestContext ctx, DeleteInternetGatewayRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            InternetGateway igw = find(tx, request.internetGatewayId());
            if (igw.attachedVpcId() != null) {
                throw Ec2Errors.dependencyViolation(
                        "The internetGateway '" + igw.id() + "' has dependencies and cannot be deleted.");
            }
            tx.remove(igw);
            return DeleteInternetGatewayResponse.builder().build();
        });
    }

    AttachInternetGatewayResponse attach(RequestContext ctx, AttachInternetGatewayRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            InternetGateway igw = find(tx, request.internetGatewayId());
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            if (igw.attachedVpcId() != null) {
                throw AwsException.badRequest("Resource.AlreadyAssociated",
                        "resource " + igw.id() + " is already attached to network " + igw.attachedVpcId());
            }
            tx.all(InternetGateway.class).stream().filter(g -> vpc.id().equals(g.attachedVpcId())).findFirst()
                    .ifPresent(other -> {
                        throw AwsException.badRequest("Resource.AlreadyAssociated",
                                "Network " + vpc.id() + " already has an internet gateway attached");
                    });
            tx.put(igw.withAttachedVpc(vpc.id()));
            return AttachInternetGatewayResponse.builder().build();
        });
    }

    DetachInternetGatewayResponse detach(RequestContext ctx, DetachInternetGatewayRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            InternetGateway igw = find(tx, request.internetGatewayId());
            if (!request.vpcId().equals(igw.attachedVpcId())) {
                throw AwsException.badRequest("Gateway.NotAttached",
                        "resource " + igw.id() + " is not attached to network " + request.vpcId());
            }
            if (hasMappedPublicAddresses(tx, request.vpcId())) {
                throw Ec2Errors.dependencyViolation("Network " + request.vpcId()
                        + " has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
            }
            tx.put(igw.withAttachedVpc(null));
            return DetachInternetGatewayResponse.builder().build();
        });
    }

    /** Elastic IPs or auto-assigned public IPs on interfaces of the VPC keep AWS from detaching. */
    private static boolean hasMappedPublicAddresses(StateView state, String vpcId) {
        List<NetworkInterface> enis = state.all(NetworkInterface.class).stream().filter(n -> n.vpcId().equals(vpcId)).toList();
        return enis.stream().anyMatch(n -> n.publicIp() != null)
                || state.all(Address.class).stream().anyMatch(a -> a.networkInterfaceId() != null
                        && enis.stream().anyMatch(n -> n.id().equals(a.networkInterfaceId())));
    }

    private static InternetGateway find(StateView state, String id) {
        return state.find(InternetGateway.class, id).orElseThrow(() -> Ec2Errors.internetGatewayNotFound(id));
    }

    static software.amazon.awssdk.services.ec2.model.InternetGateway toSdk(StateView state, InternetGateway igw) {
        return software.amazon.awssdk.services.ec2.model.InternetGateway.builder()
                .internetGatewayId(igw.id())
                .ownerId(igw.ownerId())
                .attachments(igw.attachedVpcId() == null
                        ? List.of()
                        : List.of(InternetGatewayAttachment.builder().vpcId(igw.attachedVpcId()).state("available").build()))
                .tags(Ec2Tags.of(state, igw.id()))
                .build();
    }
}
