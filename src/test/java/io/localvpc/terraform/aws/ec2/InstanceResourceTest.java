package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.HandsOnCompute;
import io.localvpc.terraform.aws.Networks;
import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.testing.LocalVpcServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Instance;

class InstanceResourceTest {
    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    static ProviderHarness tf;
    static Networks net;
    static HandsOnCompute compute;
    final InstanceResource instances = new InstanceResource();

    @BeforeAll
    static void setUp() {
        tf = new ProviderHarness(server, Map.of("Project", "hands-on"));
        net = Networks.create(server);
        compute = HandsOnCompute.create(tf, net.vpc(), "box");
    }

    /** The hands-on's private instance. */
    static Map<String, Object> privateBox() {
        return config("ami", compute.ami(), "instance_type", "t3.nano", "subnet_id", net.subnet(),
                "vpc_security_group_ids", List.of(compute.groupId()), "iam_instance_profile", compute.profileName(),
                "root_block_device", List.of(Map.of("volume_size", number(30), "volume_type", "gp3")),
                "tags", Map.of("Name", "private-box"));
    }

    private static Instance described(String id) {
        return server.ec2().describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    @Test
    void theHandsOnPrivateInstanceRunsWithItsProfileAndRoundTrips() {
        Map<String, Object> config = privateBox();
        Map<String, Object> state = tf.create(instances, config);
        String id = (String) state.get("id");

        assertThat(id).startsWith("i-");
        assertThat(state).containsEntry("arn", "arn:aws:ec2:ap-northeast-1:000000000000:instance/" + id)
                .containsEntry("instance_state", "running")
                .containsEntry("ami", compute.ami())
                .containsEntry("instance_type", "t3.nano")
                .containsEntry("subnet_id", net.subnet())
                .containsEntry("availability_zone", "ap-northeast-1c")
                .containsEntry("vpc_security_group_ids", List.of(compute.groupId()))
                .containsEntry("security_groups", List.of())
                .containsEntry("iam_instance_profile", compute.profileName())
                .containsEntry("associate_public_ip_address", false)
                .containsEntry("public_ip", "")
                .containsEntry("public_dns", "")
                .containsEntry("source_dest_check", true)
                .containsEntry("monitoring", false)
                .containsEntry("ebs_optimized", false)
                .containsEntry("disable_api_termination", false)
                .containsEntry("disable_api_stop", false)
                .containsEntry("tenancy", "default")
                .containsEntry("instance_initiated_shutdown_behavior", "stop")
                .containsEntry("key_name", "")
                .containsEntry("hibernation", false)
                .containsEntry("credit_specification", List.of(Map.of("cpu_credits", "unlimited")))
                .containsEntry("tags", Map.of("Name", "private-box"))
                .containsEntry("tags_all", Map.of("Name", "private-box", "Project", "hands-on"))
                .containsEntry("user_data", null)
                .containsEntry("launch_template", List.of())
                .containsEntry("ephemeral_block_device", List.of())
                .containsEntry("ebs_block_device", List.of());
        assertThat((String) state.get("private_ip")).startsWith("10.0.20.");
        assertThat((String) state.get("private_dns")).isEqualTo("ip-" + ((String) state.get("private_ip")).replace('.', '-')
                + ".ap-northeast-1.compute.internal");
        assertThat((String) state.get("primary_network_interface_id")).startsWith("eni-");
        assertThat(state.get("root_block_device")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("device_name", "/dev/xvda")
                .containsEntry("volume_size", number(30))
                .containsEntry("volume_type", "gp3")
                .containsEntry("delete_on_termination", true)
                .containsEntry("encrypted", false)
                .extractingByKey("volume_id").asString().startsWith("vol-");
        assertThat(state.get("metadata_options")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsKeys("http_endpoint", "http_tokens", "http_put_response_hop_limit");
        assertThat(state.keySet()).containsAll(instances.schema().attributes().keySet())
                .containsAll(instances.schema().blocks().keySet());

        Instance running = described(id);
        assertThat(running.iamInstanceProfile().arn()).endsWith(":instance-profile/" + compute.profileName());
        assertThat(running.securityGroups()).extracting(g -> g.groupId()).containsExactly(compute.groupId());
        assertThat(tf.changes(instances, state, config)).isEmpty();

        tf.delete(instances, state);
        assertThat(described(id).state().nameAsString()).isEqualTo("terminated");
        assertThat(tf.refresh(instances, state)).isEmpty();
    }

    @Test
    void tagsGroupsProfileAndTypeChangeInPlaceWhileAmiAndSubnetReplace() {
        Map<String, Object> group = tf.create(new SecurityGroupResource(), config("name", "second", "vpc_id", net.vpc()));
        Map<String, Object> config = privateBox();
        Map<String, Object> state = tf.create(instances, config);
        String id = (String) state.get("id");

        Map<String, Object> changed = new HashMap<>(config);
        changed.put("tags", Map.of("Name", "renamed"));
        changed.put("vpc_security_group_ids", List.of(compute.groupId(), group.get("id")));
        changed.put("iam_instance_profile", "");
        changed.put("instance_type", "t3.micro");
        changed.put("user_data", "#!/bin/bash\necho hello\n");
        var changes = tf.changes(instances, state, changed);
        assertThat(changes).contains("tags", "vpc_security_group_ids", "iam_instance_profile", "instance_type", "user_data");
        assertThat(tf.replaces(instances, state, changed)).isFalse();
        Map<String, Object> updated = tf.update(instances, state, changed);

        assertThat(updated).containsEntry("id", id).containsEntry("instance_type", "t3.micro")
                .containsEntry("instance_state", "running")
                .containsEntry("tags", Map.of("Name", "renamed"))
                .containsEntry("iam_instance_profile", "")
                .containsEntry("user_data", InstanceReader.userDataHash("#!/bin/bash\necho hello\n"));
        assertThat(updated.get("vpc_security_group_ids")).asList().containsExactlyInAnyOrder(compute.groupId(), group.get("id"));
        Instance after = described(id);
        assertThat(after.instanceTypeAsString()).isEqualTo("t3.micro");
        assertThat(after.iamInstanceProfile()).isNull();
        assertThat(tf.changes(instances, updated, changed)).isEmpty();

        Map<String, Object> moved = new HashMap<>(changed);
        moved.put("subnet_id", net.otherSubnet());
        assertThat(tf.replaces(instances, updated, moved)).isTrue();
        tf.delete(instances, updated);
    }

    @Test
    void theRootVolumeGrowsAndMetadataOptionsChangeInPlace() {
        Map<String, Object> config = privateBox();
        Map<String, Object> state = tf.create(instances, config);
        String id = (String) state.get("id");
        @SuppressWarnings("unchecked")
        String volumeId = (String) ((List<Map<String, Object>>) state.get("root_block_device")).get(0).get("volume_id");

        Map<String, Object> changed = new HashMap<>(config);
        changed.put("root_block_device", List.of(Map.of("volume_size", number(40), "volume_type", "gp3",
                "iops", number(4000))));
        changed.put("metadata_options", List.of(Map.of("http_tokens", "required",
                "http_put_response_hop_limit", number(2), "instance_metadata_tags", "enabled")));
        var changes = tf.changes(instances, state, changed);
        assertThat(changes).contains("root_block_device", "metadata_options");
        assertThat(tf.replaces(instances, state, changed)).isFalse();
        Map<String, Object> updated = tf.update(instances, state, changed);

        assertThat(updated).containsEntry("id", id);
        assertThat(updated.get("root_block_device")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("volume_id", volumeId)
                .containsEntry("volume_size", number(40))
                .containsEntry("iops", number(4000))
                .containsEntry("throughput", number(125));
        assertThat(updated.get("metadata_options")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("http_tokens", "required")
                .containsEntry("http_put_response_hop_limit", number(2))
                .containsEntry("instance_metadata_tags", "enabled");
        var modification = server.ec2().describeVolumesModifications(r -> r.volumeIds(volumeId))
                .volumesModifications().get(0);
        assertThat(modification.originalSize()).isEqualTo(30);
        assertThat(modification.targetSize()).isEqualTo(40);
        assertThat(described(id).metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(tf.changes(instances, updated, changed)).isEmpty();
        tf.delete(instances, updated);
    }

    @Test
    void aPublicAddressAndAFixedPrivateAddressUseTheInterfaceFormAndRoundTrip() {
        Map<String, Object> config = config("ami", compute.ami(), "instance_type", "t3.nano", "subnet_id", net.otherSubnet(),
                "associate_public_ip_address", true, "private_ip", "10.0.10.50",
                "vpc_security_group_ids", List.of(compute.groupId()), "monitoring", true, "source_dest_check", false);
        Map<String, Object> state = tf.create(instances, config);

        assertThat(state).containsEntry("associate_public_ip_address", true).containsEntry("private_ip", "10.0.10.50")
                .containsEntry("monitoring", true).containsEntry("source_dest_check", false)
                .containsEntry("availability_zone", "ap-northeast-1a");
        assertThat((String) state.get("public_ip")).isNotEmpty().isEqualTo(described((String) state.get("id")).publicIpAddress());
        // No public DNS name: the VPC does not have DNS hostnames enabled.
        assertThat(state).containsEntry("public_dns", "");
        assertThat(tf.changes(instances, state, config)).isEmpty();
        tf.delete(instances, state);
    }

    @Test
    void userDataIsStoredAsTheProvidersHash() {
        // sha1("hello") as `echo -n hello | sha1sum` prints it.
        assertThat(InstanceReader.userDataHash("hello")).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
        // Base64 content is hashed decoded.
        assertThat(InstanceReader.userDataHash("aGVsbG8=")).isEqualTo("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d");
    }

    @Test
    void aMissingImageIsTheApiErrorInTheProvidersWords() {
        Map<String, Object> config = new HashMap<>(privateBox());
        config.put("ami", "ami-0123456789abcdef0");
        config.remove("root_block_device");
        Map<String, Object> untyped = new HashMap<>(config);
        untyped.remove("instance_type");
        assertThatThrownBy(() -> tf.create(instances, untyped))
                .isInstanceOf(ProviderException.class)
                .hasMessage("one of `instance_type,launch_template` must be specified");
        assertThatThrownBy(() -> tf.create(instances, config))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("creating EC2 Instance: operation error EC2: RunInstances, https response error StatusCode: 400")
                .hasMessageContaining("api error InvalidAMIID.NotFound");
    }

    @Test
    void argumentsTheSimulatedInstancesCannotHonourAreRefusedNotDropped() {
        Map<String, Object> config = new HashMap<>(privateBox());
        config.put("ipv6_address_count", java.math.BigDecimal.ONE);
        assertThatThrownBy(() -> tf.create(instances, config))
                .isInstanceOf(ProviderException.class)
                .hasMessage("creating EC2 Instance: argument \"ipv6_address_count\" is not supported by LocalVPC's "
                        + "simulated instances; remove it from the configuration");
    }
}
