package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.Trace;
import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.VpcEndpoint;

/**
 * Where a packet is in its walk, as data: each stage takes one step and returns the next, until a
 * terminal step (delivered to an interface or an internet host, dropped with a reason, or out of
 * TTL at a hop).
 */
public sealed interface Step {

    /** Leaving an interface: its groups' egress, its subnet's ACL outbound, then its route table. */
    record Send(Site site, NetworkInterface eni, Packet packet) implements Step {}

    /** At the VPC router of {@code subnet}: the subnet's route table decides the next hop. */
    record Route(Site site, Subnet subnet, Packet packet) implements Step {}

    /** Arriving at an interface from {@code fromSubnet} (null: from outside the VPC). */
    record Arrive(Site site, NetworkInterface eni, Packet packet, Subnet fromSubnet) implements Step {}

    /** Arriving at a NAT gateway from an instance's subnet: translate and send on. */
    record EnterNat(Site site, NatGateway nat, Packet packet, Subnet fromSubnet, String fromZone) implements Step {}

    /** A reply from the internet gateway arriving at a NAT gateway's address: translate back. */
    record ReturnThroughNat(Site site, NatGateway nat, NetworkInterface eni, Packet packet) implements Step {}

    /** At an internet gateway on the way out: private source to its public IP. */
    record GatewayOut(Site site, InternetGateway igw, String vpcId, Packet packet) implements Step {}

    /** At an internet gateway on the way in: public destination to its private IP. */
    record GatewayIn(Site site, InternetGateway igw, Packet packet) implements Step {}

    /**
     * On the internet, heading for {@code packet.destination()}, having entered it at
     * {@code fromLocation} (a region, or an internet host's location).
     */
    record Internet(Packet packet, String fromLocation) implements Step {}

    /**
     * At a gateway endpoint: {@code outbound} from the VPC to the AWS service it serves, or back
     * from the service into the VPC. Traffic through it never touches the internet gateway or a NAT.
     */
    record ThroughGatewayEndpoint(Site site, VpcEndpoint endpoint, Packet packet, boolean outbound) implements Step {}

    /** Marks the steps that end a walk. */
    sealed interface Terminal extends Step {}

    record Delivered(Site site, NetworkInterface eni, Packet packet) implements Terminal {}

    record ReachedHost(InternetHost host, Packet packet) implements Terminal {}

    /** At an AWS service's endpoint ({@code host}), reached through the gateway endpoint {@code endpoint} of {@code site}. */
    record ReachedService(Site site, VpcEndpoint endpoint, InternetHost host, Packet packet) implements Terminal {}

    record Dropped(Trace.Explanation why) implements Terminal {}

    record TtlExceeded(Ipv4 hop, Packet packet) implements Terminal {}

    /** A hop on the way answered the sender with a TCP RST (a NAT gateway on an idled-out connection). */
    record Reset(Ipv4 by, Trace.Explanation why) implements Terminal {}

    static Dropped drop(String code, String message, String resourceId) {
        return new Dropped(new Trace.Explanation(code, message, resourceId));
    }
}
