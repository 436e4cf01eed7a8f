package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeModification;
import software.amazon.awssdk.services.ec2.model.VolumeModificationState;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/** ModifyVolume and DescribeVolumesModifications: Elastic Volumes on the root volumes of instances. */
class VolumeModificationApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final Duration STATE_CHANGE = Duration.ofSeconds(1);
    private static int accounts = 320000000;

    /** Launches an Amazon Linux 2 instance (8 GiB gp2 root volume) and returns the root volume's id. */
    static String rootVolume(Ec2Client ec2) {
        String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name")
                .values("amzn2-ami-hvm-2.0.20251110.0-x86_64-gp2"))).images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.nano").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        return ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.instance-id").values(id)))
                .volumes().get(0).volumeId();
    }

    private static Ec2Client freshAccount() {
        return server.ec2(String.format("%012d", ++accounts));
    }

    private static VolumeModification modificationOf(Ec2Client ec2, String volumeId) {
        return ec2.describeVolumesModifications(r -> r.volumeIds(volumeId)).volumesModifications().get(0);
    }

    @Test
    void a_resize_to_gp3_moves_through_modifying_optimizing_and_completed() {
        Ec2Client ec2 = freshAccount();
        String volumeId = rootVolume(ec2);
        Volume before = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
        assertThat(before.size()).isEqualTo(8);
        assertThat(before.volumeType()).isEqualTo(VolumeType.GP2);

        VolumeModification started = ec2.modifyVolume(r -> r.volumeId(volumeId).size(20).volumeType(VolumeType.GP3)
                .iops(4000).throughput(250)).volumeModification();
        assertThat(started.modificationState()).isEqualTo(VolumeModificationState.MODIFYING);
        assertThat(started.progress()).isZero();
        assertThat(started.startTime()).isEqualTo(server.clock().now());
        assertThat(started.endTime()).isNull();
        assertThat(started.originalSize()).isEqualTo(8);
        assertThat(started.originalVolumeType()).isEqualTo(VolumeType.GP2);
        assertThat(started.originalIops()).isEqualTo(100);
        assertThat(started.targetSize()).isEqualTo(20);
        assertThat(started.targetVolumeType()).isEqualTo(VolumeType.GP3);
        assertThat(started.targetIops()).isEqualTo(4000);
        assertThat(started.targetThroughput()).isEqualTo(250);
        assertThat(modificationOf(ec2, volumeId)).isEqualTo(started);
        assertThat(ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).size()).isEqualTo(8);

        var busy = assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(30)),
                "IncorrectModificationState");
        assertThat(busy.statusCode()).isEqualTo(400);

        server.advance(STATE_CHANGE);
        VolumeModification optimizing = modificationOf(ec2, volumeId);
        assertThat(optimizing.modificationState()).isEqualTo(VolumeModificationState.OPTIMIZING);
        assertThat(optimizing.progress()).isBetween(1L, 99L);
        Volume resized = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
        assertThat(resized.size()).isEqualTo(20);
        assertThat(resized.volumeType()).isEqualTo(VolumeType.GP3);
        assertThat(resized.iops()).isEqualTo(4000);
        assertThat(resized.throughput()).isEqualTo(250);
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(30)), "IncorrectModificationState");

        server.advance(STATE_CHANGE);
        VolumeModification completed = modificationOf(ec2, volumeId);
        assertThat(completed.modificationState()).isEqualTo(VolumeModificationState.COMPLETED);
        assertThat(completed.progress()).isEqualTo(100);
        assertThat(completed.endTime()).isEqualTo(started.startTime().plus(STATE_CHANGE.multipliedBy(2)));
        assertThat(ec2.describeVolumesModifications(r -> r.filters(f -> f.name("modification-state")
                .values("completed"))).volumesModifications()).extracting(VolumeModification::volumeId)
                .containsExactly(volumeId);

        // Once completed, the volume can change again; members left out keep their gp3 values.
        VolumeModification again = ec2.modifyVolume(r -> r.volumeId(volumeId).size(21)).volumeModification();
        assertThat(again.targetIops()).isEqualTo(4000);
        assertThat(again.targetThroughput()).isEqualTo(250);
        assertThat(again.originalSize()).isEqualTo(20);
    }

    @Test
    void invalid_modifications_get_ec2s_errors_and_change_nothing() {
        Ec2Client ec2 = freshAccount();
        String volumeId = rootVolume(ec2);
        var smaller = assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(4)), "InvalidParameterValue");
        assertThat(smaller.statusCode()).isEqualTo(400);
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).size(16385)), "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).volumeType(VolumeType.GP3).iops(2999)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).volumeType(VolumeType.GP3).iops(16001)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).volumeType(VolumeType.GP3).throughput(124)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).volumeType(VolumeType.GP3).throughput(1001)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).iops(3000)), "InvalidParameterCombination");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId).volumeType("gp9")), "InvalidParameterValue");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId(volumeId)), "MissingParameter");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId("vol-0123456789abcdef0").size(10)), "InvalidVolume.NotFound");
        assertAwsError(() -> ec2.modifyVolume(r -> r.volumeId("volume-1").size(10)), "InvalidVolumeID.Malformed");
        assertAwsError(() -> ec2.describeVolumesModifications(r -> r.volumeIds(volumeId)),
                "InvalidVolumeModification.NotFound");
        assertAwsError(() -> ec2.describeVolumesModifications(r -> r.volumeIds("vol-0123456789abcdef0")),
                "InvalidVolume.NotFound");
        assertThat(ec2.describeVolumesModifications().volumesModifications()).isEmpty();
        assertThat(ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).size()).isEqualTo(8);
    }

    @Test
    void a_modification_in_progress_survives_a_restart_and_still_completes(@TempDir Path dir) {
        LocalVpcServer persisted = new LocalVpcServer().persistedIn(dir);
        persisted.start();
        String volumeId;
        try {
            Ec2Client ec2 = persisted.ec2("123412341299");
            volumeId = rootVolume(ec2);
            ec2.modifyVolume(r -> r.volumeId(volumeId).size(12));
        } finally {
            persisted.stop();
        }
        persisted.start();
        try {
            Ec2Client ec2 = persisted.ec2("123412341299");
            assertThat(modificationOf(ec2, volumeId).modificationState()).isEqualTo(VolumeModificationState.MODIFYING);
            persisted.advance(STATE_CHANGE.multipliedBy(2));
            assertThat(modificationOf(ec2, volumeId).modificationState()).isEqualTo(VolumeModificationState.COMPLETED);
            assertThat(ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0).size()).isEqualTo(12);
        } finally {
            persisted.stop();
        }
    }
}
