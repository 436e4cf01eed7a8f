package io.localvpc.model.ec2;

import io.localvpc.model.Resource;
import java.time.Instant;

/** An EBS volume, attached to at most one instance (the root volumes of launched instances). */
public record Volume(
        String id,
        String ownerId,
        int sizeGiB,
        String volumeType,
        Integer iops,
        Integer throughput,
        boolean encrypted,
        String snapshotId,
        String availabilityZone,
        Instant createTime,
        Attachment attachment)
        implements Resource {

    /** Where the volume is attached. */
    public record Attachment(String instanceId, String device, boolean deleteOnTermination, Instant attachTime) {}

    public String state() {
        return attachment == null ? "available" : "in-use";
    }

    /** Size, type and performance: what ModifyVolume changes. */
    public record Configuration(int sizeGiB, String volumeType, Integer iops, Integer throughput) {}

    public Configuration configuration() {
        return new Configuration(sizeGiB, volumeType, iops, throughput);
    }

    public Volume configured(Configuration c) {
        return new Volume(id, ownerId, c.sizeGiB(), c.volumeType(), c.iops(), c.throughput(), encrypted, snapshotId,
                availabilityZone, createTime, attachment);
    }

    public Volume detached() {
        return new Volume(id, ownerId, sizeGiB, volumeType, iops, throughput, encrypted, snapshotId, availabilityZone,
                createTime, null);
    }
}
