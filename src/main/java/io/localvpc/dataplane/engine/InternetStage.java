package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.dataplane.internet.RoundTripTimes;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.InternetGateway;
import java.util.List;
import java.util.Optional;

/**
 * The internet between gateways and hosts: a packet to a public IP of any LocalVPC interface (any
 * account, any region) goes to that VPC's internet gateway; anything else to the simulated
 * internet host at that address, through the routers on the way, each taking one from the TTL.
 */
final class InternetStage {
    private final Fabric fabric;

    InternetStage(Fabric fabric) {
        this.fabric = fabric;
    }

    Step forward(Step.Internet i, Walk walk) {
        Packet p = i.packet();
        if (GatewayStage.isPrivate(p.destination())) {
            return Step.drop(Codes.NO_ROUTE_TO_DESTINATION, "The internet does not route the private address "
                    + p.destination() + ".", "internet");
        }
        Optional<Sites.Located> local = fabric.sites().publicIp(p.destination());
        if (local.isPresent()) {
            Site site = local.get().site();
            String vpcId = local.get().mapping().eni().vpcId();
            Optional<InternetGateway> igw = site.topology().internetGatewayOf(vpcId);
            if (igw.isEmpty()) {
                return Step.drop(Codes.NO_ROUTE_TO_DESTINATION, p.destination() + " belongs to " + vpcId
                        + ", which has no internet gateway attached.", vpcId);
            }
            walk.hop("internet", "internet", "forward", "to " + p.destination() + ", a public IP in account "
                    + site.accountId() + " " + site.region());
            walk.addLatency(RoundTripTimes.millis(site.region(), i.fromLocation()) / 2);
            return new Step.GatewayIn(site, igw.get(), p);
        }
        InternetHost host = fabric.internet().hostAt(p.destination());
        List<Ipv4> routers = fabric.internet().pathTo(i.fromLocation(), host);
        Packet moving = p;
        for (Ipv4 router : routers) {
            if (moving.ttl() <= 1) {
                return new Step.TtlExceeded(router, moving);
            }
            moving = moving.decrementTtl();
        }
        walk.hop("internet", "internet", "forward", "via " + routers.size() + " routers to " + host.label());
        walk.addLatency(RoundTripTimes.millis(i.fromLocation(), host.location()) / 2);
        return new Step.ReachedHost(host, moving);
    }
}
