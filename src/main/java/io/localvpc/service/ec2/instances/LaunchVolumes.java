package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Size limits (GiB) per volume type. */
    private record Limits(int minSize, int maxSize) {}

    private static final Map<String, Limits> TYPES = Map.of(
            "standard", new Limits(1, 1024),
            "gp2", new Limits(1, 16384),
            "gp3", new Limits(1, 16384),
            "io1", new Limits(4, 16384),
            "io2", new Limits(4, 65536),
            "st1", new Limits(125, 16384),
            "sc1", new Limits(125, 16384));

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
        Limits limits = TYPES.get(type);
        if (limits == null) {
            throw Ec2Errors.invalidValue("Value (" + type + ") for parameter volumeType is invalid. Valid values are: "
                    + "standard, io1, io2, gp2, sc1, st1, gp3");
        }
        if (size < limits.minSize() || size > limits.maxSize()) {
            throw Ec2Errors.invalidValue("Volume size " + size + " GiB is out of range for volume type " + type
                    + " (" + limits.minSize() + "-" + limits.maxSize() + " GiB).");
        }
        boolean provisioned = type.equals("io1") || type.equals("io2");
        if (iops != null && !provisioned && !type.equals("gp3")) {
            throw Ec2Errors.invalidCombination("The parameter iops is not supported for " + type + " volumes.");
        }
        if (iops == null && provisioned) {
            throw Ec2Errors.invalidCombination("The parameter iops must be specified for " + type + " volumes.");
        }
        if (throughput != null && !type.equals("gp3")) {
            throw Ec2Errors.invalidCombination("The parameter throughput is not supported for " + type + " volumes.");
        }
        if (type.equals("gp3")) {
            iops = iops == null ? 3000 : iops;
            throughput = throughput == null ? 125 : throughput;
            if (iops < 3000 || iops > 16000) {
                throw Ec2Errors.invalidValue("Value (" + iops + ") for parameter iops is invalid. Expected: 3000-16000.");
            }
            if (throughput < 125 || throughput > 1000) {
                throw Ec2Errors.invalidValue(
                        "Value (" + throughput + ") for parameter throughput is invalid. Expected: 125-1000.");
            }
        } else if (type.equals("gp2")) {
            iops = Math.max(100, Math.min(16000, 3 * size)); // gp2 earns 3 IOPS per GiB
        } else if (provisioned && (iops < 100 || iops > 64000)) {
            throw Ec2Errors.invalidValue("Value (" + iops + ") for parameter iops is invalid. Expected: 100-64000.");
        }
        return new Planned(device, size, type, iops, throughput, encrypted, snapshotId, deleteOnTermination);
    }
}
