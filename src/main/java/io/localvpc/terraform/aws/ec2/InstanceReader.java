package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * Reads an instance into the attributes the provider keeps, with the calls its read makes:
 * DescribeInstances, DescribeInstanceTypes, DescribeVpcs, DescribeInstanceAttribute (shutdown
 * behaviour, stop and termination protection, user data), DescribeVolumes, and the CPU credits of
 * burstable types.
 */
final class InstanceReader {
    static final Set<String> NOT_FOUND = Set.of("InvalidInstanceID.NotFound");

    private InstanceReader() {}

    /** The instance and its reservation's owner, or empty when AWS does not know it. */
    record Found(Instance instance, String ownerId) {}

    static Optional<Found> find(AwsContext aws, String id) {
        return Errors.find("reading EC2 Instance (" + id + ")", NOT_FOUND, () -> {
            for (Reservation r : aws.ec2().describeInstances(q -> q.instanceIds(id)).reservations()) {
                for (Instance i : r.instances()) {
                    if (id.equals(i.instanceId())) {
                        return new Found(i, r.ownerId());
                    }
                }
            }
            return null;
        });
    }

    /** The provider's {@code userDataHashSum}: SHA-1 of the decoded bytes (or of the text when it is not base64). */
    static String userDataHash(String userData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(userData);
        } catch (IllegalArgumentException e) {
            bytes = userData.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> read(AwsContext aws, Map<String, Object> state, Found found) {
        Instance i = found.instance();
        String id = i.instanceId();
        String doing = "reading EC2 Instance (" + id + ")";
        Map<String, Object> out = new LinkedHashMap<>(state);
        boolean burstable = Errors.call("reading EC2 Instance Type (" + i.instanceTypeAsString() + ")", () -> aws.ec2()
                .describeInstanceTypes(r -> r.instanceTypesWithStrings(i.instanceTypeAsString())).instanceTypes().get(0))
                .burstablePerformanceSupported();
        out.put("instance_state", i.state().nameAsString());
        out.put("availability_zone", i.placement().availabilityZone());
        out.put("placement_group", Plain.orEmpty(i.placement().groupName()));
        out.put("host_id", Plain.orEmpty(i.placement().hostId()));
        if (i.placement().hostResourceGroupArn() != null) {
            out.put("host_resource_group_arn", i.placement().hostResourceGroupArn());
        }
        out.put("placement_partition_number", number(i.placement().partitionNumber()));
        out.put("tenancy", i.placement().tenancyAsString());
        if (i.cpuOptions() != null) {
            out.put("cpu_core_count", number(i.cpuOptions().coreCount()));
            out.put("cpu_threads_per_core", number(i.cpuOptions().threadsPerCore()));
            out.put("cpu_options", List.of(block("amd_sev_snp", Plain.orEmpty(i.cpuOptions().amdSevSnpAsString()),
                    "core_count", number(i.cpuOptions().coreCount()), "threads_per_core", number(i.cpuOptions().threadsPerCore()))));
        }
        out.put("hibernation", i.hibernationOptions() != null && Boolean.TRUE.equals(i.hibernationOptions().configured()));
        out.put("enclave_options", List.of(block("enabled", i.enclaveOptions() != null && Boolean.TRUE.equals(i.enclaveOptions().enabled()))));
        out.put("maintenance_options", i.maintenanceOptions() == null ? List.of()
                : List.of(block("auto_recovery", i.maintenanceOptions().autoRecoveryAsString())));
        var m = i.metadataOptions();
        out.put("metadata_options", m == null ? List.of() : List.of(block(
                "http_endpoint", m.httpEndpointAsString(), "http_protocol_ipv6", m.httpProtocolIpv6AsString(),
                "http_put_response_hop_limit", number(m.httpPutResponseHopLimit()), "http_tokens", m.httpTokensAsString(),
                "instance_metadata_tags", m.instanceMetadataTagsAsString())));
        var dns = i.privateDnsNameOptions();
        out.put("private_dns_name_options", dns == null ? List.of() : List.of(block(
                "enable_resource_name_dns_a_record", Boolean.TRUE.equals(dns.enableResourceNameDnsARecord()),
                "enable_resource_name_dns_aaaa_record", Boolean.TRUE.equals(dns.enableResourceNameDnsAAAARecord()),
                "hostname_type", dns.hostnameTypeAsString())));
        out.put("ami", i.imageId());
        out.put("instance_type", i.instanceTypeAsString());
        out.put("key_name", Plain.orEmpty(i.keyName()));
        out.put("public_dns", Plain.orEmpty(i.publicDnsName()));
        out.put("public_ip", Plain.orEmpty(i.publicIpAddress()));
        out.put("private_dns", Plain.orEmpty(i.privateDnsName()));
        out.put("private_ip", Plain.orEmpty(i.privateIpAddress()));
        out.put("outpost_arn", Plain.orEmpty(i.outpostArn()));
        out.put("iam_instance_profile", i.iamInstanceProfile() == null ? "" : profileName(i.iamInstanceProfile().arn()));
        out.put("launch_template", List.of());
        readNetwork(out, i);
        out.put("ebs_optimized", Boolean.TRUE.equals(i.ebsOptimized()));
        out.put("monitoring", i.monitoring() != null
                && List.of("enabled", "pending").contains(i.monitoring().stateAsString()));
        ResourceTags.read(aws, out, ResourceTags.fromEc2(i.tags()));
        readSecurityGroups(aws, out, i);
        out.put("instance_initiated_shutdown_behavior", Errors.call(doing, () -> aws.ec2().describeInstanceAttribute(r -> r
                .instanceId(id).attribute("instanceInitiatedShutdownBehavior")).instanceInitiatedShutdownBehavior().value()));
        readBlockDevices(aws, out, i);
        if (!(out.get("ephemeral_block_device") instanceof List<?> l) || l.isEmpty()) {
            out.put("ephemeral_block_device", List.of());
        }
        out.put("arn", "arn:aws:ec2:" + aws.region() + ":" + found.ownerId() + ":instance/" + id);
        out.put("disable_api_stop", Errors.call(doing, () -> aws.ec2().describeInstanceAttribute(r -> r
                .instanceId(id).attribute("disableApiStop")).disableApiStop().value()));
        out.put("disable_api_termination", Errors.call(doing, () -> aws.ec2().describeInstanceAttribute(r -> r
                .instanceId(id).attribute("disableApiTermination")).disableApiTermination().value()));
        var userData = Errors.call(doing, () -> aws.ec2().describeInstanceAttribute(r -> r
                .instanceId(id).attribute("userData")).userData());
        if (userData != null && userData.value() != null && !userData.value().isEmpty()) {
            if (Plain.string(state, "user_data_base64") != null) {
                out.put("user_data_base64", userData.value());
            } else {
                out.put("user_data", userDataHash(userData.value()));
            }
        }
        if (burstable) {
            var credits = Errors.call("reading EC2 Instance (" + id + ") credit specification", () -> aws.ec2()
                    .describeInstanceCreditSpecifications(r -> r.instanceIds(id)).instanceCreditSpecifications());
            out.put("credit_specification", credits.isEmpty() ? List.of() : List.of(block("cpu_credits", credits.get(0).cpuCredits())));
        }
        out.put("get_password_data", false);
        out.put("password_data", "");
        var capacity = i.capacityReservationSpecification();
        out.put("capacity_reservation_specification", capacity == null ? List.of() : List.of(block(
                "capacity_reservation_preference", capacity.capacityReservationPreferenceAsString(),
                "capacity_reservation_target", List.of())));
        out.put("instance_lifecycle", Plain.orEmpty(i.instanceLifecycleAsString()));
        out.put("spot_instance_request_id", Plain.orEmpty(i.spotInstanceRequestId()));
        out.put("instance_market_options", List.of());
        out.put("id", id);
        if (out.get("user_data_replace_on_change") == null) {
            out.put("user_data_replace_on_change", false);
        }
        return out;
    }

    /** Primary interface details; configured {@code network_interface} blocks only (others belong to other resources). */
    private static void readNetwork(Map<String, Object> out, Instance i) {
        List<Object> secondary = new ArrayList<>();
        List<Object> ipv6 = new ArrayList<>();
        List<Object> configured = new ArrayList<>();
        List<Integer> indexes = Plain.blocks(out, "network_interface").stream().map(b -> Plain.integer(b, "device_index")).toList();
        Optional<InstanceNetworkInterface> primary = Optional.empty();
        for (InstanceNetworkInterface eni : i.networkInterfaces()) {
            int index = eni.attachment().deviceIndex();
            if (index == 0) {
                primary = Optional.of(eni);
            }
            if (indexes.contains(index)) {
                configured.add(block("delete_on_termination", Boolean.TRUE.equals(eni.attachment().deleteOnTermination()),
                        "device_index", BigDecimal.valueOf(index), "network_card_index", number(eni.attachment().networkCardIndex()),
                        "network_interface_id", eni.networkInterfaceId()));
            }
        }
        out.put("network_interface", configured);
        if (primary.isPresent()) {
            InstanceNetworkInterface eni = primary.get();
            out.put("subnet_id", eni.subnetId());
            out.put("primary_network_interface_id", eni.networkInterfaceId());
            out.put("ipv6_address_count", BigDecimal.valueOf(eni.ipv6Addresses().size()));
            out.put("source_dest_check", !Boolean.FALSE.equals(eni.sourceDestCheck()));
            out.put("associate_public_ip_address", eni.association() != null);
            eni.privateIpAddresses().stream().filter(a -> !Boolean.TRUE.equals(a.primary()))
                    .forEach(a -> secondary.add(a.privateIpAddress()));
            eni.ipv6Addresses().forEach(a -> ipv6.add(a.ipv6Address()));
        } else {
            out.put("associate_public_ip_address", i.publicIpAddress() != null);
            out.put("ipv6_address_count", BigDecimal.ZERO);
            out.put("primary_network_interface_id", "");
            out.put("subnet_id", Plain.orEmpty(i.subnetId()));
        }
        out.put("secondary_private_ips", secondary);
        out.put("ipv6_addresses", ipv6);
        if (i.subnetId() != null && !i.subnetId().isEmpty()) {
            out.put("source_dest_check", !Boolean.FALSE.equals(i.sourceDestCheck()));
        }
    }

    /**
     * Group ids for an instance in a subnet, names for one in a default VPC (so an instance in a
     * default VPC's subnet has both); the other list stays empty.
     */
    private static void readSecurityGroups(AwsContext aws, Map<String, Object> out, Instance i) {
        boolean inSubnet = i.subnetId() != null && !i.subnetId().isEmpty();
        boolean byName = !inSubnet;
        if (i.vpcId() != null && !i.vpcId().isEmpty()) {
            // The provider only logs a failure to read the VPC.
            try {
                byName = Errors.find("reading EC2 VPC (" + i.vpcId() + ")", Set.of("InvalidVpcID.NotFound"), () -> aws.ec2()
                        .describeVpcs(r -> r.vpcIds(i.vpcId())).vpcs().get(0).isDefault()).orElse(byName);
            } catch (ProviderException e) {
                // keep the guess from the subnet
            }
        }
        out.put("vpc_security_group_ids", inSubnet ? i.securityGroups().stream().map(g -> (Object) g.groupId()).toList() : List.of());
        out.put("security_groups", byName ? i.securityGroups().stream().map(g -> (Object) g.groupName()).toList() : List.of());
    }

    /** The root device becomes {@code root_block_device}, other EBS volumes {@code ebs_block_device}; sizes come from DescribeVolumes. */
    private static void readBlockDevices(AwsContext aws, Map<String, Object> out, Instance i) {
        List<String> volumeIds = i.blockDeviceMappings().stream().filter(b -> b.ebs() != null).map(b -> b.ebs().volumeId()).toList();
        Map<String, Volume> volumes = new LinkedHashMap<>();
        if (!volumeIds.isEmpty()) {
            Errors.call("reading EC2 Instance (" + i.instanceId() + ") volumes", () -> aws.ec2()
                    .describeVolumes(r -> r.volumeIds(volumeIds)).volumes()).forEach(v -> volumes.put(v.volumeId(), v));
        }
        List<Object> root = new ArrayList<>();
        List<Object> ebs = new ArrayList<>();
        for (InstanceBlockDeviceMapping mapping : i.blockDeviceMappings()) {
            if (mapping.ebs() == null) {
                continue;
            }
            Volume v = volumes.get(mapping.ebs().volumeId());
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("delete_on_termination", Boolean.TRUE.equals(mapping.ebs().deleteOnTermination()));
            device.put("device_name", mapping.deviceName());
            device.put("encrypted", v != null && Boolean.TRUE.equals(v.encrypted()));
            device.put("iops", number(v == null ? null : v.iops()));
            device.put("kms_key_id", v == null ? "" : Plain.orEmpty(v.kmsKeyId()));
            device.put("tags", v == null ? Map.of() : ResourceTags.userTags(ResourceTags.fromEc2(v.tags())));
            device.put("throughput", number(v == null ? null : v.throughput()));
            device.put("volume_id", mapping.ebs().volumeId());
            device.put("volume_size", number(v == null ? null : v.size()));
            device.put("volume_type", v == null ? "" : v.volumeTypeAsString());
            if (mapping.deviceName().equals(i.rootDeviceName())) {
                root.add(device);
            } else {
                device.put("snapshot_id", v == null ? "" : Plain.orEmpty(v.snapshotId()));
                ebs.add(device);
            }
        }
        out.put("root_block_device", root);
        out.put("ebs_block_device", ebs);
        if (out.get("volume_tags") != null && !volumes.isEmpty()) {
            out.put("volume_tags", ResourceTags.userTags(ResourceTags.fromEc2(volumes.values().iterator().next().tags())));
        }
    }

    /** The profile name is the last path segment of its ARN ({@code arn:aws:iam::1234:instance-profile/path/name}). */
    static String profileName(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> block(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int n = 0; n < namesAndValues.length; n += 2) {
            out.put((String) namesAndValues[n], namesAndValues[n + 1]);
        }
        return out;
    }

    private static BigDecimal number(Integer value) {
        return BigDecimal.valueOf(value == null ? 0 : value);
    }

}
