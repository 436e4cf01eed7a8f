package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Volume;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** EBS volumes as launches create them: DescribeVolumes. */
public final class VolumeService {
    private static final Filters<Volume> FILTERS = Filters.forResource(Volume::id)
            .on("volume-id", Volume::id)
            .on("status", Volume::state)
            .on("size", Volume::sizeGiB)
            .on("volume-type", Volume::volumeType)
            .on("availability-zone", Volume::availabilityZone)
            .on("snapshot-id", Volume::snapshotId)
            .on("encrypted", Volume::encrypted)
            .on("multi-attach-enabled", v -> false)
            .on("create-time", v -> VolumeService.sdk(v).createTime().toString())
            .on("attachment.instance-id", v -> v.attachment() == null ? null : v.attachment().instanceId())
            .on("attachment.device", v -> v.attachment() == null ? null : v.attachment().device())
            .on("attachment.status", v -> v.attachment() == null ? null : "attached")
            .on("attachment.delete-on-termination", v -> v.attachment() == null ? null : v.attachment().deleteOnTermination());

    private final CloudAccess cloud;

    public VolumeService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes().on(DescribeVolumesRequest.class, this::describeVolumes);
    }

    DescribeVolumesResponse describeVolumes(RequestContext ctx, DescribeVolumesRequest request) {
        Pages.refuseIdsWithMaxResults(request.volumeIds(), request.maxResults(), "volumeIds");
        request.volumeIds().forEach(VolumeService::checkId);
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Volume> selected = Ec2Requests.selectByIds(state, Volume.class, request.volumeIds(), VolumeService::notFound);
        Pages<Volume> page = Pages.of(FILTERS.apply(selected, request.filters(), state), request.maxResults(),
                request.nextToken(), 5, 500);
        return DescribeVolumesResponse.builder()
                .volumes(page.items().stream().map(v -> toSdk(state, v)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    static void checkId(String id) {
        if (id == null || !id.matches("vol-([0-9a-f]{8}|[0-9a-f]{17})")) {
            throw AwsException.badRequest("InvalidVolumeID.Malformed", "Invalid id: \"" + id + "\" (expecting \"vol-...\")");
        }
    }

    static Volume require(StateView state, String id) {
        return state.find(Volume.class, id).orElseThrow(() -> notFound(id));
    }

    private static AwsException notFound(String id) {
        return AwsException.badRequest("InvalidVolume.NotFound", "The volume '" + id + "' does not exist.");
    }

    private static software.amazon.awssdk.services.ec2.model.Volume sdk(Volume volume) {
        Volume.Attachment attachment = volume.attachment();
        return software.amazon.awssdk.services.ec2.model.Volume.builder()
                .volumeId(volume.id())
                .size(volume.sizeGiB())
                .volumeType(volume.volumeType())
                .iops(volume.iops())
                .throughput(volume.throughput())
                .encrypted(volume.encrypted())
                .snapshotId(volume.snapshotId() == null ? "" : volume.snapshotId())
                .availabilityZone(volume.availabilityZone())
                .createTime(volume.createTime())
                .state(volume.state())
                .multiAttachEnabled(false)
                .attachments(attachment == null ? List.of() : List.of(VolumeAttachment.builder()
                        .volumeId(volume.id())
                        .instanceId(attachment.instanceId())
                        .device(attachment.device())
                        .state("attached")
                        .attachTime(attachment.attachTime())
                        .deleteOnTermination(attachment.deleteOnTermination())
                        .build()))
                .build();
    }

    static software.amazon.awssdk.services.ec2.model.Volume toSdk(StateView state, Volume volume) {
        return sdk(volume).toBuilder().tags(Ec2Tags.of(state, volume.id())).build();
    }
}
