package io.localvpc.service.ssm.instances;

import io.localvpc.api.RequestContext;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ssm.ManagedInstance;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ssm.agent.AgentPresence;
import io.localvpc.service.ssm.agent.SsmAgents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Systems Manager's fleet of one region: which EC2 instances are managed, and whether each agent
 * is online now. An agent registers the first time it is seen online (any SSM request that looks
 * at the fleet records it; the simulated agent needs nobody to watch it to be online, but its
 * registration is only written when someone asks). Once registered an instance stays managed
 * while it exists, Online while {@link SsmAgents} says its agent reaches Systems Manager and
 * ConnectionLost otherwise; a terminated instance drops out, as on AWS (the Inactive ping status
 * is no longer used for EC2 instances).
 */
public final class ManagedInstances {
    /** How often a real agent reports in; LastPingDateTime of an online agent is refreshed this often in the store. */
    static final Duration PING_INTERVAL = Duration.ofMinutes(5);

    private final CloudAccess cloud;
    private final SsmAgents agents;

    public ManagedInstances(CloudAccess cloud, SsmAgents agents) {
        this.cloud = cloud;
        this.agents = agents;
    }

    public SsmAgents agents() {
        return agents;
    }

    /**
     * One managed instance as of a request.
     *
     * @param registration its registration (written first if this look found the agent online for the first time)
     * @param presence what keeps the agent offline, if anything
     */
    public record Managed(Instance instance, ManagedInstance registration, AgentPresence presence) {
        public boolean online() {
            return presence.online();
        }

        public String pingStatus() {
            return online() ? "Online" : "ConnectionLost";
        }

        /** Now while the agent is online (it just reported), else the last time it was seen online. */
        public Instant lastPing(Instant now) {
            return online() ? now : registration.lastPingAt();
        }
    }

    /** Every managed instance of the caller's region, in instance id order. */
    public List<Managed> all(RequestContext ctx) {
        RegionState state = cloud.read(ctx);
        return observe(ctx, state, state.all(Instance.class));
    }

    /** The instance if it exists, is not terminated and is managed. */
    public Optional<Managed> find(RequestContext ctx, String instanceId) {
        RegionState state = cloud.read(ctx);
        return state.find(Instance.class, instanceId)
                .flatMap(instance -> observe(ctx, state, List.of(instance)).stream().findFirst());
    }

    private List<Managed> observe(RequestContext ctx, RegionState state, java.util.Collection<Instance> instances) {
        Instant now = ctx.now();
        List<Managed> managed = new ArrayList<>();
        List<ManagedInstance> writes = new ArrayList<>();
        List<ManagedInstance> stale = new ArrayList<>();
        for (Instance instance : instances) {
            ManagedInstance registration = state.find(ManagedInstance.class, instance.id()).orElse(null);
            if (instance.state().equals("terminated")) {
                if (registration != null) {
                    stale.add(registration);
                }
                continue;
            }
            AgentPresence presence = agents.presence(ctx.accountId(), ctx.region(), instance, now);
            if (presence.online()) {
                String hostname = presence.hostname();
                if (registration == null) {
                    registration = new ManagedInstance(instance.id(), now, now, hostname);
                    writes.add(registration);
                } else if (!now.isBefore(registration.lastPingAt().plus(PING_INTERVAL))
                        || !java.util.Objects.equals(hostname, registration.computerName())) {
                    registration = registration.pingedAt(now, hostname);
                    writes.add(registration);
                }
            }
            if (registration != null) {
                managed.add(new Managed(instance, registration, presence));
            }
        }
        if (!writes.isEmpty() || !stale.isEmpty()) {
            cloud.write(ctx, tx -> {
                writes.forEach(tx::put);
                stale.forEach(tx::remove);
                return null;
            });
        }
        managed.sort(Comparator.comparing(m -> m.instance().id()));
        return managed;
    }
}
