package io.localvpc.service.ec2.instances;

import io.localvpc.model.ec2.Volume;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.Map;

/**
 * What an EBS volume of each type may be: size, IOPS and throughput checked together, as EC2
 * checks them when a launch creates a volume and when ModifyVolume changes one.
 */
final class VolumeSpecs {

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

    private VolumeSpecs() {}

    /** Whether the type takes an IOPS figure (gp2's follows from its size). */
    static boolean takesIops(String type) {
        return type.equals("gp3") || type.equals("io1") || type.equals("io2");
    }

    static boolean takesThroughput(String type) {
        return type.equals("gp3");
    }

    /** Validates type, size, IOPS and throughput together, filling in each type's defaults. */
    static Volume.Configuration checked(int size, String type, Integer iops, Integer throughput) {
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
        if (iops != null && !takesIops(type)) {
            throw Ec2Errors.invalidCombination("The parameter iops is not supported for " + type + " volumes.");
        }
        if (iops == null && provisioned) {
            throw Ec2Errors.invalidCombination("The parameter iops must be specified for " + type + " volumes.");
        }
        if (throughput != null && !takesThroughput(type)) {
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
        return new Volume.Configuration(size, type, iops, throughput);
    }
}
