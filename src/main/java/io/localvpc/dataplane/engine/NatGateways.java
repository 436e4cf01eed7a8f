package io.localvpc.dataplane.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The data-plane side of every NAT gateway: one {@link Translator} per gateway address and the
 * gateway's counters, kept across committed states (a session outlives any one snapshot) and
 * keyed by account, region and gateway id.
 */
public final class NatGateways {
    private record AddressKey(String accountId, String region, String natId, int privateIp) {}

    private record GatewayKey(String accountId, String region, String natId) {}

    /** Counters named after the gateway's CloudWatch metrics. */
    public static final class Counters {
        final AtomicLong connectionAttempts = new AtomicLong();
        final AtomicLong packetsDropped = new AtomicLong();
        final AtomicLong unsolicitedDropped = new AtomicLong();
        final AtomicLong portAllocationErrors = new AtomicLong();
        final AtomicLong crossAzPackets = new AtomicLong();
        final AtomicLong packetsOutToDestination = new AtomicLong();
        final AtomicLong packetsInFromDestination = new AtomicLong();
    }

    /** A gateway's counters at one moment. */
    public record Stats(
            long connectionAttempts,
            long packetsDropped,
            long unsolicitedInboundDropped,
            long errorPortAllocation,
            long idleTimeouts,
            long crossAzPackets,
            long packetsOutToDestination,
            long packetsInFromDestination,
            int activeConnections) {}

    private final IntFunction<Translator> newTranslator;
    private final Map<AddressKey, Translator> translators = new ConcurrentHashMap<>();
    private final Map<GatewayKey, Counters> counters = new ConcurrentHashMap<>();

    public NatGateways(IntFunction<Translator> newTranslator) {
        this.newTranslator = newTranslator;
    }

    Translator translator(Site site, String natId, int privateIp) {
        return translators.computeIfAbsent(new AddressKey(site.accountId(), site.region(), natId, privateIp),
                k -> newTranslator.apply(privateIp));
    }

    Counters counters(Site site, String natId) {
        return counters.computeIfAbsent(new GatewayKey(site.accountId(), site.region(), natId), k -> new Counters());
    }

    public Stats stats(String accountId, String region, String natId, long nowMillis) {
        Counters c = counters.getOrDefault(new GatewayKey(accountId, region, natId), new Counters());
        long idle = 0;
        int active = 0;
        for (Map.Entry<AddressKey, Translator> e : translators.entrySet()) {
            AddressKey k = e.getKey();
            if (k.accountId().equals(accountId) && k.region().equals(region) && k.natId().equals(natId)) {
                active += e.getValue().activeSessions(nowMillis);
                idle += e.getValue().idleTimeouts();
            }
        }
        return new Stats(c.connectionAttempts.get(), c.packetsDropped.get(), c.unsolicitedDropped.get(),
                c.portAllocationErrors.get(), idle, c.crossAzPackets.get(), c.packetsOutToDestination.get(),
                c.packetsInFromDestination.get(), active);
    }
}
