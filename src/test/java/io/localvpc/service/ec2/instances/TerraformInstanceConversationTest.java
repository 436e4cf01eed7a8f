package io.localvpc.service.ec2.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The calls the Terraform AWS provider makes for {@code data "aws_ami"} and {@code aws_instance},
 * in its order and with its parameters (research notes §5.1 and §5.13), checking every field it
 * reads.
 */
class TerraformInstanceConversationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final String ACCOUNT = "444455556666";
    private final Ec2Client ec2 = server.ec2(ACCOUNT);

    /** data "aws_ami": owners amazon, a name filter, most_recent. */
    private Image dataAwsAmi() {
        List<Image> images = ec2.describeImages(r -> r.includeDeprecated(false).owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))).images();
        assertThat(images).isNotEmpty();
        Image newest = images.stream().max(Comparator.comparing(i -> Instant.parse(i.creationDate()))).orElseThrow();
        assertThat(newest.imageId()).isNotEmpty();
        assertThat(newest.architectureAsString()).isEqualTo("x86_64");
        assertThat(newest.description()).isNotEmpty();
        assertThat(newest.enaSupport()).isTrue();
        assertThat(newest.hypervisorAsString()).isEqualTo("xen");
        assertThat(newest.imageLocation()).isEqualTo("amazon/" + newest.name());
        assertThat(newest.imageOwnerAlias()).isEqualTo("amazon");
        assertThat(newest.imageTypeAsString()).isEqualTo("machine");
        assertThat(newest.ownerId()).isEqualTo("137112412989");
        assertThat(newest.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(newest.publicLaunchPermissions()).isTrue();
        assertThat(newest.sriovNetSupport()).isEqualTo("simple");
        assertThat(newest.stateAsString()).isEqualTo("available");
        assertThat(newest.usageOperation()).isEqualTo("RunInstances");
        assertThat(newest.deprecationTime()).isNotEmpty();
        assertThat(newest.productCodes()).isEmpty();
        return newest;
    }

    @Test
    void data_aws_ami_and_aws_instance_from_create_to_destroy() {
        // Prerequisites the other resources of the configuration would have made.
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.20.0/24")
                .availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String groupId = defaultGroupOf(vpcId);
        InstanceApiTest.createInstanceProfileIn(server, ACCOUNT, "app-profile");

        Image ami = dataAwsAmi();

        // 1. The root device name of the image.
        Image byId = ec2.describeImages(r -> r.imageIds(ami.imageId())).images().get(0);
        assertThat(byId.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(byId.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(byId.blockDeviceMappings()).extracting(BlockDeviceMapping::deviceName).contains(byId.rootDeviceName());

        // 2. RunInstances exactly as the provider sends it.
        Instance launched = ec2.runInstances(r -> r
                .imageId(ami.imageId())
                .instanceType("t3.nano")
                .minCount(1).maxCount(1)
                .clientToken("terraform-20260101000000000000000001")
                .subnetId(subnetId)
                .securityGroupIds(groupId)
                .iamInstanceProfile(p -> p.name("app-profile"))
                .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(byId.rootDeviceName())
                        .ebs(e -> e.deleteOnTermination(true).volumeSize(30).volumeType("gp3")).build())
                .creditSpecification(c -> c.cpuCredits("unlimited"))
                .disableApiTermination(false)
                .ebsOptimized(false)
                .monitoring(m -> m.enabled(false))
                .hibernationOptions(h -> h.configured(false))
                .placement(p -> p.availabilityZone(""))
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(Tag.builder().key("Name").value("app").build()).build()))
                .instances().get(0);
        String id = launched.instanceId();
        assertThat(id).matches("i-[0-9a-f]{17}");

        // 3. waitInstanceCreated: pending, then running.
        assertThat(describe(id).state().nameAsString()).isEqualTo("pending");
        server.advance(Duration.ofSeconds(10));
        Instance instance = describe(id);

        // 4. Read: the ten calls.
        checkInstanceAsTerraformReadsIt(instance, ami, subnetId, vpcId, groupId);
        assertThat(ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t3.nano")).instanceTypes())
                .singleElement().satisfies(t -> assertThat(t.burstablePerformanceSupported()).isTrue());
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("resource-id").values(id),
                f -> f.name("key").values("aws:ec2launchtemplate:id"))).tags()).isEmpty();
        assertThat(ec2.describeVpcs(r -> r.vpcIds(instance.vpcId())).vpcs().get(0).isDefault()).isFalse();
        assertThat(attribute(id, InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR)
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");
        List<String> volumeIds = instance.blockDeviceMappings().stream().map(m -> m.ebs().volumeId()).toList();
        Volume root = ec2.describeVolumes(r -> r.volumeIds(volumeIds)).volumes().get(0);
        assertThat(root.size()).isEqualTo(30);
        assertThat(root.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(root.iops()).isEqualTo(3000);
        assertThat(root.throughput()).isEqualTo(125);
        assertThat(root.encrypted()).isFalse();
        assertThat(root.kmsKeyId()).isNull();
        assertThat(root.snapshotId()).isEqualTo(byId.blockDeviceMappings().get(0).ebs().snapshotId());
        assertThat(root.tags()).as("instance tags are not copied to volumes").isEmpty();
        assertThat(attribute(id, InstanceAttributeName.DISABLE_API_STOP).disableApiStop().value()).isFalse();
        assertThat(attribute(id, InstanceAttributeName.DISABLE_API_TERMINATION).disableApiTermination().value()).isFalse();
        var userData = attribute(id, InstanceAttributeName.USER_DATA).userData();
        assertThat(userData).as("<userData/> must be present").isNotNull();
        assertThat(userData.value()).isNull();
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id)).instanceCreditSpecifications())
                .singleElement().satisfies(c -> {
                    assertThat(c.instanceId()).isEqualTo(id);
                    assertThat(c.cpuCredits()).isEqualTo("unlimited");
                });

        // A plan after the apply reads the same and sees no change.
        checkInstanceAsTerraformReadsIt(describe(id), ami, subnetId, vpcId, groupId);

        // Destroy: lift termination protection, terminate, wait for terminated (visible meanwhile).
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(b -> b.value(false)));
        assertThat(ec2.terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0).currentState().nameAsString())
                .isEqualTo("shutting-down");
        assertThat(describe(id).state().nameAsString()).isEqualTo("shutting-down");
        server.advance(Duration.ofSeconds(10));
        assertThat(describe(id).state().nameAsString()).isEqualTo("terminated");
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.instance-id").values(id))).volumes()).isEmpty();
        // The subnet and the VPC can be destroyed next: nothing of the instance is left in them.
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
    }

    private void checkInstanceAsTerraformReadsIt(Instance instance, Image ami, String subnetId, String vpcId, String groupId) {
        assertThat(instance.state().nameAsString()).isEqualTo("running");
        assertThat(instance.state().code()).isEqualTo(16);
        assertThat(instance.imageId()).isEqualTo(ami.imageId());
        assertThat(instance.instanceTypeAsString()).isEqualTo("t3.nano");
        assertThat(instance.placement().availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(instance.placement().tenancyAsString()).isEqualTo("default");
        assertThat(instance.placement().groupName()).isEmpty();
        assertThat(instance.cpuOptions().coreCount()).isEqualTo(1);
        assertThat(instance.cpuOptions().threadsPerCore()).isEqualTo(2);
        assertThat(instance.hibernationOptions().configured()).isFalse();
        assertThat(instance.enclaveOptions().enabled()).isFalse();
        assertThat(instance.maintenanceOptions().autoRecoveryAsString()).isEqualTo("default");
        assertThat(instance.metadataOptions().httpTokensAsString()).isEqualTo("optional");
        assertThat(instance.metadataOptions().httpEndpointAsString()).isEqualTo("enabled");
        assertThat(instance.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(instance.privateDnsNameOptions().hostnameTypeAsString()).isEqualTo("ip-name");
        assertThat(instance.keyName()).isNull();
        assertThat(instance.publicDnsName()).isEmpty();
        assertThat(instance.publicIpAddress()).isNull();
        assertThat(instance.privateIpAddress()).startsWith("10.0.20.");
        assertThat(instance.privateDnsName()).isEqualTo(
                "ip-" + instance.privateIpAddress().replace('.', '-') + ".ap-northeast-1.compute.internal");
        assertThat(instance.subnetId()).isEqualTo(subnetId);
        assertThat(instance.vpcId()).isEqualTo(vpcId);
        assertThat(instance.iamInstanceProfile().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":instance-profile/app-profile");
        assertThat(instance.iamInstanceProfile().id()).isNotEmpty();
        assertThat(instance.networkInterfaces()).singleElement().satisfies((InstanceNetworkInterface n) -> {
            assertThat(n.attachment().deviceIndex()).isZero();
            assertThat(n.subnetId()).isEqualTo(subnetId);
            assertThat(n.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
            assertThat(n.ipv6Addresses()).isEmpty();
            assertThat(n.sourceDestCheck()).isTrue();
            assertThat(n.association()).isNull();
            assertThat(n.privateIpAddresses()).singleElement().satisfies(a -> assertThat(a.primary()).isTrue());
        });
        assertThat(instance.securityGroups()).extracting(g -> g.groupId()).containsExactly(groupId);
        assertThat(instance.ebsOptimized()).isFalse();
        assertThat(instance.sourceDestCheck()).isTrue();
        assertThat(instance.monitoring().stateAsString()).isEqualTo("disabled");
        assertThat(instance.tags()).containsExactly(Tag.builder().key("Name").value("app").build());
        assertThat(instance.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(instance.blockDeviceMappings()).singleElement().satisfies(m -> {
            assertThat(m.deviceName()).isEqualTo("/dev/xvda");
            assertThat(m.ebs().volumeId()).matches("vol-[0-9a-f]{17}");
            assertThat(m.ebs().deleteOnTermination()).isTrue();
        });
        assertThat(instance.capacityReservationSpecification().capacityReservationPreferenceAsString()).isEqualTo("open");
        assertThat(instance.spotInstanceRequestId()).isNull();
        assertThat(instance.instanceLifecycle()).isNull();
        assertThat(instance.outpostArn()).isNull();
        assertThat(instance.architectureAsString()).isEqualTo("x86_64");
        assertThat(instance.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(instance.virtualizationTypeAsString()).isEqualTo("hvm");
        assertThat(instance.hypervisorAsString()).isEqualTo("xen");
        assertThat(instance.platformDetails()).isEqualTo("Linux/UNIX");
        assertThat(instance.usageOperation()).isEqualTo("RunInstances");
        assertThat(instance.currentInstanceBootModeAsString()).isEqualTo("legacy-bios");
        assertThat(instance.stateTransitionReason()).isEmpty();
    }

    private Instance describe(String id) {
        var reservations = ec2.describeInstances(r -> r.instanceIds(id)).reservations();
        assertThat(reservations).hasSize(1);
        assertThat(reservations.get(0).instances()).hasSize(1);
        return reservations.get(0).instances().get(0);
    }

    private DescribeInstanceAttributeResponse attribute(String id, InstanceAttributeName name) {
        return ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(name));
    }

    /** The VPC's default group, read from the model: the security group API is another family's. */
    private static String defaultGroupOf(String vpcId) {
        var now = server.clock().now();
        return server.localVpc().cloud().region(ACCOUNT, LocalVpcServer.REGION.id(), now).read(now)
                .all(SecurityGroup.class).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.name().equals("default"))
                .findFirst().orElseThrow().id();
    }
}
