package io.localvpc.service.ec2.endpoints;

import io.localvpc.model.StateView;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.ec2.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.DnsOptions;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;

/** A VPC endpoint as EC2 shows it: an interface endpoint with its DNS names, a gateway endpoint with its route tables. */
final class VpcEndpointView {
    private VpcEndpointView() {}

    static software.amazon.awssdk.services.ec2.model.VpcEndpoint toSdk(StateView state, VpcEndpoint e) {
        var out = software.amazon.awssdk.services.ec2.model.VpcEndpoint.builder()
                .vpcEndpointId(e.id())
                .vpcEndpointType(e.type())
                .vpcId(e.vpcId())
                .serviceName(e.serviceName())
                .serviceRegion(e.serviceRegion())
                .state(e.state())
                .policyDocument(e.policyDocument())
                // A route table deleted since no longer counts as one of the endpoint's.
                .routeTableIds(e.routeTableIds().stream().filter(id -> state.find(RouteTable.class, id).isPresent()).toList())
                .subnetIds(e.subnetIds())
                .groups(e.groupIds().stream()
                        .map(id -> SecurityGroupIdentifier.builder().groupId(id)
                                .groupName(state.find(SecurityGroup.class, id).map(SecurityGroup::name).orElse(null))
                                .build())
                        .toList())
                .ipAddressType(e.ipAddressType())
                .privateDnsEnabled(e.privateDnsEnabled())
                .requesterManaged(false)
                .networkInterfaceIds(e.networkInterfaceIds())
                .dnsEntries(e.isInterface() ? dnsEntries(state, e) : List.of())
                .creationTimestamp(e.createdAt())
                .ownerId(e.ownerId())
                .tags(Ec2Tags.of(state, e.id()));
        if (e.isInterface()) {
            out.dnsOptions(DnsOptions.builder().dnsRecordIpType("ipv4").build());
        }
        return out.build();
    }

    /** The regional name, one name per zone, then the service's own name when private DNS is on, as AWS lists them. */
    static List<DnsEntry> dnsEntries(StateView state, VpcEndpoint e) {
        List<DnsEntry> entries = new ArrayList<>();
        String regionalZone = hostedZoneId("vpce|" + e.serviceRegion());
        entries.add(DnsEntry.builder().dnsName(e.regionalDnsName()).hostedZoneId(regionalZone).build());
        for (String subnetId : e.subnetIds()) {
            state.find(Subnet.class, subnetId).ifPresent(subnet -> entries.add(DnsEntry.builder()
                    .dnsName(e.zonalDnsName(subnet.availabilityZone())).hostedZoneId(regionalZone).build()));
        }
        if (e.privateDnsEnabled()) {
            entries.add(DnsEntry.builder().dnsName(e.privateDnsName()).hostedZoneId(hostedZoneId("private|" + e.id()))
                    .build());
        }
        return entries;
    }

    /** A Route 53 hosted zone id ({@code Z} and 13 more characters), stable for the same key. */
    private static String hostedZoneId(String key) {
        long mixed = (Integer.toUnsignedLong(key.hashCode()) * 2654435761L) & Long.MAX_VALUE;
        String digits = Long.toString(mixed, 36).toUpperCase(Locale.ROOT);
        return "Z" + (digits + "0000000000000").substring(0, 13);
    }
}
