package io.localvpc.dataplane.engine;

import io.localvpc.model.Cloud;
import io.localvpc.model.Ipv4;
import io.localvpc.model.RegionState;
import io.localvpc.time.SimClock;
import java.time.Instant;
import java.util.Optional;

/**
 * Every account's region as the engine sees it now. Only regions that already exist are read: the
 * data plane never creates (and so seeds) one.
 */
public final class Sites {
    private final Cloud cloud;
    private final SimClock clock;

    public Sites(Cloud cloud, SimClock clock) {
        this.cloud = cloud;
        this.clock = clock;
    }

    public Optional<Site> site(String accountId, String region) {
        return state(accountId, region, clock.now()).map(state -> new Site(accountId, region, Topology.of(state)));
    }

    /** The committed state of an existing region as of {@code now}. */
    public Optional<RegionState> state(String accountId, String region, Instant now) {
        if (Cloud.GLOBAL.equals(region)) {
            return Optional.empty();
        }
        return cloud.existing(accountId, region).map(r -> r.read(now));
    }

    /** The site and interface address a LocalVPC public IP stands for, in any account and region. */
    public Optional<Located> publicIp(Ipv4 address) {
        for (Cloud.Key key : cloud.snapshot().keySet()) {
            Optional<Site> site = site(key.accountId(), key.region());
            if (site.isPresent()) {
                Optional<Topology.PublicMapping> mapping = site.get().topology().byPublicIp(address);
                if (mapping.isPresent()) {
                    return Optional.of(new Located(site.get(), mapping.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** A public IP found in a site. */
    public record Located(Site site, Topology.PublicMapping mapping) {}
}
