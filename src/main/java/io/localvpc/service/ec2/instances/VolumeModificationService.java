package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Volume;
import io.localvpc.model.ec2.VolumeModification;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesModificationsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVolumeResponse;

/**
 * Elastic Volumes: ModifyVolume changes size, type, IOPS and throughput of a volume in the
 * background (modifying → optimizing → completed, one state delay each), and
 * DescribeVolumesModifications follows it. A volume only grows, and only one modification runs at a time.
 */
public final class VolumeModificationService {
    private static final Filters<VolumeModification> FILTERS = Filters.forResource(VolumeModification::id)
            .on("volume-id", VolumeModification::id)
            .on("modification-state", VolumeModification::state)
            .on("start-time", m -> m.startTime().toString())
            .on("original-size", m -> m.original().sizeGiB())
            .on("original-volume-type", m -> m.original().volumeType())
            .on("original-iops", m -> m.original().iops())
            .on("target-size", m -> m.target().sizeGiB())
            .on("target-volume-type", m -> m.target().volumeType())
            .on("target-iops", m -> m.target().iops())
            .on("target-throughput", m -> m.target().throughput());

    private final CloudAccess cloud;

    public VolumeModificationService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(ModifyVolumeRequest.class, this::modifyVolume)
                .on(DescribeVolumesModificationsRequest.class, this::describeVolumesModifications);
    }

    ModifyVolumeResponse modifyVolume(RequestContext ctx, ModifyVolumeRequest request) {
        VolumeService.checkId(request.volumeId());
        if (request.size() == null && request.volumeTypeAsString() == null && request.iops() == null
                && request.throughput() == null && request.multiAttachEnabled() == null) {
            throw Ec2Errors.missing("Size, VolumeType, Iops or Throughput");
        }
        if (Boolean.TRUE.equals(request.multiAttachEnabled())) {
            throw Ec2Errors.invalidCombination("Multi-Attach is not supported by LocalVPC volumes.");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Volume volume = VolumeService.require(tx, request.volumeId());
            Optional<VolumeModification> running = tx.find(VolumeModification.class, volume.id())
                    .filter(VolumeModification::inProgress);
            if (running.isPresent()) {
                throw AwsException.badRequest("IncorrectModificationState", "Cannot modify volume " + volume.id()
                        + " as it is already being modified (state: " + running.get().state() + ").");
            }
            Volume.Configuration target = target(volume.configuration(), request);
            VolumeModification modification = new VolumeModification(volume.id(), "modifying", 0,
                    volume.configuration(), target, ctx.now(), null, ctx.now().plus(cloud.timings().stateChange()));
            tx.put(modification);
            return ModifyVolumeResponse.builder().volumeModification(toSdk(modification)).build();
        });
    }

    /** Members left out keep the volume's value where the target type has one; the rest take the type's defaults. */
    private static Volume.Configuration target(Volume.Configuration current, ModifyVolumeRequest request) {
        String type = request.volumeTypeAsString() == null ? current.volumeType() : request.volumeTypeAsString();
        int size = request.size() == null ? current.sizeGiB() : request.size();
        if (size < current.sizeGiB()) {
            throw Ec2Errors.invalidValue("New size cannot be smaller than existing size of " + current.sizeGiB() + " GiB.");
        }
        boolean sameType = type.equals(current.volumeType());
        Integer iops = request.iops() != null ? request.iops()
                : sameType && VolumeSpecs.takesIops(type) ? current.iops() : null;
        Integer throughput = request.throughput() != null ? request.throughput()
                : sameType && VolumeSpecs.takesThroughput(type) ? current.throughput() : null;
        return VolumeSpecs.checked(size, type, iops, throughput);
    }

    DescribeVolumesModificationsResponse describeVolumesModifications(
            RequestContext ctx, DescribeVolumesModificationsRequest request) {
        request.volumeIds().forEach(VolumeService::checkId);
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<VolumeModification> selected;
        if (request.volumeIds().isEmpty()) {
            selected = List.copyOf(state.all(VolumeModification.class));
        } else {
            selected = request.volumeIds().stream().map(id -> {
                VolumeService.require(state, id);
                return state.find(VolumeModification.class, id).orElseThrow(() -> AwsException.badRequest(
                        "InvalidVolumeModification.NotFound", "Modification for volume '" + id + "' does not exist."));
            }).toList();
        }
        Pages<VolumeModification> page = Pages.of(FILTERS.apply(selected, request.filters(), state),
                request.maxResults(), request.nextToken(), 5, 500);
        return DescribeVolumesModificationsResponse.builder()
                .volumesModifications(page.items().stream().map(VolumeModificationService::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Optimizing begins with the volume in its new shape; completion only ends the record's progress. */
    public void evolve(Tx tx, VolumeModification modification) {
        Optional<Volume> volume = tx.find(Volume.class, modification.id());
        if (volume.isEmpty()) {
            tx.remove(modification); // the volume went (its instance terminated) while being modified
            return;
        }
        if (modification.state().equals("modifying")) {
            tx.put(volume.get().configured(modification.target()));
            tx.put(modification.optimizing(modification.dueAt().plus(cloud.timings().stateChange())));
        } else {
            tx.put(modification.completed(modification.dueAt()));
        }
    }

    private static software.amazon.awssdk.services.ec2.model.VolumeModification toSdk(VolumeModification m) {
        return software.amazon.awssdk.services.ec2.model.VolumeModification.builder()
                .volumeId(m.id())
                .modificationState(m.state())
                .progress((long) m.progress())
                .startTime(m.startTime())
                .endTime(m.endTime())
                .originalSize(m.original().sizeGiB())
                .originalVolumeType(m.original().volumeType())
                .originalIops(m.original().iops())
                .originalThroughput(m.original().throughput())
                .originalMultiAttachEnabled(false)
                .targetSize(m.target().sizeGiB())
                .targetVolumeType(m.target().volumeType())
                .targetIops(m.target().iops())
                .targetThroughput(m.target().throughput())
                .targetMultiAttachEnabled(false)
                .build();
    }
}
