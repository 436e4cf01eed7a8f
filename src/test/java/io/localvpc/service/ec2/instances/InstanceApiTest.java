package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.Cidr;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.model.iam.Role;
import io.localvpc.testing.LocalVpcServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;

class InstanceApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final Duration STATE_CHANGE = Duration.ofSeconds(1);
    private static int accounts = 300000000;

    private final String account = String.format("%012d", ++accounts);
    private final Ec2Client ec2 = server.ec2(account);

    private String amazonLinux2() {
        return ec2.describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("amzn2-ami-hvm-2.0.20251110.0-x86_64-gp2"))).images().get(0).imageId();
    }

    private String amazonLinux2023Arm() {
        return ec2.describeImages(r -> r.owners("amazon")
                .filters(f -> f.name("name").values("al2023-ami-2023.9.20251110.0-kernel-6.1-arm64"))).images().get(0).imageId();
    }

    /** A VPC 10.0.0.0/16 with a subnet 10.0.1.0/24; returns {vpcId, subnetId}. */
    private String[] vpcWithSubnet(boolean mapPublicIp, boolean dnsHostnames) {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.0.1.0/24")
                .availabilityZone("ap-northeast-1a")).subnet().subnetId();
        if (mapPublicIp) {
            ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(b -> b.value(true)));
        }
        if (dnsHostnames) {
            ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(b -> b.value(true)));
        }
        return new String[] {vpcId, subnetId};
    }

    private Instance run(java.util.function.Consumer<RunInstancesRequest.Builder> extra) {
        RunInstancesResponse response = ec2.runInstances(r -> {
            r.imageId(amazonLinux2()).instanceType("t3.nano").minCount(1).maxCount(1);
            extra.accept(r);
        });
        return response.instances().get(0);
    }

    private Instance describe(String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }

    @Test
    void runs_in_a_subnet_with_a_private_address_inside_it_and_no_public_one_unless_mapped() {
        String[] net = vpcWithSubnet(false, false);
        Instance launched = run(r -> r.subnetId(net[1]));
        assertThat(launched.instanceId()).matches("i-[0-9a-f]{17}");
        assertThat(launched.state().nameAsString()).isEqualTo("pending");
        assertThat(launched.state().code()).isZero();
        assertThat(Cidr.parse("10.0.1.0/24").contains(io.localvpc.model.Ipv4.parse(launched.privateIpAddress()))).isTrue();
        assertThat(launched.privateDnsName())
                .isEqualTo("ip-" + launched.privateIpAddress().replace('.', '-') + ".ap-northeast-1.compute.internal");
        assertThat(launched.publicIpAddress()).isNull();
        assertThat(launched.publicDnsName()).isEmpty();
        assertThat(launched.subnetId()).isEqualTo(net[1]);
        assertThat(launched.vpcId()).isEqualTo(net[0]);
        assertThat(launched.placement().availabilityZone()).isEqualTo("ap-northeast-1a");
        assertThat(launched.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(launched.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.attachment().deviceIndex()).isZero();
            assertThat(n.attachment().deleteOnTermination()).isTrue();
            assertThat(n.interfaceType()).isEqualTo("interface");
            assertThat(n.description()).isEmpty();
            assertThat(n.macAddress()).matches("0a(:[0-9a-f]{2}){5}");
            assertThat(n.privateIpAddress()).isEqualTo(launched.privateIpAddress());
            assertThat(n.association()).isNull();
        });
        assertThat(launched.sourceDestCheck()).isTrue();
        assertThat(launched.cpuOptions().coreCount()).isEqualTo(1);
        assertThat(launched.cpuOptions().threadsPerCore()).isEqualTo(2);

        String[] mapped = {net[0], ec2.createSubnet(r -> r.vpcId(net[0]).cidrBlock("10.0.2.0/24")
                .availabilityZone("ap-northeast-1c")).subnet().subnetId()};
        ec2.modifySubnetAttribute(r -> r.subnetId(mapped[1]).mapPublicIpOnLaunch(b -> b.value(true)));
        Instance withPublic = run(r -> r.subnetId(mapped[1]));
        assertThat(withPublic.publicIpAddress()).isNotNull();
        assertThat(withPublic.publicDnsName()).as("no DNS hostnames in this VPC").isEmpty();
        assertThat(withPublic.networkInterfaces().get(0).association().publicIp()).isEqualTo(withPublic.publicIpAddress());
        assertThat(withPublic.networkInterfaces().get(0).association().ipOwnerId()).isEqualTo("amazon");

        // The interface spec can ask for a public address in a subnet that does not map them.
        ec2.modifyVpcAttribute(r -> r.vpcId(net[0]).enableDnsHostnames(b -> b.value(true)));
        Instance asked = run(r -> r.networkInterfaces(n -> n.deviceIndex(0).subnetId(net[1]).associatePublicIpAddress(true)
                .privateIpAddress("10.0.1.50")));
        assertThat(asked.privateIpAddress()).isEqualTo("10.0.1.50");
        assertThat(asked.publicDnsName())
                .isEqualTo("ec2-" + asked.publicIpAddress().replace('.', '-') + ".ap-northeast-1.compute.amazonaws.com");
        assertAwsError(() -> run(r -> r.subnetId(net[1]).privateIpAddress("10.0.1.50")), "InvalidIPAddress.InUse");
    }

    @Test
    void without_a_subnet_it_lands_in_a_default_subnet_with_a_public_address() {
        Instance launched = run(r -> r.placement(p -> p.availabilityZone("ap-northeast-1c")));
        assertThat(launched.placement().availabilityZone()).isEqualTo("ap-northeast-1c");
        assertThat(launched.privateIpAddress()).startsWith("172.31.");
        assertThat(launched.publicIpAddress()).isNotNull();
        assertThat(launched.publicDnsName()).endsWith(".ap-northeast-1.compute.amazonaws.com");
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
        assertThat(launched.vpcId()).isEqualTo(vpc);
    }

    @Test
    void the_state_machine_follows_the_clock() {
        String[] net = vpcWithSubnet(true, true);
        Instance launched = run(r -> r.subnetId(net[1]));
        String id = launched.instanceId();
        server.advance(STATE_CHANGE);
        Instance running = describe(id);
        assertThat(running.state().nameAsString()).isEqualTo("running");
        assertThat(running.state().code()).isEqualTo(16);
        String firstPublicIp = running.publicIpAddress();
        assertThat(firstPublicIp).isNotNull();

        InstanceStateChange stopping = ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0);
        assertThat(stopping.previousState().code()).isEqualTo(16);
        assertThat(stopping.currentState().nameAsString()).isEqualTo("stopping");
        assertThat(stopping.currentState().code()).isEqualTo(64);
        assertThat(describe(id).publicIpAddress()).as("released on stop").isNull();
        assertAwsError(() -> ec2.startInstances(r -> r.instanceIds(id)), "IncorrectInstanceState");
        server.advance(STATE_CHANGE);
        Instance stopped = describe(id);
        assertThat(stopped.state().code()).isEqualTo(80);
        assertThat(stopped.stateReason().code()).isEqualTo("Client.UserInitiatedShutdown");
        assertThat(stopped.stateTransitionReason()).startsWith("User initiated (");
        assertThat(stopped.privateIpAddress()).isEqualTo(running.privateIpAddress());
        assertAwsError(() -> ec2.rebootInstances(r -> r.instanceIds(id)), "IncorrectInstanceState");

        InstanceStateChange starting = ec2.startInstances(r -> r.instanceIds(id)).startingInstances().get(0);
        assertThat(starting.previousState().nameAsString()).isEqualTo("stopped");
        assertThat(starting.currentState().nameAsString()).isEqualTo("pending");
        server.advance(STATE_CHANGE);
        Instance restarted = describe(id);
        assertThat(restarted.state().nameAsString()).isEqualTo("running");
        assertThat(restarted.publicIpAddress()).isNotNull();
        ec2.rebootInstances(r -> r.instanceIds(id));
        assertThat(describe(id).state().nameAsString()).isEqualTo("running");

        String rootVolume = restarted.blockDeviceMappings().get(0).ebs().volumeId();
        String eni = restarted.networkInterfaces().get(0).networkInterfaceId();
        InstanceStateChange terminating = ec2.terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0);
        assertThat(terminating.currentState().nameAsString()).isEqualTo("shutting-down");
        assertThat(terminating.currentState().code()).isEqualTo(32);
        assertAwsError(() -> ec2.stopInstances(r -> r.instanceIds(id)), "IncorrectInstanceState");
        server.advance(STATE_CHANGE);
        Instance terminated = describe(id);
        assertThat(terminated.state().code()).isEqualTo(48);
        assertThat(terminated.networkInterfaces()).isEmpty();
        assertThat(terminated.blockDeviceMappings()).isEmpty();
        assertThat(terminated.privateIpAddress()).isNull();
        assertAwsError(() -> ec2.describeVolumes(r -> r.volumeIds(rootVolume)), "InvalidVolume.NotFound");
        assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("network-interface.network-interface-id").values(eni)))
                .reservations()).isEmpty();
        // Terminating again is harmless; the subnet can go now that the interface is gone.
        assertThat(ec2.terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0).currentState().code())
                .isEqualTo(48);
        ec2.deleteSubnet(r -> r.subnetId(net[1]));

        server.advance(Duration.ofMinutes(59));
        assertThat(describe(id).state().nameAsString()).isEqualTo("terminated");
        server.advance(Duration.ofMinutes(1));
        assertAwsError(() -> ec2.describeInstances(r -> r.instanceIds(id)), "InvalidInstanceID.NotFound");
        assertThat(ec2.describeInstances().reservations()).isEmpty();
    }

    @Test
    void termination_and_stop_protection() {
        Instance launched = run(r -> r.disableApiTermination(true).disableApiStop(true));
        String id = launched.instanceId();
        server.advance(STATE_CHANGE);
        assertAwsError(() -> ec2.terminateInstances(r -> r.instanceIds(id)), "OperationNotPermitted");
        assertAwsError(() -> ec2.stopInstances(r -> r.instanceIds(id)), "OperationNotPermitted");
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(b -> b.value(false)));
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("disableApiTermination"))
                .disableApiTermination().value()).isFalse();
        ec2.terminateInstances(r -> r.instanceIds(id));
        assertThat(describe(id).state().nameAsString()).isEqualTo("shutting-down");
    }

    @Test
    void bad_requests_get_aws_errors() {
        String image = amazonLinux2();
        var galactic = assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).instanceType("t3.galactic")
                .minCount(1).maxCount(1)), "InvalidParameterValue");
        assertThat(galactic.awsErrorDetails().errorMessage()).isEqualTo("Invalid value 't3.galactic' for InstanceType.");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId("ami-0123456789abcdef0").minCount(1).maxCount(1)),
                "InvalidAMIID.NotFound");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId("ami-zz").minCount(1).maxCount(1)), "InvalidAMIID.Malformed");
        assertAwsError(() -> ec2.runInstances(r -> r.minCount(1).maxCount(1)), "MissingParameter");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(2).maxCount(1)), "InvalidParameterValue");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(0).maxCount(1)), "InvalidParameterValue");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(21).maxCount(21)), "InstanceLimitExceeded");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).instanceType("t4g.nano").minCount(1).maxCount(1)),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .subnetId("subnet-0123456789abcdef0")), "InvalidSubnetID.NotFound");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .securityGroupIds("sg-0123456789abcdef0")), "InvalidGroup.NotFound");
        String[] net = vpcWithSubnet(false, false);
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).subnetId(net[1])
                .placement(p -> p.availabilityZone("ap-northeast-1c"))), "InvalidParameterValue");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).subnetId(net[1])
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(net[1]))), "InvalidParameterCombination");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("m5.large")
                .creditSpecification(c -> c.cpuCredits("unlimited"))), "InvalidParameterCombination");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).userData("not base64!")),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.VPC).tags(t -> t.key("a").value("b")).build())),
                "InvalidParameterValue");
        var dryRun = assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).dryRun(true)),
                "DryRunOperation");
        assertThat(dryRun.statusCode()).isEqualTo(412);
        assertThat(ec2.describeInstances().reservations()).isEmpty();
        assertAwsError(() -> ec2.describeInstances(r -> r.instanceIds("i-0123456789abcdef0")), "InvalidInstanceID.NotFound");
        assertAwsError(() -> ec2.describeInstances(r -> r.instanceIds("bogus")), "InvalidInstanceID.Malformed");
        assertAwsError(() -> ec2.terminateInstances(r -> r.instanceIds("i-0123456789abcdef0")), "InvalidInstanceID.NotFound");
    }

    @Test
    void several_instances_in_one_reservation_and_instance_types_defaulted() {
        RunInstancesResponse response = ec2.runInstances(r -> r.imageId(amazonLinux2()).minCount(2).maxCount(3));
        assertThat(response.instances()).hasSize(3);
        assertThat(response.reservationId()).matches("r-[0-9a-f]{17}");
        assertThat(response.ownerId()).isEqualTo(account);
        assertThat(response.instances()).extracting(Instance::amiLaunchIndex).containsExactly(0, 1, 2);
        assertThat(response.instances()).extracting(Instance::instanceTypeAsString).containsOnly("t2.micro");
        assertThat(response.instances()).extracting(Instance::privateIpAddress).doesNotHaveDuplicates();
        List<Reservation> reservations = ec2.describeInstances().reservations();
        assertThat(reservations).singleElement().satisfies(r -> {
            assertThat(r.reservationId()).isEqualTo(response.reservationId());
            assertThat(r.ownerId()).isEqualTo(account);
            assertThat(r.instances()).hasSize(3);
        });
    }

    @Test
    void block_devices_become_volumes() {
        Instance launched = run(r -> r.blockDeviceMappings(
                BlockDeviceMapping.builder().deviceName("/dev/xvda").ebs(e -> e.volumeSize(30).volumeType("gp3")
                        .deleteOnTermination(true)).build(),
                BlockDeviceMapping.builder().deviceName("/dev/sdf").ebs(e -> e.volumeSize(100).volumeType("io1").iops(500)
                        .encrypted(true)).build()));
        assertThat(launched.rootDeviceName()).isEqualTo("/dev/xvda");
        assertThat(launched.rootDeviceTypeAsString()).isEqualTo("ebs");
        assertThat(launched.blockDeviceMappings()).extracting(m -> m.deviceName()).containsExactly("/dev/xvda", "/dev/sdf");
        assertThat(launched.blockDeviceMappings()).allSatisfy(m -> {
            assertThat(m.ebs().statusAsString()).isEqualTo("attached");
            assertThat(m.ebs().attachTime()).isNotNull();
        });
        String root = launched.blockDeviceMappings().get(0).ebs().volumeId();
        String data = launched.blockDeviceMappings().get(1).ebs().volumeId();
        Volume rootVolume = ec2.describeVolumes(r -> r.volumeIds(root)).volumes().get(0);
        assertThat(rootVolume.size()).isEqualTo(30);
        assertThat(rootVolume.volumeTypeAsString()).isEqualTo("gp3");
        assertThat(rootVolume.iops()).isEqualTo(3000);
        assertThat(rootVolume.throughput()).isEqualTo(125);
        assertThat(rootVolume.encrypted()).isFalse();
        assertThat(rootVolume.snapshotId()).matches("snap-[0-9a-f]{17}");
        assertThat(rootVolume.stateAsString()).isEqualTo("in-use");
        assertThat(rootVolume.availabilityZone()).isEqualTo(launched.placement().availabilityZone());
        assertThat(rootVolume.attachments()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(launched.instanceId());
            assertThat(a.device()).isEqualTo("/dev/xvda");
            assertThat(a.deleteOnTermination()).isTrue();
            assertThat(a.stateAsString()).isEqualTo("attached");
        });
        Volume dataVolume = ec2.describeVolumes(r -> r.volumeIds(data)).volumes().get(0);
        assertThat(dataVolume.iops()).isEqualTo(500);
        assertThat(dataVolume.encrypted()).isTrue();
        assertThat(dataVolume.attachments().get(0).deleteOnTermination()).isFalse();
        assertThat(ec2.describeVolumes(r -> r.filters(f -> f.name("attachment.instance-id").values(launched.instanceId()),
                f -> f.name("volume-type").values("io1"))).volumes()).extracting(Volume::volumeId).containsExactly(data);

        // After termination the root volume goes and the data volume stays, detached.
        server.advance(STATE_CHANGE);
        ec2.terminateInstances(r -> r.instanceIds(launched.instanceId()));
        server.advance(STATE_CHANGE);
        assertThat(ec2.describeVolumes().volumes()).singleElement().satisfies(v -> {
            assertThat(v.volumeId()).isEqualTo(data);
            assertThat(v.stateAsString()).isEqualTo("available");
            assertThat(v.attachments()).isEmpty();
        });

        assertAwsError(() -> run(r -> r.blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                .ebs(e -> e.volumeSize(4)).build())), "InvalidBlockDeviceMapping");
        assertAwsError(() -> run(r -> r.blockDeviceMappings(BlockDeviceMapping.builder().deviceName("/dev/xvda")
                .ebs(e -> e.volumeType("gp2").iops(3000)).build())), "InvalidParameterCombination");
        assertAwsError(() -> ec2.describeVolumes(r -> r.volumeIds("vol-0123456789abcdef0")), "InvalidVolume.NotFound");
        assertAwsError(() -> ec2.describeVolumes(r -> r.volumeIds("volume")), "InvalidVolumeID.Malformed");
    }

    @Test
    void tags_go_to_the_resource_types_they_name() {
        Instance launched = run(r -> r.tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tag("Name", "web")).build(),
                TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tag("Disk", "root")).build(),
                TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE).tags(tag("Nic", "main")).build()));
        assertThat(launched.tags()).containsExactly(tag("Name", "web"));
        String volume = launched.blockDeviceMappings().get(0).ebs().volumeId();
        assertThat(ec2.describeVolumes(r -> r.volumeIds(volume)).volumes().get(0).tags()).containsExactly(tag("Disk", "root"));
        String eni = launched.networkInterfaces().get(0).networkInterfaceId();
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("resource-id").values(eni))).tags())
                .singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("Nic"));
        assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("tag:Name").values("w*"))).reservations()).hasSize(1);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void client_token_makes_run_instances_idempotent() {
        String image = amazonLinux2();
        RunInstancesResponse first = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).clientToken("tok-1"));
        RunInstancesResponse again = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).clientToken("tok-1"));
        assertThat(again.reservationId()).isEqualTo(first.reservationId());
        assertThat(again.instances().get(0).instanceId()).isEqualTo(first.instances().get(0).instanceId());
        assertThat(first.instances().get(0).clientToken()).isEqualTo("tok-1");
        assertThat(ec2.describeInstances().reservations()).hasSize(1);
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(2).clientToken("tok-1")),
                "IdempotentParameterMismatch");
    }

    @Test
    void the_iam_instance_profile_must_exist() {
        String image = amazonLinux2();
        var error = assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.name("missing"))), "InvalidParameterValue");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "Value (missing) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");
        createInstanceProfile(account, "web-profile");
        Instance launched = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.name("web-profile"))).instances().get(0);
        assertThat(launched.iamInstanceProfile().arn()).isEqualTo("arn:aws:iam::" + account + ":instance-profile/web-profile");
        assertThat(launched.iamInstanceProfile().id()).isEqualTo("AIPAWEBPROFILE0000001");
        Instance byArn = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::" + account + ":instance-profile/web-profile"))).instances().get(0);
        assertThat(byArn.iamInstanceProfile().arn()).isEqualTo(launched.iamInstanceProfile().arn());
        assertAwsError(() -> ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::999999999999:instance-profile/web-profile"))),
                "InvalidParameterValue");
        assertThat(ec2.describeInstances(r -> r.filters(f -> f.name("iam-instance-profile.arn")
                .values(launched.iamInstanceProfile().arn()))).reservations()).hasSize(2);
    }

    static void createInstanceProfile(String account, String name) {
        createInstanceProfileIn(server, account, name);
    }

    /** Writes an instance profile into the account's IAM state: the IAM API is another family's. */
    static void createInstanceProfileIn(LocalVpcServer server, String account, String name) {
        var now = server.clock().now();
        server.localVpc().cloud().global(account, now).write(now, tx -> {
            tx.put(new Role("web-role", "AROAWEBROLE0000000001", "/", "{}", null, 3600, null, now, List.of(), Map.of(),
                    List.of()));
            tx.put(new InstanceProfile(name, "AIPAWEBPROFILE0000001", "/", now, List.of("web-role"), List.of()));
            return null;
        });
    }

    @Test
    void filters_and_pages_of_reservations() {
        String[] net = vpcWithSubnet(false, false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(run(r -> r.subnetId(net[1])).instanceId());
        }
        Instance arm = ec2.runInstances(r -> r.imageId(amazonLinux2023Arm()).instanceType("t4g.micro").minCount(1)
                .maxCount(1)).instances().get(0);
        assertThat(arm.architectureAsString()).isEqualTo("arm64");
        assertThat(arm.metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(arm.bootModeAsString()).isEqualTo("uefi");
        server.advance(STATE_CHANGE);
        ec2.stopInstances(r -> r.instanceIds(ids.get(0)));

        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("subnet-id").values(net[1])))))
                .containsExactlyElementsOf(ids);
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("vpc-id").values(net[0]),
                f -> f.name("instance-state-name").values("stopping"))))).containsExactly(ids.get(0));
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("instance-state-code").values("16"),
                f -> f.name("instance-type").values("t3.*"))))).hasSize(6);
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("architecture").values("arm64")))))
                .containsExactly(arm.instanceId());
        Instance third = describe(ids.get(2));
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(
                f -> f.name("private-ip-address").values(third.privateIpAddress())))))
                .containsExactly(third.instanceId());
        String group = third.securityGroups().get(0).groupId();
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("instance.group-id").values(group),
                f -> f.name("availability-zone").values("ap-northeast-1a"),
                f -> f.name("image-id").values(third.imageId()))))).hasSize(7);
        assertThat(instanceIds(ec2.describeInstances(r -> r.filters(f -> f.name("network-interface.network-interface-id")
                .values(third.networkInterfaces().get(0).networkInterfaceId()))))).containsExactly(third.instanceId());

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeInstancesResponse page = ec2.describeInstances(r -> r.maxResults(5).nextToken(next));
            assertThat(page.reservations()).hasSizeLessThanOrEqualTo(5);
            paged.addAll(instanceIds(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).hasSize(8).doesNotHaveDuplicates();
        assertAwsError(() -> ec2.describeInstances(r -> r.instanceIds(ids.get(0)).maxResults(5)), "InvalidParameterCombination");
        assertAwsError(() -> ec2.describeInstances(r -> r.maxResults(1001)), "InvalidParameterValue");
        assertAwsError(() -> ec2.describeInstances(r -> r.filters(f -> f.name("no-such").values("x"))), "InvalidParameterValue");
    }

    private static List<String> instanceIds(DescribeInstancesResponse response) {
        return response.reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId).toList();
    }

    @Test
    void instance_status_reports_checks_of_running_instances() {
        String pending = run(r -> {}).instanceId();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(pending)).instanceStatuses()).isEmpty();
        assertThat(ec2.describeInstanceStatus(r -> r.instanceIds(pending).includeAllInstances(true)).instanceStatuses())
                .singleElement().satisfies(s -> {
                    assertThat(s.instanceState().nameAsString()).isEqualTo("pending");
                    assertThat(s.instanceStatus().statusAsString()).isEqualTo("initializing");
                });
        server.advance(STATE_CHANGE);
        assertThat(ec2.describeInstanceStatus(r -> r.filters(f -> f.name("instance-status.status").values("ok")))
                .instanceStatuses()).singleElement().satisfies(s -> {
                    assertThat(s.instanceId()).isEqualTo(pending);
                    assertThat(s.systemStatus().statusAsString()).isEqualTo("ok");
                    assertThat(s.instanceStatus().details().get(0).statusAsString()).isEqualTo("passed");
                    assertThat(s.availabilityZone()).isNotNull();
                });
    }

    @Test
    void attributes_are_described_and_modified_one_at_a_time() {
        String userData = Base64.getEncoder().encodeToString("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
        String id = run(r -> r.userData(userData).instanceInitiatedShutdownBehavior("terminate")).instanceId();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData")).userData().value())
                .isEqualTo(userData);
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceInitiatedShutdownBehavior"))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("terminate");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("disableApiStop")).disableApiStop().value())
                .isFalse();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceType")).instanceType().value())
                .isEqualTo("t3.nano");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("rootDeviceName")).rootDeviceName().value())
                .isEqualTo("/dev/xvda");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("sourceDestCheck")).sourceDestCheck().value())
                .isTrue();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("groupSet")).groups()).hasSize(1);
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("blockDeviceMapping"))
                .blockDeviceMappings()).hasSize(1);
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("ebsOptimized")).ebsOptimized().value())
                .isFalse();
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("enaSupport")).enaSupport().value()).isTrue();

        server.advance(STATE_CHANGE);
        assertAwsError(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.small"))),
                "IncorrectInstanceState");
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).sourceDestCheck(AttributeBooleanValue.builder().value(false).build()));
        assertThat(describe(id).sourceDestCheck()).isFalse();
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).attribute("instanceInitiatedShutdownBehavior").value("stop"));
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("instanceInitiatedShutdownBehavior"))
                .instanceInitiatedShutdownBehavior().value()).isEqualTo("stop");
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).blockDeviceMappings(m -> m.deviceName("/dev/xvda")
                .ebs(e -> e.deleteOnTermination(false))));
        assertThat(describe(id).blockDeviceMappings().get(0).ebs().deleteOnTermination()).isFalse();
        assertAwsError(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id)
                .disableApiStop(b -> b.value(true)).disableApiTermination(b -> b.value(true))), "InvalidParameterCombination");

        ec2.stopInstances(r -> r.instanceIds(id));
        server.advance(STATE_CHANGE);
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("m5.large")));
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).userData(v -> v.value(
                software.amazon.awssdk.core.SdkBytes.fromUtf8String("echo bye"))));
        assertThat(describe(id).instanceTypeAsString()).isEqualTo("m5.large");
        assertThat(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData")).userData().value())
                .isEqualTo(Base64.getEncoder().encodeToString("echo bye".getBytes(StandardCharsets.UTF_8)));
        assertAwsError(() -> ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id)), "UnsupportedOperation");
        assertAwsError(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("t3.galactic"))),
                "InvalidInstanceAttributeValue");
        assertAwsError(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(v -> v.value("m7g.large"))),
                "InvalidParameterValue");
        assertAwsError(() -> ec2.describeInstanceAttribute(r -> r.instanceId("i-0123456789abcdef0").attribute("userData")),
                "InvalidInstanceID.NotFound");
    }

    @Test
    void user_data_is_an_empty_element_when_none_was_given() {
        String id = run(r -> {}).instanceId();
        var userData = ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute("userData")).userData();
        assertThat(userData).isNotNull();
        assertThat(userData.value()).isNull();
    }

    @Test
    void credit_specifications_of_burstable_instances() {
        String t3 = run(r -> {}).instanceId();
        String t2 = run(r -> r.instanceType("t2.micro")).instanceId();
        String standardT3 = run(r -> r.creditSpecification(c -> c.cpuCredits("standard"))).instanceId();
        String m5 = run(r -> r.instanceType("m5.large")).instanceId();
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(t3, t2, standardT3))
                .instanceCreditSpecifications()).extracting(c -> c.instanceId() + "=" + c.cpuCredits())
                .containsExactly(t3 + "=unlimited", t2 + "=standard", standardT3 + "=standard");
        assertThat(ec2.describeInstanceCreditSpecifications().instanceCreditSpecifications()).hasSize(3);
        assertAwsError(() -> ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(m5)), "UnsupportedOperation");

        var result = ec2.modifyInstanceCreditSpecification(r -> r.instanceCreditSpecifications(
                c -> c.instanceId(t2).cpuCredits("unlimited"), c -> c.instanceId(m5).cpuCredits("unlimited")));
        assertThat(result.successfulInstanceCreditSpecifications()).extracting(s -> s.instanceId()).containsExactly(t2);
        assertThat(result.unsuccessfulInstanceCreditSpecifications()).singleElement()
                .satisfies(u -> assertThat(u.instanceId()).isEqualTo(m5));
        assertThat(ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(t2)).instanceCreditSpecifications().get(0)
                .cpuCredits()).isEqualTo("unlimited");
        assertAwsError(() -> ec2.modifyInstanceCreditSpecification(r -> r.instanceCreditSpecifications(
                c -> c.instanceId(t2).cpuCredits("infinite"))), "InvalidParameterValue");
    }

    @Test
    void launches_with_an_existing_interface_and_leaves_it_behind() {
        String[] net = vpcWithSubnet(false, false);
        String eniId = "eni-0aaaabbbbccccdddd";
        var now = server.clock().now();
        server.localVpc().cloud().region(account, LocalVpcServer.REGION.id(), now).write(now, tx -> {
            var subnet = tx.find(io.localvpc.model.ec2.Subnet.class, net[1]).orElseThrow();
            String group = tx.all(io.localvpc.model.ec2.SecurityGroup.class).stream()
                    .filter(g -> g.vpcId().equals(net[0])).findFirst().orElseThrow().id();
            tx.put(new io.localvpc.model.ec2.NetworkInterface(eniId, subnet.id(), subnet.vpcId(), subnet.availabilityZone(),
                    account, "spare", "interface", false, null, io.localvpc.model.Ipv4.parse("10.0.1.77"), List.of(),
                    List.of(group), true, "0a:00:00:00:00:01", null, null));
            tx.setTags(eniId, Map.of("Keep", "me"));
            return null;
        });
        Instance launched = run(r -> r.networkInterfaces(n -> n.deviceIndex(0).networkInterfaceId(eniId)));
        assertThat(launched.privateIpAddress()).isEqualTo("10.0.1.77");
        assertThat(launched.subnetId()).isEqualTo(net[1]);
        assertThat(launched.networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.networkInterfaceId()).isEqualTo(eniId);
            assertThat(n.description()).isEqualTo("spare");
            assertThat(n.attachment().deleteOnTermination()).isFalse();
        });
        assertAwsError(() -> run(r -> r.networkInterfaces(n -> n.deviceIndex(0).networkInterfaceId(eniId))),
                "InvalidNetworkInterface.InUse");
        server.advance(STATE_CHANGE);
        ec2.terminateInstances(r -> r.instanceIds(launched.instanceId()));
        server.advance(STATE_CHANGE);
        assertThat(ec2.describeTags(r -> r.filters(f -> f.name("resource-id").values(eniId))).tags())
                .singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("Keep"));
        // The interface survived, detached, so its address can be used again.
        assertThat(run(r -> r.networkInterfaces(n -> n.deviceIndex(0).networkInterfaceId(eniId))).privateIpAddress())
                .isEqualTo("10.0.1.77");
    }

    @Test
    void monitoring_key_name_and_us_east_1_host_names() {
        String id = run(r -> r.keyName("my-key").monitoring(m -> m.enabled(true))).instanceId();
        Instance launched = describe(id);
        assertThat(launched.keyName()).isEqualTo("my-key");
        assertThat(launched.monitoring().stateAsString()).isEqualTo("enabled");
        assertThat(ec2.unmonitorInstances(r -> r.instanceIds(id)).instanceMonitorings().get(0).monitoring().stateAsString())
                .isEqualTo("disabling");
        assertThat(describe(id).monitoring().stateAsString()).isEqualTo("disabled");
        ec2.monitorInstances(r -> r.instanceIds(id));
        assertThat(describe(id).monitoring().stateAsString()).isEqualTo("enabled");

        Ec2Client virginia = Ec2Client.builder()
                .endpointOverride(server.localVpc().endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(account, "secret")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        String image = virginia.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("amzn2-*-x86_64-gp2")))
                .images().get(0).imageId();
        assertThat(image).isNotEqualTo(amazonLinux2());
        Instance east = virginia.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)).instances().get(0);
        assertThat(east.privateDnsName()).isEqualTo("ip-" + east.privateIpAddress().replace('.', '-') + ".ec2.internal");
        assertThat(east.publicDnsName()).endsWith(".compute-1.amazonaws.com");
    }
}
