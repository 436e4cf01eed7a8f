package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.LegacyValues;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceNames;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.ResourceType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code aws_instance}: RunInstances, then waits for {@code running}. Tags, security groups, the
 * instance profile, protection flags, monitoring, source/destination check and CPU credits change
 * in place; a new instance type or user data stops the instance, changes it and starts it again;
 * delete terminates and waits for {@code terminated}. {@code user_data} is kept as the SHA-1 of
 * its content, as the provider keeps it.
 */
public final class InstanceResource extends SchemaType implements ResourceType {
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration PROPAGATION = Duration.ofMinutes(2);
    private static final Set<String> IOPS_TYPES = Set.of("gp3", "io1", "io2");

    public InstanceResource() {
        super("aws_instance", InstanceSchema.SCHEMA);
    }

    @Override
    public Map<String, Object> plan(AwsContext aws, Map<String, Object> prior, Map<String, Object> proposed) {
        Map<String, Object> planned = ResourceTags.planned(aws, proposed);
        String userData = Plain.string(proposed, "user_data");
        if (userData != null && !Plain.isUnknown(proposed, "user_data") && !userData.equals(prior == null ? null : prior.get("user_data"))) {
            planned.put("user_data", InstanceReader.userDataHash(userData));
        }
        if (prior != null && Plain.blocks(proposed, "credit_specification").isEmpty()) {
            // Left out of the configuration, the CPU credits AWS applied stay as they are.
            planned.put("credit_specification", prior.get("credit_specification"));
        }
        return LegacyValues.keepZeroValues(InstanceSchema.SCHEMA, prior, planned);
    }

    /**
     * Arguments the provider would send to RunInstances that LocalVPC's instances cannot honour
     * (IPv6, CPU options, launch templates, extra interfaces, …): refused when configured rather
     * than accepted and silently dropped.
     */
    private static final List<String> UNSUPPORTED = List.of("ipv6_address_count", "ipv6_addresses", "cpu_core_count",
            "cpu_threads_per_core", "cpu_options", "enclave_options", "maintenance_options", "private_dns_name_options",
            "capacity_reservation_specification", "launch_template", "network_interface", "get_password_data");

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        for (String argument : UNSUPPORTED) {
            if (configured(planned.get(argument))) {
                throw new ProviderException("creating EC2 Instance: argument \"" + argument
                        + "\" is not supported by LocalVPC's simulated instances; remove it from the configuration");
            }
        }
        // Left out, these two are computed (unknown at plan time), so they can only be checked now.
        for (String required : List.of("ami", "instance_type")) {
            if (Plain.string(planned, required) == null && Plain.blocks(planned, "launch_template").isEmpty()) {
                throw new ProviderException("one of `" + required + ",launch_template` must be specified");
            }
        }
        RunInstancesRequest request = runRequest(aws, planned);
        // A profile or role created moments ago may not be usable yet; the provider retries.
        Instance launched = Errors.retrying(aws, PROPAGATION,
                e -> "InvalidParameterValue".equals(Errors.code(e))
                        && (e.getMessage().contains("Invalid IAM Instance Profile") || e.getMessage().contains(" has no associated IAM Roles")),
                () -> Errors.call("creating EC2 Instance", () -> aws.ec2().runInstances(request)).instances().get(0));
        String id = launched.instanceId();
        waitFor(aws, id, "create", Set.of("pending"), "running", CREATE_TIMEOUT);
        Map<String, Object> root = Plain.blocks(planned, "root_block_device").stream().findFirst().orElse(Map.of());
        Map<String, String> rootTags = Plain.stringMap(root, "tags");
        if (!rootTags.isEmpty()) {
            InstanceReader.find(aws, id).flatMap(f -> f.instance().blockDeviceMappings().stream()
                    .filter(m -> m.deviceName().equals(f.instance().rootDeviceName()) && m.ebs() != null).findFirst())
                    .ifPresent(m -> Errors.call("creating tags for EBS volume " + m.ebs().volumeId(), () -> aws.ec2()
                            .createTags(r -> r.resources(m.ebs().volumeId()).tags(ResourceTags.ec2Tags(rootTags)))));
        }
        if (Boolean.FALSE.equals(Plain.boolOrNull(planned, "source_dest_check"))) {
            Errors.call("updating EC2 Instance (" + id + ")", () -> aws.ec2().modifyInstanceAttribute(r -> r
                    .instanceId(id).sourceDestCheck(b -> b.value(false))));
        }
        Map<String, Object> state = Plain.knownWithId(planned, id);
        return read(aws, state).orElseThrow(() -> new ProviderException("reading EC2 Instance (" + id + "): couldn't find resource"));
    }

    /** The RunInstances request the provider builds from the arguments ({@code buildInstanceOpts}). */
    private static RunInstancesRequest runRequest(AwsContext aws, Map<String, Object> p) {
        String instanceType = Plain.string(p, "instance_type");
        RunInstancesRequest.Builder r = RunInstancesRequest.builder()
                .imageId(Plain.string(p, "ami"))
                .instanceType(instanceType)
                .minCount(1).maxCount(1)
                .clientToken(ResourceNames.unique(ResourceNames.DEFAULT_PREFIX))
                .keyName(Plain.string(p, "key_name"))
                .disableApiTermination(Plain.bool(p, "disable_api_termination"))
                .ebsOptimized(Plain.bool(p, "ebs_optimized"))
                .monitoring(m -> m.enabled(Plain.bool(p, "monitoring")))
                .hibernationOptions(h -> h.configured(Plain.bool(p, "hibernation")))
                .instanceInitiatedShutdownBehavior(Plain.string(p, "instance_initiated_shutdown_behavior"))
                .placement(pl -> pl.availabilityZone(Optional.ofNullable(Plain.string(p, "availability_zone")).orElse(""))
                        .tenancy(Plain.string(p, "tenancy"))
                        .groupName(Plain.string(p, "placement_group"))
                        .hostId(Plain.string(p, "host_id")));
        if (Boolean.TRUE.equals(Plain.boolOrNull(p, "disable_api_stop"))) {
            r.disableApiStop(true);
        }
        String profile = Plain.string(p, "iam_instance_profile");
        if (profile != null && !profile.isEmpty()) {
            r.iamInstanceProfile(profileSpecification(profile));
        }
        userData(p).ifPresent(r::userData);
        network(p, r);
        credits(p, instanceType).ifPresent(c -> r.creditSpecification(s -> s.cpuCredits(c)));
        Plain.blocks(p, "metadata_options").stream().findFirst().ifPresent(m -> r.metadataOptions(o -> o
                .httpEndpoint(Plain.string(m, "http_endpoint"))
                .httpTokens(Plain.string(m, "http_tokens"))
                .httpPutResponseHopLimit(Plain.integer(m, "http_put_response_hop_limit"))
                .httpProtocolIpv6(Plain.string(m, "http_protocol_ipv6"))
                .instanceMetadataTags(Plain.string(m, "instance_metadata_tags"))));
        r.blockDeviceMappings(blockDevices(aws, p));
        List<TagSpecification> tags = new ArrayList<>();
        Optional.ofNullable(ResourceTags.ec2Specification(aws, p, software.amazon.awssdk.services.ec2.model.ResourceType.INSTANCE))
                .ifPresent(tags::add);
        Map<String, String> volumeTags = Plain.stringMap(p, "volume_tags");
        if (!volumeTags.isEmpty()) {
            tags.add(TagSpecification.builder().resourceType(software.amazon.awssdk.services.ec2.model.ResourceType.VOLUME)
                    .tags(ResourceTags.ec2Tags(volumeTags)).build());
        }
        r.tagSpecifications(tags.isEmpty() ? null : tags);
        return r.build();
    }

    private static IamInstanceProfileSpecification profileSpecification(String profile) {
        return profile.startsWith("arn:")
                ? IamInstanceProfileSpecification.builder().arn(profile).build()
                : IamInstanceProfileSpecification.builder().name(profile).build();
    }

    /** What RunInstances and ModifyInstanceAttribute carry: base64 of {@code user_data}, or {@code user_data_base64} as given. */
    private static Optional<String> userData(Map<String, Object> p) {
        String base64 = Plain.string(p, "user_data_base64");
        if (base64 != null) {
            return Optional.of(base64);
        }
        String text = Plain.string(p, "user_data");
        if (text == null || text.matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        return Optional.of(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A subnet with {@code associate_public_ip_address}, {@code private_ip} or secondary addresses set
     * needs the network interface form of RunInstances; otherwise subnet, private address and groups
     * go at the top level.
     */
    private static void network(Map<String, Object> p, RunInstancesRequest.Builder r) {
        String subnet = Plain.string(p, "subnet_id");
        Boolean publicIp = Plain.boolOrNull(p, "associate_public_ip_address");
        List<String> groups = new ArrayList<>(Plain.strings(p, "vpc_security_group_ids"));
        String privateIp = Plain.string(p, "private_ip");
        List<String> secondary = Plain.strings(p, "secondary_private_ips");
        if (subnet != null && (publicIp != null || privateIp != null || !secondary.isEmpty())) {
            groups.addAll(Plain.strings(p, "security_groups"));
            r.networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).associatePublicIpAddress(publicIp)
                    .privateIpAddress(privateIp).groups(groups.isEmpty() ? null : groups)
                    .privateIpAddresses(secondary.isEmpty() ? null : secondary.stream()
                            .map(ip -> software.amazon.awssdk.services.ec2.model.PrivateIpAddressSpecification.builder()
                                    .privateIpAddress(ip).primary(false).build()).toList())
                    .deleteOnTermination(true));
            return;
        }
        r.subnetId(subnet).privateIpAddress(privateIp);
        if (!groups.isEmpty()) {
            r.securityGroupIds(groups);
        }
        List<String> names = Plain.strings(p, "security_groups");
        if (!names.isEmpty()) {
            r.securityGroups(names);
        }
    }

    /** Configured CPU credits, else {@code unlimited} for the T3 family as the provider sends it. */
    private static Optional<String> credits(Map<String, Object> p, String instanceType) {
        Optional<String> configured = Plain.blocks(p, "credit_specification").stream().findFirst()
                .map(c -> Plain.string(c, "cpu_credits")).filter(c -> !c.isEmpty());
        if (configured.isPresent()) {
            return configured;
        }
        return instanceType != null && instanceType.startsWith("t3") ? Optional.of("unlimited") : Optional.empty();
    }

    /** The root device mapping (its name from the image, as the provider looks it up) and extra EBS volumes. */
    private static List<BlockDeviceMapping> blockDevices(AwsContext aws, Map<String, Object> p) {
        List<BlockDeviceMapping> out = new ArrayList<>();
        Optional<Map<String, Object>> root = Plain.blocks(p, "root_block_device").stream().findFirst();
        if (root.isPresent()) {
            String ami = Plain.string(p, "ami");
            Image image = Errors.find("finding Root Device Name for AMI (" + ami + ")", Set.of("InvalidAMIID.NotFound"), () -> aws.ec2()
                    .describeImages(r -> r.imageIds(ami)).images().stream().findFirst().orElse(null))
                    .orElseThrow(() -> new ProviderException("finding Root Device Name for AMI (" + ami + "): empty result"));
            if (!"instance-store".equals(image.rootDeviceTypeAsString())) {
                out.add(BlockDeviceMapping.builder().deviceName(image.rootDeviceName()).ebs(ebs(root.get(), null)).build());
            }
        }
        for (Map<String, Object> device : Plain.blocks(p, "ebs_block_device")) {
            out.add(BlockDeviceMapping.builder().deviceName(Plain.string(device, "device_name"))
                    .ebs(ebs(device, Plain.string(device, "snapshot_id"))).build());
        }
        for (Map<String, Object> device : Plain.blocks(p, "ephemeral_block_device")) {
            BlockDeviceMapping.Builder b = BlockDeviceMapping.builder().deviceName(Plain.string(device, "device_name"));
            if (Plain.bool(device, "no_device")) {
                b.noDevice("");
            } else {
                b.virtualName(Plain.string(device, "virtual_name"));
            }
            out.add(b.build());
        }
        return out;
    }

    private static EbsBlockDevice ebs(Map<String, Object> device, String snapshot) {
        return EbsBlockDevice.builder()
                .deleteOnTermination(!Boolean.FALSE.equals(Plain.boolOrNull(device, "delete_on_termination")))
                .volumeSize(positive(Plain.integer(device, "volume_size")))
                .volumeType(Plain.string(device, "volume_type"))
                .iops(positive(Plain.integer(device, "iops")))
                .throughput(positive(Plain.integer(device, "throughput")))
                .encrypted(Plain.boolOrNull(device, "encrypted"))
                .kmsKeyId(Plain.string(device, "kms_key_id"))
                .snapshotId(snapshot)
                .build();
    }

    private static Integer positive(Integer value) {
        return value == null || value <= 0 ? null : value;
    }

    /** Polls until the instance is in {@code target}; any state outside {@code pending} fails at once, as the provider's waiters do. */
    private static void waitFor(AwsContext aws, String id, String what, Set<String> pending, String target, Duration timeout) {
        aws.await("EC2 Instance (" + id + ") " + what, timeout, () -> {
            Optional<InstanceReader.Found> found = InstanceReader.find(aws, id);
            if (found.isEmpty()) {
                return target.equals("terminated") ? Optional.of(true) : Optional.empty();
            }
            String state = found.get().instance().state().nameAsString();
            if (state.equals(target)) {
                return Optional.of(true);
            }
            if (!pending.contains(state)) {
                throw new ProviderException("waiting for EC2 Instance (" + id + ") " + what + ": unexpected state '" + state
                        + "', wanted target '" + target + "'. last error: %!s(<nil>)");
            }
            return Optional.empty();
        });
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> state) {
        String id = Plain.string(state, "id");
        Optional<InstanceReader.Found> found = InstanceReader.find(aws, id);
        // A terminated instance is still listed for a while, but it is gone as far as Terraform is concerned.
        if (found.isEmpty() || found.get().instance().state().nameAsString().equals("terminated")) {
            return Optional.empty();
        }
        return Optional.of(InstanceReader.read(aws, state, found.get()));
    }

    @Override
    public Map<String, Object> update(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String id = Plain.string(prior, "id");
        String doing = "updating EC2 Instance (" + id + ")";
        ResourceTags.updateEc2(aws, id, prior, planned);
        if (changed(prior, planned, "volume_tags")) {
            ResourceTags.Changes changes = ResourceTags.changes(Plain.stringMap(prior, "volume_tags"), Plain.stringMap(planned, "volume_tags"));
            Plain.blocks(prior, "root_block_device").forEach(v -> ResourceTags.updateEc2(aws, Plain.string(v, "volume_id"), changes));
            Plain.blocks(prior, "ebs_block_device").forEach(v -> ResourceTags.updateEc2(aws, Plain.string(v, "volume_id"), changes));
        }
        if (changed(prior, planned, "iam_instance_profile")) {
            updateProfile(aws, id, Plain.string(planned, "iam_instance_profile"));
        }
        if (changed(prior, planned, "source_dest_check")) {
            modify(aws, id, r -> r.sourceDestCheck(b -> b.value(Plain.bool(planned, "source_dest_check"))));
        }
        if (changed(prior, planned, "vpc_security_group_ids")) {
            String eni = Plain.string(prior, "primary_network_interface_id");
            Errors.call(doing, () -> aws.ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(eni)
                    .groups(Plain.strings(planned, "vpc_security_group_ids"))));
        }
        if (changed(prior, planned, "secondary_private_ips")) {
            updateSecondaryIps(aws, prior, planned);
        }
        boolean restart = changed(prior, planned, "instance_type") || changed(prior, planned, "user_data")
                || changed(prior, planned, "user_data_base64");
        if (restart) {
            stopChangeStart(aws, id, prior, planned);
        }
        if (changed(prior, planned, "disable_api_termination")) {
            modify(aws, id, r -> r.disableApiTermination(b -> b.value(Plain.bool(planned, "disable_api_termination"))));
        }
        if (changed(prior, planned, "disable_api_stop")) {
            modify(aws, id, r -> r.disableApiStop(b -> b.value(Plain.bool(planned, "disable_api_stop"))));
        }
        if (changed(prior, planned, "instance_initiated_shutdown_behavior")) {
            modify(aws, id, r -> r.instanceInitiatedShutdownBehavior(b -> b.value(Plain.string(planned, "instance_initiated_shutdown_behavior"))));
        }
        if (changed(prior, planned, "monitoring")) {
            if (Plain.bool(planned, "monitoring")) {
                Errors.call("enabling monitoring for EC2 Instance (" + id + ")", () -> aws.ec2().monitorInstances(r -> r.instanceIds(id)));
            } else {
                Errors.call("disabling monitoring for EC2 Instance (" + id + ")", () -> aws.ec2().unmonitorInstances(r -> r.instanceIds(id)));
            }
        }
        if (changed(prior, planned, "credit_specification")) {
            Plain.blocks(planned, "credit_specification").stream().findFirst().map(c -> Plain.string(c, "cpu_credits"))
                    .filter(c -> !c.isEmpty())
                    .ifPresent(c -> Errors.call("updating EC2 Instance (" + id + ") credit specification", () -> aws.ec2()
                            .modifyInstanceCreditSpecification(r -> r.instanceCreditSpecifications(s -> s.instanceId(id).cpuCredits(c)))));
        }
        if (changed(prior, planned, "metadata_options")) {
            Plain.blocks(planned, "metadata_options").stream().findFirst().ifPresent(m -> Errors.call(
                    "updating EC2 Instance (" + id + ") metadata options", () -> aws.ec2().modifyInstanceMetadataOptions(r -> r
                            .instanceId(id)
                            .httpEndpoint(Plain.string(m, "http_endpoint"))
                            .httpTokens(Plain.string(m, "http_tokens"))
                            .httpPutResponseHopLimit(Plain.integer(m, "http_put_response_hop_limit"))
                            .httpProtocolIpv6(Plain.string(m, "http_protocol_ipv6"))
                            .instanceMetadataTags(Plain.string(m, "instance_metadata_tags")))));
            aws.await("EC2 Instance (" + id + ") metadata options update", UPDATE_TIMEOUT, () -> InstanceReader.find(aws, id)
                    .map(f -> f.instance().metadataOptions().stateAsString()).filter("applied"::equals));
        }
        if (changed(prior, planned, "root_block_device")) {
            updateRootVolume(aws, id, prior, planned);
        }
        Map<String, Object> state = Plain.knownWithId(planned, id);
        return read(aws, state).orElseThrow(() -> new ProviderException("reading EC2 Instance (" + id + "): couldn't find resource"));
    }

    private static boolean changed(Map<String, Object> prior, Map<String, Object> planned, String name) {
        Object after = planned.get(name);
        return after != Unknown.VALUE && !Plain.same(prior.get(name), after);
    }

    private static void modify(AwsContext aws, String id,
            Consumer<software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest.Builder> change) {
        Errors.call("updating EC2 Instance (" + id + ")", () -> aws.ec2().modifyInstanceAttribute(r -> {
            r.instanceId(id);
            change.accept(r);
        }));
    }

    /** Associates, replaces or removes the instance profile association, then waits until the instance reports it. */
    private static void updateProfile(AwsContext aws, String id, String profile) {
        String doing = "updating EC2 Instance (" + id + ")";
        List<IamInstanceProfileAssociation> associations = Errors.call(doing, () -> aws.ec2()
                .describeIamInstanceProfileAssociations(r -> r.filters(f -> f.name("instance-id").values(id)))
                .iamInstanceProfileAssociations());
        Optional<IamInstanceProfileAssociation> current = associations.stream()
                .filter(a -> !"disassociated".equals(a.stateAsString())).findFirst();
        if (profile != null && !profile.isEmpty()) {
            if (current.isEmpty()) {
                Errors.call(doing + ": associating instance profile", () -> aws.ec2().associateIamInstanceProfile(r -> r
                        .instanceId(id).iamInstanceProfile(profileSpecification(profile))));
            } else {
                Errors.call(doing + ": replacing instance profile", () -> aws.ec2().replaceIamInstanceProfileAssociation(r -> r
                        .associationId(current.get().associationId()).iamInstanceProfile(profileSpecification(profile))));
            }
        } else if (current.isPresent()) {
            Errors.call(doing + ": disassociating instance profile", () -> aws.ec2().disassociateIamInstanceProfile(r -> r
                    .associationId(current.get().associationId())));
        }
        String wanted = profile == null ? "" : InstanceReader.profileName(profile);
        aws.await("EC2 Instance (" + id + ") IAM Instance Profile update", PROPAGATION, () -> InstanceReader.find(aws, id)
                .map(f -> f.instance().iamInstanceProfile() == null ? "" : InstanceReader.profileName(f.instance().iamInstanceProfile().arn()))
                .filter(wanted::equals));
    }

    private static void updateSecondaryIps(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        String eni = Plain.string(prior, "primary_network_interface_id");
        List<String> before = Plain.strings(prior, "secondary_private_ips");
        List<String> after = Plain.strings(planned, "secondary_private_ips");
        List<String> removed = before.stream().filter(ip -> !after.contains(ip)).toList();
        List<String> added = after.stream().filter(ip -> !before.contains(ip)).toList();
        String doing = "updating EC2 Instance (" + Plain.string(prior, "id") + ") secondary private IPs";
        if (!removed.isEmpty()) {
            Errors.call(doing, () -> aws.ec2().unassignPrivateIpAddresses(r -> r.networkInterfaceId(eni).privateIpAddresses(removed)));
        }
        if (!added.isEmpty()) {
            Errors.call(doing, () -> aws.ec2().assignPrivateIpAddresses(r -> r.networkInterfaceId(eni).privateIpAddresses(added)));
        }
    }

    /** A new instance type or user data needs a stopped instance: stop, change, start, and wait for each. */
    private static void stopChangeStart(AwsContext aws, String id, Map<String, Object> prior, Map<String, Object> planned) {
        Errors.call("stopping EC2 Instance (" + id + ")", () -> aws.ec2().stopInstances(r -> r.instanceIds(id)));
        waitFor(aws, id, "stop", Set.of("pending", "running", "shutting-down", "stopped", "stopping"), "stopped", UPDATE_TIMEOUT);
        if (changed(prior, planned, "instance_type")) {
            modify(aws, id, r -> r.instanceType(b -> b.value(Plain.string(planned, "instance_type"))));
        }
        if (changed(prior, planned, "user_data") || changed(prior, planned, "user_data_base64")) {
            String data = userData(planned).orElse("");
            modify(aws, id, r -> r.userData(b -> b.value(software.amazon.awssdk.core.SdkBytes.fromString(data, StandardCharsets.UTF_8))));
        }
        Errors.call("starting EC2 Instance (" + id + ")", () -> aws.ec2().startInstances(r -> r.instanceIds(id)));
        waitFor(aws, id, "start", Set.of("pending", "stopped"), "running", UPDATE_TIMEOUT);
    }

    /** Size, type, IOPS and throughput of the root volume change with ModifyVolume; the flag with ModifyInstanceAttribute. */
    private static void updateRootVolume(AwsContext aws, String id, Map<String, Object> prior, Map<String, Object> planned) {
        Map<String, Object> before = Plain.blocks(prior, "root_block_device").stream().findFirst().orElse(Map.of());
        Map<String, Object> after = Plain.blocks(planned, "root_block_device").stream().findFirst().orElse(Map.of());
        String volume = Plain.string(before, "volume_id");
        if (changed(before, after, "delete_on_termination")) {
            modify(aws, id, r -> r.blockDeviceMappings(m -> m.deviceName(Plain.string(before, "device_name"))
                    .ebs(e -> e.volumeId(volume).deleteOnTermination(Plain.bool(after, "delete_on_termination")))));
        }
        boolean resized = List.of("volume_size", "volume_type", "iops", "throughput").stream()
                .anyMatch(a -> after.get(a) != null && changed(before, after, a));
        if (resized) {
            // Only what changed, and IOPS and throughput only for types that take them: gp2's IOPS
            // follow from its size, and EC2 refuses an IOPS figure for it.
            String type = Plain.string(after, "volume_type");
            Errors.call("modifying EBS volume (" + volume + ")", () -> aws.ec2().modifyVolume(r -> r.volumeId(volume)
                    .size(changed(before, after, "volume_size") ? positive(Plain.integer(after, "volume_size")) : null)
                    .volumeType(changed(before, after, "volume_type") ? type : null)
                    .iops(changed(before, after, "iops") && IOPS_TYPES.contains(type)
                            ? positive(Plain.integer(after, "iops")) : null)
                    .throughput(changed(before, after, "throughput") && "gp3".equals(type)
                            ? positive(Plain.integer(after, "throughput")) : null)));
            // As the provider: done once the volume is optimizing, its new size usable.
            aws.await("EBS Volume (" + volume + ") modification", UPDATE_TIMEOUT, () -> aws.ec2()
                    .describeVolumesModifications(r -> r.volumeIds(volume)).volumesModifications().stream()
                    .map(m -> m.modificationStateAsString())
                    .filter(state -> state.equals("optimizing") || state.equals("completed"))
                    .findFirst());
        }
        if (changed(before, after, "tags")) {
            ResourceTags.updateEc2(aws, volume, ResourceTags.changes(Plain.stringMap(before, "tags"), Plain.stringMap(after, "tags")));
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = Plain.string(state, "id");
        try {
            modify(aws, id, r -> r.disableApiTermination(b -> b.value(false)));
        } catch (ProviderException e) {
            // The provider only logs this: termination below reports anything that matters.
        }
        if (Plain.bool(state, "disable_api_stop")) {
            modify(aws, id, r -> r.disableApiStop(b -> b.value(false)));
        }
        Optional<?> terminated = Errors.find("terminating EC2 Instance (" + id + ")", InstanceReader.NOT_FOUND,
                () -> aws.ec2().terminateInstances(r -> r.instanceIds(id)));
        if (terminated.isPresent()) {
            waitFor(aws, id, "delete", Set.of("pending", "running", "shutting-down", "stopping", "stopped"), "terminated", DELETE_TIMEOUT);
        }
    }

    /** Whether configuration set a value: unknowns, nulls, false, zero and empty collections are "not set". */
    private static boolean configured(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof java.math.BigDecimal n) {
            return n.signum() != 0;
        }
        if (value instanceof String text) {
            return !text.isEmpty();
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(InstanceResource::configured);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(InstanceResource::configured);
        }
        return false;
    }
}
