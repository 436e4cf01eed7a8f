package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.model.ec2.VpcEndpoint;

/**
 * A gateway endpoint: the route table sent a packet for the service's prefix list here, and it goes
 * straight to the service over AWS's network (no public address needed, no NAT, no internet
 * gateway); the service's answer comes back the same way into the VPC.
 */
final class EndpointStage {
    static final double HOP_MILLIS = 0.2;

    private final Fabric fabric;

    EndpointStage(Fabric fabric) {
        this.fabric = fabric;
    }

    Step through(Step.ThroughGatewayEndpoint g, Walk walk) {
        VpcEndpoint endpoint = g.endpoint();
        Packet p = g.packet();
        walk.addLatency(HOP_MILLIS);
        if (g.outbound()) {
            InternetHost service = fabric.internet().hostAt(p.destination());
            walk.hop(endpoint.id(), "vpc-endpoint", "forward", "gateway endpoint to " + endpoint.serviceName()
                    + ": to " + service.label() + " over the AWS network");
            return new Step.ReachedService(g.site(), endpoint, service, p);
        }
        walk.hop(endpoint.id(), "vpc-endpoint", "return", "from " + endpoint.serviceName() + " into " + endpoint.vpcId());
        return g.site().topology().interfaceAt(endpoint.vpcId(), p.destination())
                .<Step>map(eni -> new Step.Arrive(g.site(), eni, p, null))
                .orElseGet(() -> Step.drop(Codes.NO_INTERFACE_AT_ADDRESS, "No network interface in " + endpoint.vpcId()
                        + " has the address " + p.destination() + ".", endpoint.vpcId()));
    }
}
