package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;

/**
 * DescribeImages over Amazon's public images. LocalVPC has no image building, so {@code self}
 * owns nothing; every catalogue image is public and so launchable by everyone.
 */
public final class ImageService {
    private static final String BDM = "block-device-mapping.";

    private static final Filters<Images.CatalogueImage> FILTERS = Filters.forResource(Images.CatalogueImage::id)
            .on("image-id", Images.CatalogueImage::id)
            .on("name", Images.CatalogueImage::name)
            .on("description", Images.CatalogueImage::description)
            .on("architecture", Images.CatalogueImage::architecture)
            .on("owner-alias", i -> Images.AMAZON_ALIAS)
            .on("owner-id", i -> Images.AMAZON_OWNER_ID)
            .on("state", i -> "available")
            .on("is-public", i -> true)
            .on("image-type", i -> "machine")
            .on("root-device-type", i -> "ebs")
            .on("root-device-name", i -> Images.ROOT_DEVICE)
            .on("virtualization-type", i -> "hvm")
            .on("hypervisor", i -> "xen")
            .on("ena-support", i -> true)
            .on("sriov-net-support", i -> "simple")
            .on("platform", i -> null) // only Windows images carry a platform
            .on("platform-details", i -> "Linux/UNIX")
            .on("usage-operation", i -> "RunInstances")
            .on("boot-mode", Images.CatalogueImage::bootMode)
            .on("imds-support", Images.CatalogueImage::imdsSupport)
            .on("manifest-location", i -> Images.AMAZON_ALIAS + "/" + i.name())
            .on("creation-date", i -> i.toSdk().creationDate())
            .on(BDM + "device-name", i -> Images.ROOT_DEVICE)
            .on(BDM + "snapshot-id", Images.CatalogueImage::snapshotId)
            .on(BDM + "volume-size", i -> Images.CatalogueImage.VOLUME_SIZE_GIB)
            .on(BDM + "volume-type", Images.CatalogueImage::volumeType)
            .on(BDM + "delete-on-termination", i -> true)
            .on(BDM + "encrypted", i -> false);

    private final CloudAccess cloud;

    public ImageService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes().on(DescribeImagesRequest.class, this::describeImages);
    }

    DescribeImagesResponse describeImages(RequestContext ctx, DescribeImagesRequest request) {
        Pages.refuseIdsWithMaxResults(request.imageIds(), request.maxResults(), "imageIds");
        List<Images.CatalogueImage> images = selectByIds(ctx.region(), request.imageIds());
        Predicate<Images.CatalogueImage> owned = ownersPredicate(request.owners(), ctx.accountId());
        request.executableUsers().forEach(ImageService::checkUser);
        Ec2Requests.checkDryRun(request.dryRun());
        // Deprecated images are hidden unless asked for, or named by id, as on AWS.
        boolean showDeprecated = Boolean.TRUE.equals(request.includeDeprecated()) || !request.imageIds().isEmpty();
        RegionState state = cloud.read(ctx);
        List<Images.CatalogueImage> visible = images.stream()
                .filter(owned)
                .filter(i -> showDeprecated || !i.deprecatedAt(ctx.now()))
                .toList();
        Pages<Images.CatalogueImage> page = Pages.of(
                FILTERS.apply(visible, request.filters(), state), request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeImagesResponse.builder()
                .images(page.items().stream().map(Images.CatalogueImage::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static List<Images.CatalogueImage> selectByIds(String region, List<String> ids) {
        List<Images.CatalogueImage> all = Images.of(region);
        if (ids.isEmpty()) {
            return all;
        }
        for (String id : ids) {
            if (!Images.wellFormedId(id)) {
                throw AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
            }
        }
        List<String> missing = ids.stream().filter(id -> Images.find(region, id).isEmpty()).distinct().toList();
        if (!missing.isEmpty()) {
            throw imageNotFound(missing);
        }
        return all.stream().filter(i -> ids.contains(i.id())).toList();
    }

    static AwsException imageNotFound(List<String> ids) {
        String list = "'[" + String.join(", ", ids) + "]'";
        return AwsException.badRequest("InvalidAMIID.NotFound", ids.size() == 1
                ? "The image id " + list + " does not exist"
                : "The image ids " + list + " do not exist");
    }

    /** Owners are ORed: {@code amazon}, {@code self}, or account ids. */
    private static Predicate<Images.CatalogueImage> ownersPredicate(List<String> owners, String caller) {
        if (owners.isEmpty()) {
            return i -> true;
        }
        owners.forEach(ImageService::checkUser);
        boolean amazon = owners.stream().anyMatch(o -> o.equals(Images.AMAZON_ALIAS) || o.equals(Images.AMAZON_OWNER_ID)
                || (o.equals("self") && caller.equals(Images.AMAZON_OWNER_ID)));
        return i -> amazon;
    }

    private static void checkUser(String user) {
        boolean known = user.equals("self") || user.equals("all") || user.equals(Images.AMAZON_ALIAS)
                || user.equals("aws-marketplace") || user.equals("aws-backup-vault") || user.matches("[0-9]{12}");
        if (!known) {
            throw AwsException.badRequest("InvalidUserID.Malformed", "Invalid user id: \"" + user + "\"");
        }
    }
}
