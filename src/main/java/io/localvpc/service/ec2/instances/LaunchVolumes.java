package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.model.ec2.Volume;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;

/**
 * The EBS volumes a launch creates: the image's root volume, adjusted by a mapping for the root
 * device, plus any new empty volumes the request maps elsewhere. Checked the way EC2 checks them.
 */
final class LaunchVolumes {

    /** A volume to create and attach at launch. */
    record Planned(
            String deviceName, int sizeGiB, String volumeType, Integer iops, Integer throughput,
            boolean encrypted, String snapshotId, boolean deleteOnTermination) {}

    private LaunchVolumes() {}

    static List<Planned> plan(Images.CatalogueImage image, List<BlockDeviceMapping> mappings) {
        List<Planned> volumes = new ArrayList<>();
        Planned root = new Planned(Images.ROOT_DEVICE, Images.CatalogueImage.VOLUME_SIZE_GIB, image.volumeType(),
                null, null, false, image.snapshotId(), true);
        boolean rootMapped = false;
        for (BlockDeviceMapping mapping : mappings) {
            if (mapping.deviceName() == null || mapping.deviceName().isEmpty()) {
                throw Ec2Errors.missing("BlockDeviceMapping.DeviceName");
            }
            if (mapping.noDevice() != null || mapping.virtualName() != null || mapping.ebs() == null) {
                continue; // suppressed devices and instance-store names create no EBS volume
            }
            if (mapping.deviceName().equals(Images.ROOT_DEVICE)) {
                volumes.add(0, adjusted(root, mapping.ebs()));
                rootMapped = true;
            } else {
                volumes.add(fresh(mapping.deviceName(), mapping.ebs(), image));
            }
        }
        if (!rootMapped) {
            volumes.add(0, adjusted(root, null));
        }
        return volumes;
    }

    private static Planned adjusted(Planned root, EbsBlockDevice ebs) {
        if (ebs == null) {
            return checked(root.deviceName(), root.sizeGiB(), root.volumeType(), null, null, false,
                    root.snapshotId(), true);
        }
        if (ebs.snapshotId() != null && !ebs.snapshotId().equals(root.snapshotId())) {
            throw Ec2Errors.invalidCombination("The snapshot for the root device must be the image's snapshot '"
                    + root.snapshotId() + "'.");
        }
        int size = ebs.volumeSize() == null ? root.sizeGiB() : ebs.volumeSize();
        if (size < root.sizeGiB()) {
            throw AwsException.badRequest("InvalidBlockDeviceMapping", "Volume of size " + size
                    + "GB is smaller than snapshot '" + root.snapshotId() + "', expect size >= " + root.sizeGiB() + "GB");
        }
        String type = ebs.volumeTypeAsString() == null ? root.volumeType() : ebs.volumeTypeAsString();
        return checked(root.deviceName(), size, type, ebs.iops(), ebs.throughput(), Boolean.TRUE.equals(ebs.encrypted()),
                root.snapshotId(), ebs.deleteOnTermination() == null || ebs.deleteOnTermination());
    }

    private static Planned fresh(String device, EbsBlockDevice ebs, Images.CatalogueImage image) {
        if (ebs.snapshotId() != null) {
            throw AwsException.badRequest("InvalidSnapshot.NotFound", "The snapshot '" + ebs.snapshotId() + "' does not exist.");
        }
        if (ebs.volumeSize() == null) {
            throw Ec2Errors.missing("BlockDeviceMapping.Ebs.VolumeSize");
        }
        String type = ebs.volumeTypeAsString() == null ? image.volumeType() : ebs.volumeTypeAsString();
        return checked(device, ebs.volumeSize(), type, ebs.iops(), ebs.throughput(), Boolean.TRUE.equals(ebs.encrypted()),
                null, ebs.deleteOnTermination() != null && ebs.deleteOnTermination());
    }

    /** Validates type, size, IOPS and throughput together, filling in each type's defaults. */
    private static Planned checked(String device, int size, String type, Integer iops, Integer throughput,
            boolean encrypted, String snapshotId, boolean deleteOnTermination) {
        Volume.Configuration spec = VolumeSpecs.checked(size, type, iops, throughput);
        return new Planned(device, spec.sizeGiB(), spec.volumeType(), spec.iops(), spec.throughput(), encrypted, snapshotId,
                deleteOnTermination);
    }
}
