package io.localvpc.service.ec2.instances;

import io.localvpc.model.Ipv4;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.ec2.Ec2Tags;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.HibernationOptions;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceMaintenanceOptions;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.StateReason;

/**
 * How an instance looks in DescribeInstances and RunInstances: the instance record joined with
 * its interfaces, groups, Elastic IPs, VPC (for DNS hostnames) and image. A terminated instance
 * keeps only its identity, as on AWS.
 */
final class InstanceView {
    private InstanceView() {}

    /** The instances of one reservation as EC2 shows them at {@code now}. */
    static Reservation reservation(StateView state, List<Instance> instances, String region, Instant now) {
        Instance first = instances.get(0);
        return Reservation.builder()
                .reservationId(first.reservationId())
                .ownerId(first.ownerId())
                .groups(List.of())
                .instances(instances.stream().map(i -> toSdk(state, i, region, now)).toList())
                .build();
    }

    static InstanceMetadataOptionsResponse metadataOptions(Instance.MetadataOptions options, Instant now) {
        return InstanceMetadataOptionsResponse.builder()
                .state(options.state(now))
                .httpTokens(options.httpTokens())
                .httpPutResponseHopLimit(options.httpPutResponseHopLimit())
                .httpEndpoint(options.httpEndpoint())
                .httpProtocolIpv6(options.httpProtocolIpv6())
                .instanceMetadataTags(options.instanceMetadataTags())
                .build();
    }

    static InstanceState state(String name) {
        return InstanceState.builder().name(name).code(Instance.stateCode(name)).build();
    }

    /** {@code ip-10-0-1-5.ap-northeast-1.compute.internal}; us-east-1 has its own domain. */
    static String privateDnsName(Ipv4 ip, String region) {
        String domain = region.equals("us-east-1") ? "ec2.internal" : region + ".compute.internal";
        return "ip-" + ip.toString().replace('.', '-') + "." + domain;
    }

    static String publicDnsName(Ipv4 ip, String region) {
        String domain = region.equals("us-east-1") ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + ip.toString().replace('.', '-') + "." + domain;
    }

    /** The public address of an interface: an Elastic IP on its primary address, else the auto-assigned one. */
    static Optional<PublicAddress> publicAddress(StateView state, NetworkInterface eni) {
        Optional<Address> elastic = state.all(Address.class).stream()
                .filter(a -> eni.id().equals(a.networkInterfaceId()) && eni.privateIp().equals(a.privateIp()))
                .findFirst();
        if (elastic.isPresent()) {
            return Optional.of(new PublicAddress(elastic.get().publicIp(), elastic.get().ownerId()));
        }
        return Optional.ofNullable(eni.publicIp()).map(ip -> new PublicAddress(ip, "amazon"));
    }

    /** A public address and who owns it ({@code amazon} for auto-assigned ones). */
    record PublicAddress(Ipv4 ip, String ownerId) {}

    static String publicDnsFor(StateView state, NetworkInterface eni, Ipv4 ip, String region) {
        boolean hostnames = state.find(Vpc.class, eni.vpcId()).map(Vpc::enableDnsHostnames).orElse(false);
        return hostnames ? publicDnsName(ip, region) : "";
    }

    static software.amazon.awssdk.services.ec2.model.Instance toSdk(StateView state, Instance instance, String region,
            Instant now) {
        Optional<Images.CatalogueImage> image = Images.find(region, instance.imageId());
        Optional<InstanceTypes.Spec> type = InstanceTypes.find(instance.instanceType());
        boolean gone = instance.state().equals("terminated");
        List<NetworkInterface> enis = gone ? List.of() : InstanceLifecycle.attachedInterfaces(state, instance.id());
        Optional<NetworkInterface> primary = enis.stream().filter(n -> n.attachment().deviceIndex() == 0).findFirst();
        Optional<PublicAddress> publicIp = primary.flatMap(eni -> publicAddress(state, eni));
        Instance.Settings settings = instance.settings();
        var builder = software.amazon.awssdk.services.ec2.model.Instance.builder()
                .instanceId(instance.id())
                .imageId(instance.imageId())
                .state(state(instance.state()))
                .privateDnsName(gone ? "" : privateDnsName(instance.privateIp(), region))
                .publicDnsName(primary.flatMap(eni -> publicIp.map(p -> publicDnsFor(state, eni, p.ip(), region))).orElse(""))
                .stateTransitionReason(transitionReason(instance))
                .keyName(instance.keyName())
                .amiLaunchIndex(instance.launchIndex())
                .productCodes(List.of())
                .instanceType(instance.instanceType())
                .launchTime(instance.launchTime())
                .placement(Placement.builder()
                        .availabilityZone(instance.availabilityZone())
                        .groupName("")
                        .tenancy(settings.tenancy())
                        .build())
                .monitoring(Monitoring.builder().state(settings.monitoring() ? "enabled" : "disabled").build())
                .subnetId(instance.subnetId())
                .vpcId(instance.vpcId())
                .privateIpAddress(gone ? null : instance.privateIp().toString())
                .publicIpAddress(publicIp.map(p -> p.ip().toString()).orElse(null))
                .architecture(image.map(Images.CatalogueImage::architecture).orElse("x86_64"))
                .rootDeviceType("ebs")
                .rootDeviceName(settings.rootDeviceName())
                .blockDeviceMappings(instance.blockDevices().stream().map(InstanceView::blockDevice).toList())
                .virtualizationType("hvm")
                .clientToken(instance.clientToken() == null ? "" : instance.clientToken())
                .tags(Ec2Tags.of(state, instance.id()))
                .securityGroups(primary.map(eni -> groups(state, eni)).orElse(List.of()))
                .sourceDestCheck(primary.map(NetworkInterface::sourceDestCheck).orElse(true))
                .hypervisor("xen")
                .networkInterfaces(enis.stream().map(eni -> networkInterface(state, eni, region)).toList())
                .ebsOptimized(settings.ebsOptimized())
                .enaSupport(true)
                .cpuOptions(CpuOptions.builder()
                        .coreCount(type.map(InstanceTypes.Spec::cores).orElse(1))
                        .threadsPerCore(type.map(InstanceTypes.Spec::threadsPerCore).orElse(1))
                        .build())
                .capacityReservationSpecification(CapacityReservationSpecificationResponse.builder()
                        .capacityReservationPreference("open")
                        .build())
                .hibernationOptions(HibernationOptions.builder().configured(false).build())
                .metadataOptions(metadataOptions(settings.metadataOptions(), now))
                .enclaveOptions(EnclaveOptions.builder().enabled(false).build())
                .maintenanceOptions(InstanceMaintenanceOptions.builder().autoRecovery("default").build())
                .privateDnsNameOptions(PrivateDnsNameOptionsResponse.builder()
                        .hostnameType("ip-name")
                        .enableResourceNameDnsARecord(false)
                        .enableResourceNameDnsAAAARecord(false)
                        .build())
                .platformDetails("Linux/UNIX")
                .usageOperation("RunInstances")
                .usageOperationUpdateTime(instance.launchTime())
                .bootMode(image.map(Images.CatalogueImage::bootMode).orElse(null))
                .currentInstanceBootMode(currentBootMode(image, type));
        if (instance.iamInstanceProfile() != null) {
            builder.iamInstanceProfile(IamInstanceProfile.builder()
                    .arn(instance.iamInstanceProfile().arn())
                    .id(instance.iamInstanceProfile().id())
                    .build());
        }
        if (instance.stateReason() != null) {
            builder.stateReason(StateReason.builder().code(instance.stateReason()).message(reasonMessage(instance)).build());
        }
        return builder.build();
    }

    /** UEFI when the image asks for it and the type can, else the legacy BIOS. */
    private static String currentBootMode(Optional<Images.CatalogueImage> image, Optional<InstanceTypes.Spec> type) {
        String wanted = image.map(Images.CatalogueImage::bootMode).orElse(null);
        boolean uefiCapable = type.map(t -> t.supportedBootModes().contains("uefi")).orElse(false);
        if ("uefi".equals(wanted) || ("uefi-preferred".equals(wanted) && uefiCapable)) {
            return "uefi";
        }
        return "legacy-bios";
    }

    private static String transitionReason(Instance instance) {
        if (InstanceLifecycle.USER_SHUTDOWN.equals(instance.stateReason())) {
            return "User initiated (" + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'")
                    .withZone(java.time.ZoneOffset.UTC).format(instance.stateChangedAt()) + ")";
        }
        return "";
    }

    private static String reasonMessage(Instance instance) {
        return InstanceLifecycle.USER_SHUTDOWN.equals(instance.stateReason())
                ? "Client.UserInitiatedShutdown: User initiated shutdown"
                : instance.stateReason();
    }

    private static InstanceBlockDeviceMapping blockDevice(Instance.BlockDevice device) {
        return InstanceBlockDeviceMapping.builder()
                .deviceName(device.deviceName())
                .ebs(EbsInstanceBlockDevice.builder()
                        .volumeId(device.volumeId())
                        .status("attached")
                        .attachTime(device.attachTime())
                        .deleteOnTermination(device.deleteOnTermination())
                        .build())
                .build();
    }

    static List<GroupIdentifier> groups(StateView state, NetworkInterface eni) {
        List<GroupIdentifier> groups = new ArrayList<>();
        for (String id : eni.groupIds()) {
            String name = state.find(SecurityGroup.class, id).map(SecurityGroup::name).orElse(null);
            groups.add(GroupIdentifier.builder().groupId(id).groupName(name).build());
        }
        return groups;
    }

    private static InstanceNetworkInterface networkInterface(StateView state, NetworkInterface eni, String region) {
        Optional<InstanceNetworkInterfaceAssociation> association = publicAddress(state, eni)
                .map(p -> InstanceNetworkInterfaceAssociation.builder()
                        .publicIp(p.ip().toString())
                        .publicDnsName(publicDnsFor(state, eni, p.ip(), region))
                        .ipOwnerId(p.ownerId())
                        .build());
        List<InstancePrivateIpAddress> addresses = new ArrayList<>();
        for (Ipv4 ip : eni.privateIps()) {
            boolean primary = ip.equals(eni.privateIp());
            addresses.add(InstancePrivateIpAddress.builder()
                    .privateIpAddress(ip.toString())
                    .privateDnsName(privateDnsName(ip, region))
                    .primary(primary)
                    .association(primary ? association.orElse(null) : null)
                    .build());
        }
        NetworkInterface.Attachment attachment = eni.attachment();
        return InstanceNetworkInterface.builder()
                .networkInterfaceId(eni.id())
                .subnetId(eni.subnetId())
                .vpcId(eni.vpcId())
                .description(eni.description())
                .ownerId(eni.ownerId())
                .status(eni.status())
                .macAddress(eni.macAddress())
                .privateIpAddress(eni.privateIp().toString())
                .privateDnsName(privateDnsName(eni.privateIp(), region))
                .sourceDestCheck(eni.sourceDestCheck())
                .groups(groups(state, eni))
                .interfaceType(eni.interfaceType())
                .attachment(InstanceNetworkInterfaceAttachment.builder()
                        .attachmentId(attachment.id())
                        .deviceIndex(attachment.deviceIndex())
                        .networkCardIndex(0)
                        .status(attachment.status())
                        .attachTime(attachment.attachTime())
                        .deleteOnTermination(attachment.deleteOnTermination())
                        .build())
                .association(association.orElse(null))
                .privateIpAddresses(addresses)
                .ipv6Addresses(List.of())
                .build();
    }
}
