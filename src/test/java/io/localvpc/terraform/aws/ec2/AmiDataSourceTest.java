package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.HandsOnCompute;
import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AmiDataSourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    static ProviderHarness tf;
    final AmiDataSource amis = new AmiDataSource();

    @BeforeAll
    static void setUp() {
        tf = new ProviderHarness(server);
    }

    @Test
    void theNewestAmazonLinux2ImageMatchingTheWildcard() {
        Map<String, Object> ami = amis.read(tf.aws(), HandsOnCompute.amazonLinux2());

        String id = (String) ami.get("id");
        var newest = server.ec2().describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images().stream()
                .max(java.util.Comparator.comparing(i -> i.creationDate())).orElseThrow();
        assertThat(id).isEqualTo(newest.imageId()).isEqualTo(ami.get("image_id"));
        assertThat(ami).containsEntry("arn", "arn:aws:ec2:ap-northeast-1::image/" + id)
                .containsEntry("name", newest.name())
                .containsEntry("owner_id", newest.ownerId())
                .containsEntry("image_owner_alias", "amazon")
                .containsEntry("architecture", "x86_64")
                .containsEntry("root_device_name", "/dev/xvda")
                .containsEntry("root_device_type", "ebs")
                .containsEntry("state", "available")
                .containsEntry("public", true)
                .containsEntry("ena_support", true)
                .containsEntry("virtualization_type", "hvm")
                .containsEntry("platform", "")
                .containsEntry("state_reason", Map.of("code", "UNSET", "message", "UNSET"))
                .containsEntry("most_recent", true)
                .containsEntry("owners", List.of("amazon"));
        assertThat(ami.get("block_device_mappings")).asList().singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("device_name", "/dev/xvda")
                .extractingByKey("ebs").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("volume_size", "8").containsEntry("volume_type", "gp2").containsEntry("delete_on_termination", "true");
        assertThat((String) ami.get("root_snapshot_id")).startsWith("snap-");
    }

    @Test
    void nameRegexNarrowsTheResult() {
        Map<String, Object> config = config("most_recent", true, "owners", List.of("amazon"), "name_regex", "^al2023-ami-.*-arm64$");
        Map<String, Object> ami = amis.read(tf.aws(), config);
        assertThat((String) ami.get("name")).startsWith("al2023-ami-").endsWith("arm64");
        assertThat(ami).containsEntry("architecture", "arm64");
    }

    @Test
    void noMatchAndTooManyMatchesAreTheProvidersErrors() {
        assertThatThrownBy(() -> amis.read(tf.aws(), config("owners", List.of("amazon"),
                "filter", List.of(Map.of("name", "name", "values", List.of("no-such-image-*"))))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Your query returned no results. Please change your search criteria and try again.");
        assertThatThrownBy(() -> amis.read(tf.aws(), config("owners", List.of("amazon"),
                "filter", List.of(Map.of("name", "name", "values", List.of("amzn2-ami-hvm-*"))))))
                .hasMessage("Your query returned more than one result. Please try a more specific search criteria, "
                        + "or set `most_recent` attribute to true.");
    }
}
