package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Protocol;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Vpc;
import java.util.Optional;

/**
 * Services an instance reaches without leaving its interface, which security groups and network
 * ACLs cannot filter: the Amazon DNS resolver (VPC base + 2 and 169.254.169.253, answering only
 * with DNS support on), instance metadata (169.254.169.254), Amazon Time Sync (169.254.169.123),
 * and the instance's own addresses.
 */
final class LinkLocalServices {
    static final Ipv4 DNS = Ipv4.parse("169.254.169.253");
    static final Ipv4 METADATA = Ipv4.parse("169.254.169.254");
    static final Ipv4 TIME_SYNC = Ipv4.parse("169.254.169.123");

    /** Who answers, or null when it is one of these services and nobody answers; empty when it is none of them. */
    record Local(String component, boolean answers, String detail) {}

    static Optional<Local> match(Topology topology, NetworkInterface eni, Packet p) {
        Ipv4 dst = p.destination();
        if (eni.privateIps().contains(dst)) {
            return Optional.of(new Local("localhost", true, "the instance's own address"));
        }
        Vpc vpc = topology.vpc(eni.vpcId()).orElseThrow();
        if (dst.equals(vpc.dnsResolver()) || dst.equals(DNS)) {
            boolean dns = p.protocol() != Protocol.ICMP && p.destinationPort() == 53;
            return Optional.of(new Local("amazon-dns", dns && vpc.enableDnsSupport(), vpc.enableDnsSupport()
                    ? "Amazon DNS resolver of " + vpc.id() : "Amazon DNS resolver: DNS support is off in " + vpc.id()));
        }
        if (dst.equals(METADATA)) {
            boolean enabled = eni.attachment() != null && topology.instance(eni.attachment().instanceId())
                    .map(Instance::settings).map(s -> !"disabled".equals(s.metadataOptions().httpEndpoint())).orElse(false);
            return Optional.of(new Local("instance-metadata", enabled && p.protocol() == Protocol.TCP
                    && p.destinationPort() == 80, "instance metadata service"));
        }
        if (dst.equals(TIME_SYNC)) {
            return Optional.of(new Local("amazon-time-sync", p.protocol() == Protocol.UDP && p.destinationPort() == 123,
                    "Amazon Time Sync Service"));
        }
        return Optional.empty();
    }
}
