package io.localvpc.dataplane.engine;

import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NatGateway;
import java.util.List;
import java.util.Optional;

/**
 * The internet gateway: 1:1 static NAT between an interface's private IP and its public IP or
 * Elastic IP, both ways. A source without a public address cannot leave; a destination that is not
 * a public address of the VPC cannot come in.
 */
final class GatewayStage {
    static final List<Cidr> RFC1918 = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.168.0.0/16"));

    Step out(Step.GatewayOut g, Walk walk) {
        Packet p = g.packet();
        String igw = g.igw().id();
        if (isPrivate(p.destination())) {
            return Step.drop(Codes.IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS, "Internet gateway " + igw
                    + " does not carry traffic to the private address " + p.destination() + ".", igw);
        }
        Optional<Ipv4> publicIp = g.site().topology().publicIpOf(g.vpcId(), p.source());
        if (publicIp.isEmpty()) {
            String holder = g.site().topology().interfaceAt(g.vpcId(), p.source())
                    .map(eni -> " (" + eni.id() + ")").orElse("");
            return Step.drop(Codes.IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, "Internet gateway " + igw + " drops traffic from "
                    + p.source() + holder + ": it has no public IPv4 address or Elastic IP.", igw);
        }
        Packet translated = p.withSource(publicIp.get(), p.sourcePort());
        walk.translation(igw, "internet-gateway", "translate source", "1:1 NAT to the public IP",
                p.source() + " → " + publicIp.get());
        return new Step.Internet(translated, g.site().region());
    }

    Step in(Step.GatewayIn g, Walk walk) {
        Packet p = g.packet();
        String igw = g.igw().id();
        Optional<Topology.PublicMapping> mapping = g.site().topology().byPublicIp(p.destination())
                .filter(m -> m.eni().vpcId().equals(g.igw().attachedVpcId()));
        if (mapping.isEmpty()) {
            return Step.drop(Codes.IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, "Internet gateway " + igw + " only lets in "
                    + "traffic to a public IP associated with a private IP of " + g.igw().attachedVpcId() + "; "
                    + p.destination() + " is not one.", igw);
        }
        Topology.PublicMapping m = mapping.get();
        Packet translated = p.withDestination(m.privateIp(), p.destinationPort());
        walk.translation(igw, "internet-gateway", "translate destination", "1:1 NAT to the private IP",
                p.destination() + " → " + m.privateIp());
        Optional<NatGateway> nat = g.site().topology().natGatewayOf(m.eni());
        if (nat.isPresent()) {
            return new Step.ReturnThroughNat(g.site(), nat.get(), m.eni(), translated);
        }
        return new Step.Arrive(g.site(), m.eni(), translated, null);
    }

    static boolean isPrivate(Ipv4 address) {
        return RFC1918.stream().anyMatch(c -> c.contains(address));
    }
}
