package io.localvpc.service.ec2.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Instance;

/** Instances and their volumes survive a restart: the journal round-trips their records. */
class InstancePersistenceTest {

    @Test
    void an_instance_is_the_same_after_a_restart(@TempDir Path dir) {
        LocalVpcServer server = new LocalVpcServer().persistedIn(dir);
        server.start();
        Instance before;
        try {
            var ec2 = server.ec2("123412341234");
            String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("amzn2-*-x86_64-gp2")))
                    .images().get(0).imageId();
            String id = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("t3.micro")
                    .userData("ZWNobyBoaQ==")).instances().get(0).instanceId();
            server.advance(Duration.ofSeconds(1));
            before = ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
        } finally {
            server.stop();
        }
        server.start();
        try {
            var ec2 = server.ec2("123412341234");
            Instance after = ec2.describeInstances(r -> r.instanceIds(before.instanceId())).reservations().get(0)
                    .instances().get(0);
            assertThat(after).isEqualTo(before);
            assertThat(ec2.describeVolumes().volumes()).hasSize(1);
            assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(before.instanceId()).attribute("userData"))
                    .userData().value()).isEqualTo("ZWNobyBoaQ==");
        } finally {
            server.stop();
        }
    }
}
