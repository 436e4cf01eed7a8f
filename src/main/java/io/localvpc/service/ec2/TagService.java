package io.localvpc.service.ec2;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.Resource;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Volume;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/**
 * Tags on any EC2 resource: one table of tags per region, so CreateTags, DeleteTags and
 * DescribeTags serve every resource type alike. The id prefix tells the resource type.
 */
public final class TagService {

    /** A taggable resource type: its id prefix, its {@code resource-type} name and model record. */
    private record Taggable(String prefix, String resourceType, Class<? extends Resource> model, String notFoundCode) {}

    private static final List<Taggable> TAGGABLE = List.of(
            new Taggable("vpc", "vpc", Vpc.class, "InvalidVpcID.NotFound"),
            new Taggable("subnet", "subnet", Subnet.class, "InvalidSubnetID.NotFound"),
            new Taggable("rtb", "route-table", RouteTable.class, "InvalidRouteTableID.NotFound"),
            new Taggable("igw", "internet-gateway", InternetGateway.class, "InvalidInternetGatewayID.NotFound"),
            new Taggable("nat", "natgateway", NatGateway.class, "InvalidNatGatewayID.NotFound"),
            new Taggable("eipalloc", "elastic-ip", Address.class, "InvalidAllocationID.NotFound"),
            new Taggable("sg", "security-group", SecurityGroup.class, "InvalidGroup.NotFound"),
            new Taggable("acl", "network-acl", NetworkAcl.class, "InvalidNetworkAclID.NotFound"),
            new Taggable("eni", "network-interface", NetworkInterface.class, "InvalidNetworkInterfaceID.NotFound"),
            new Taggable("i", "instance", Instance.class, "InvalidInstanceID.NotFound"),
            new Taggable("vol", "volume", Volume.class, "InvalidVolume.NotFound"),
            new Taggable("vpce", "vpc-endpoint", VpcEndpoint.class, "InvalidVpcEndpointId.NotFound"));

    private final CloudAccess cloud;

    public TagService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateTagsRequest.class, this::createTags)
                .on(DeleteTagsRequest.class, this::deleteTags)
                .on(DescribeTagsRequest.class, this::describeTags);
    }

    CreateTagsResponse createTags(RequestContext ctx, CreateTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missing("ResourceId.1");
        }
        Map<String, String> added = Ec2Tags.validated(request.tags());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            for (String id : request.resources()) {
                requireExisting(tx, id);
                Map<String, String> tags = new LinkedHashMap<>(tx.tagsOf(id));
                tags.putAll(added);
                Ec2Tags.checkLimit(tags);
                tx.setTags(id, tags);
            }
            return CreateTagsResponse.builder().build();
        });
    }

    DeleteTagsResponse deleteTags(RequestContext ctx, DeleteTagsRequest request) {
        if (request.resources().isEmpty()) {
            throw Ec2Errors.missing("ResourceId.1");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            for (String id : request.resources()) {
                requireExisting(tx, id);
                Map<String, String> tags = new LinkedHashMap<>(tx.tagsOf(id));
                if (request.tags().isEmpty()) {
                    tags.clear();
                }
                for (Tag tag : request.tags()) {
                    // A value given must match; without one the key goes whatever its value.
                    if (tag.value() == null || tag.value().equals(tags.get(tag.key()))) {
                        tags.remove(tag.key());
                    }
                }
                tx.setTags(id, tags);
            }
            return DeleteTagsResponse.builder().build();
        });
    }

    private static void requireExisting(Tx tx, String id) {
        Taggable type = typeOf(id).orElseThrow(
                () -> AwsException.badRequest("InvalidID", "The ID '" + id + "' is not valid"));
        if (tx.find(type.model(), id).isEmpty()) {
            throw AwsException.badRequest(type.notFoundCode(), "The ID '" + id + "' does not exist");
        }
    }

    private static Optional<Taggable> typeOf(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String prefix = id.substring(0, dash);
        return TAGGABLE.stream().filter(t -> t.prefix().equals(prefix)).findFirst();
    }

    private static final Filters<TagDescription> FILTERS = Filters.<TagDescription>forResource(TagDescription::resourceId)
            .on("key", TagDescription::key)
            .on("value", TagDescription::value)
            .on("resource-id", TagDescription::resourceId)
            .on("resource-type", TagDescription::resourceTypeAsString);

    DescribeTagsResponse describeTags(RequestContext ctx, DescribeTagsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<TagDescription> all = new ArrayList<>();
        state.allTags().forEach((id, tags) -> typeOf(id).ifPresent(type -> tags.forEach((key, value) -> all.add(
                TagDescription.builder().resourceId(id).resourceType(type.resourceType()).key(key).value(value).build()))));
        List<TagDescription> matching = FILTERS.apply(all, request.filters(), state);
        Pages<TagDescription> page = Pages.of(matching, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeTagsResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    }
}
