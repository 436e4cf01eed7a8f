package io.localvpc.service.ec2.instances;

import io.localvpc.model.Ipv4;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.service.ec2.Filters;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * DescribeInstances' filter names. Many look through an instance to its interfaces, so the set is
 * built over one state and region per request.
 */
final class InstanceFilters {
    private static final java.time.format.DateTimeFormatter LAUNCH_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private InstanceFilters() {}

    static Filters<Instance> over(StateView state, String region) {
        Function<Instance, List<NetworkInterface>> enis = i -> InstanceLifecycle.attachedInterfaces(state, i.id());
        Function<Instance, Optional<NetworkInterface>> primary = i -> state.find(NetworkInterface.class,
                i.primaryNetworkInterfaceId()).filter(n -> n.attachment() != null && i.id().equals(n.attachment().instanceId()));
        Function<Instance, List<String>> groupIds = i -> primary.apply(i).map(NetworkInterface::groupIds).orElse(List.of());
        Function<Instance, List<String>> groupNames = i -> groupIds.apply(i).stream()
                .map(id -> state.find(SecurityGroup.class, id).map(SecurityGroup::name).orElse(null))
                .toList();
        Function<Instance, String> publicIp = i -> primary.apply(i)
                .flatMap(n -> InstanceView.publicAddress(state, n))
                .map(p -> p.ip().toString())
                .orElse(null);
        return Filters.forResource(Instance::id)
                .on("instance-id", Instance::id)
                .on("instance-state-name", Instance::state)
                .on("instance-state-code", Instance::stateCode)
                .on("instance-type", Instance::instanceType)
                .on("image-id", Instance::imageId)
                .on("reservation-id", Instance::reservationId)
                .on("owner-id", Instance::ownerId)
                .on("subnet-id", Instance::subnetId)
                .on("vpc-id", Instance::vpcId)
                .on("availability-zone", Instance::availabilityZone)
                .on("private-ip-address", i -> i.state().equals("terminated") ? null : i.privateIp().toString())
                .on("private-dns-name", i -> i.state().equals("terminated") ? null
                        : InstanceView.privateDnsName(i.privateIp(), region))
                .on("ip-address", publicIp)
                .on("key-name", Instance::keyName)
                .on("launch-index", Instance::launchIndex)
                .on("launch-time", i -> LAUNCH_TIME.format(i.launchTime()))
                .on("client-token", Instance::clientToken)
                .on("architecture", i -> Images.find(region, i.imageId()).map(Images.CatalogueImage::architecture).orElse(null))
                .on("root-device-type", i -> "ebs")
                .on("root-device-name", i -> i.settings().rootDeviceName())
                .on("hypervisor", i -> "xen")
                .on("virtualization-type", i -> "hvm")
                .on("platform-details", i -> "Linux/UNIX")
                .on("tenancy", i -> i.settings().tenancy())
                .on("monitoring-state", i -> i.settings().monitoring() ? "enabled" : "disabled")
                .on("state-reason-code", Instance::stateReason)
                .on("metadata-options.http-tokens", i -> i.settings().metadataOptions().httpTokens())
                .on("metadata-options.http-endpoint", i -> i.settings().metadataOptions().httpEndpoint())
                .on("metadata-options.http-put-response-hop-limit",
                        i -> i.settings().metadataOptions().httpPutResponseHopLimit())
                .on("metadata-options.http-protocol-ipv6", i -> i.settings().metadataOptions().httpProtocolIpv6())
                .on("metadata-options.instance-metadata-tags", i -> i.settings().metadataOptions().instanceMetadataTags())
                .on("source-dest-check", i -> primary.apply(i).map(NetworkInterface::sourceDestCheck).orElse(null))
                .on("iam-instance-profile.arn", i -> i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn())
                .on("iam-instance-profile.id", i -> i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().id())
                .on("instance.group-id", groupIds)
                .on("instance.group-name", groupNames)
                .on("group-id", groupIds)
                .on("group-name", groupNames)
                .on("network-interface.network-interface-id", i -> ids(enis.apply(i)))
                .on("network-interface.subnet-id", i -> enis.apply(i).stream().map(NetworkInterface::subnetId).toList())
                .on("network-interface.vpc-id", i -> enis.apply(i).stream().map(NetworkInterface::vpcId).toList())
                .on("network-interface.mac-address", i -> enis.apply(i).stream().map(NetworkInterface::macAddress).toList())
                .on("network-interface.status", i -> enis.apply(i).stream().map(NetworkInterface::status).toList())
                .on("network-interface.source-dest-check",
                        i -> enis.apply(i).stream().map(NetworkInterface::sourceDestCheck).toList())
                .on("network-interface.addresses.private-ip-address", i -> enis.apply(i).stream()
                        .flatMap(n -> n.privateIps().stream()).map(Ipv4::toString).toList())
                .on("network-interface.private-dns-name", i -> enis.apply(i).stream()
                        .map(n -> InstanceView.privateDnsName(n.privateIp(), region)).toList())
                .on("network-interface.group-id", i -> enis.apply(i).stream().flatMap(n -> n.groupIds().stream()).toList())
                .on("network-interface.attachment.device-index",
                        i -> enis.apply(i).stream().map(n -> n.attachment().deviceIndex()).toList())
                .on("block-device-mapping.volume-id", i -> i.blockDevices().stream().map(Instance.BlockDevice::volumeId).toList())
                .on("block-device-mapping.device-name",
                        i -> i.blockDevices().stream().map(Instance.BlockDevice::deviceName).toList())
                .on("block-device-mapping.status", i -> i.blockDevices().isEmpty() ? null : "attached")
                .on("block-device-mapping.delete-on-termination",
                        i -> i.blockDevices().stream().map(Instance.BlockDevice::deleteOnTermination).toList());
    }

    private static List<String> ids(List<NetworkInterface> enis) {
        return enis.stream().map(NetworkInterface::id).toList();
    }
}
