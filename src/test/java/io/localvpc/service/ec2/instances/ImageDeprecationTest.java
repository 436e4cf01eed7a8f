package io.localvpc.service.ec2.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** In a class of its own because it moves the clock a year on. */
class ImageDeprecationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    @Test
    void deprecated_images_are_hidden_unless_asked_for_or_named() {
        Ec2Client ec2 = server.ec2();
        int current = ec2.describeImages(r -> r.owners("amazon")).images().size();
        String oldest = ec2.describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.20240306.0-x86_64-gp2"))).images().get(0).imageId();
        server.advance(Duration.ofDays(365));
        assertThat(ec2.describeImages(r -> r.owners("amazon")).images().size()).isLessThan(current);
        assertThat(ec2.describeImages(r -> r.owners("amazon").includeDeprecated(true)).images()).hasSize(current);
        assertThat(ec2.describeImages(r -> r.imageIds(oldest)).images()).singleElement()
                .satisfies(i -> assertThat(i.deprecationTime()).isEqualTo("2026-03-07T04:11:52.000Z"));
    }
}
