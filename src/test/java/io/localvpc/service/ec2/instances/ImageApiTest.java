package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.service.ec2.instances.Images;
import io.localvpc.testing.LocalVpcServer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

class ImageApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private final Ec2Client ec2 = server.ec2();

    private List<Image> amazonImagesNamed(String pattern) {
        return ec2.describeImages(r -> r.owners("amazon").includeDeprecated(false)
                .filters(f -> f.name("name").values(pattern))).images();
    }

    @Test
    void the_aws_ami_data_source_query_finds_several_amazon_linux_2_images_and_a_recent_newest() {
        List<Image> found = amazonImagesNamed("amzn2-ami-hvm-2.0.*.0-x86_64-gp2");
        assertThat(found).hasSizeGreaterThan(3);
        assertThat(found).allSatisfy(i -> {
            assertThat(i.name()).matches("amzn2-ami-hvm-2\\.0\\.\\d{8}\\.0-x86_64-gp2");
            assertThat(i.imageId()).matches("ami-[0-9a-f]{17}");
            assertThat(i.ownerId()).isEqualTo("137112412989");
            assertThat(i.imageOwnerAlias()).isEqualTo("amazon");
            assertThat(i.architectureAsString()).isEqualTo("x86_64");
        });
        Image newest = found.stream().max(Comparator.comparing(i -> Instant.parse(i.creationDate()))).orElseThrow();
        assertThat(Instant.parse(newest.creationDate())).isBefore(LocalVpcServer.START).isAfter(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(newest.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(newest.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(newest.stateAsString()).isEqualTo("available");
        assertThat(newest.publicLaunchPermissions()).isTrue();
        assertThat(newest.virtualizationTypeAsString()).isEqualTo("hvm");
        assertThat(newest.hypervisorAsString()).isEqualTo("xen");
        assertThat(newest.enaSupport()).isTrue();
        assertThat(newest.imageTypeAsString()).isEqualTo("machine");
        assertThat(newest.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(newest.usageOperation()).isEqualTo("RunInstances");
        assertThat(newest.description()).startsWith("Amazon Linux 2 AMI 2.0.");
        assertThat(newest.blockDeviceMappings()).singleElement().satisfies(m -> {
            assertThat(m.deviceName()).isEqualTo("/dev/xvda");
            assertThat(m.ebs().snapshotId()).matches("snap-[0-9a-f]{17}");
            assertThat(m.ebs().volumeSize()).isEqualTo(8);
            assertThat(m.ebs().volumeTypeAsString()).isEqualTo("gp2");
            assertThat(m.ebs().deleteOnTermination()).isTrue();
            assertThat(m.ebs().encrypted()).isFalse();
        });
    }

    @Test
    void amazon_linux_2023_images_are_gp3_and_require_imdsv2() {
        List<Image> found = amazonImagesNamed("al2023-ami-2023.*-kernel-6.1-arm64");
        assertThat(found).hasSizeGreaterThan(3).allSatisfy(i -> {
            assertThat(i.architectureAsString()).isEqualTo("arm64");
            assertThat(i.imdsSupportAsString()).isEqualTo("v2.0");
            assertThat(i.bootModeAsString()).isEqualTo("uefi");
            assertThat(i.blockDeviceMappings().get(0).ebs().volumeTypeAsString()).isEqualTo("gp3");
        });
    }

    @Test
    void ids_are_stable_and_differ_between_regions() {
        String name = "al2023-ami-2023.9.20251110.0-kernel-6.1-x86_64";
        String here = amazonImagesNamed(name).get(0).imageId();
        assertThat(amazonImagesNamed(name).get(0).imageId()).isEqualTo(here);
        assertThat(Images.of("us-east-1").stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id())
                .isNotEqualTo(here).matches("ami-[0-9a-f]{17}");
    }

    @Test
    void by_id_and_errors_for_unknown_and_malformed_ids() {
        Image any = amazonImagesNamed("al2023-*-x86_64").get(0);
        assertThat(ec2.describeImages(r -> r.imageIds(any.imageId())).images()).extracting(Image::imageId)
                .containsExactly(any.imageId());
        var error = assertAwsError(() -> ec2.describeImages(r -> r.imageIds("ami-0123456789abcdef0")), "InvalidAMIID.NotFound");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The image id '[ami-0123456789abcdef0]' does not exist");
        assertThat(error.statusCode()).isEqualTo(400);
        assertAwsError(() -> ec2.describeImages(r -> r.imageIds("ami-nothex")), "InvalidAMIID.Malformed");
        assertAwsError(() -> ec2.describeImages(r -> r.owners("nobody")), "InvalidUserID.Malformed");
        assertAwsError(() -> ec2.describeImages(r -> r.filters(f -> f.name("colour").values("x"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeImages(r -> r.imageIds(any.imageId()).maxResults(5)), "InvalidParameterCombination");
        assertAwsError(() -> ec2.describeImages(r -> r.imageIds(any.imageId()).dryRun(true)), "DryRunOperation");
    }

    @Test
    void owners_self_and_other_accounts_own_nothing() {
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).isEmpty();
        assertThat(ec2.describeImages(r -> r.owners("123456789012")).images()).isEmpty();
        assertThat(ec2.describeImages(r -> r.owners("137112412989", "self")).images()).isNotEmpty();
        assertThat(ec2.describeImages(r -> r.executableUsers("all")).images()).isNotEmpty();
    }

    @Test
    void filters_combine() {
        List<Image> arm = ec2.describeImages(r -> r.owners("amazon").filters(
                f -> f.name("architecture").values("arm64"),
                f -> f.name("owner-alias").values("amazon"),
                f -> f.name("root-device-type").values("ebs"),
                f -> f.name("virtualization-type").values("hvm"),
                f -> f.name("state").values("available"),
                f -> f.name("is-public").values("true"),
                f -> f.name("image-type").values("machine"),
                f -> f.name("name").values("amzn2-ami-hvm-2.0.2025????.0-*"))).images();
        assertThat(arm).extracting(Image::name).containsExactlyInAnyOrder(
                "amzn2-ami-hvm-2.0.20250108.0-arm64-gp2", "amzn2-ami-hvm-2.0.20250505.0-arm64-gp2",
                "amzn2-ami-hvm-2.0.20250915.0-arm64-gp2", "amzn2-ami-hvm-2.0.20251110.0-arm64-gp2");
        assertThat(ec2.describeImages(r -> r.filters(f -> f.name("platform").values("windows"))).images()).isEmpty();

    }

    @Test
    void pages_through_the_catalogue() {
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeImagesResponse page = ec2.describeImages(r -> r.owners("amazon").maxResults(5).nextToken(next));
            assertThat(page.images()).hasSizeLessThanOrEqualTo(5);
            page.images().forEach(i -> assertThat(seen.add(i.imageId())).isTrue());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isGreaterThan(3);
        assertThat(seen).hasSize(ec2.describeImages(r -> r.owners("amazon")).images().size());
        assertAwsError(() -> ec2.describeImages(r -> r.maxResults(4)), "InvalidParameterValue");
    }
}
