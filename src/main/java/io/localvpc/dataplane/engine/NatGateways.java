package io.localvpc.dataplane.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The data-plane side of every NAT gateway: one {@link Translator} over its addresses and the
 * gateway's counters, kept across committed states (a session outlives any one snapshot) and
 * keyed by account, region and gateway id.
 */
public final class NatGateways {
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

    /** A gateway's translator and the addresses it was made for (a new address set starts a new one). */
    private record Translation(int[] addresses, Translator translator) {}

    private final Function<int[], Translator> newTranslator;
    private final Map<GatewayKey, Translation> translators = new ConcurrentHashMap<>();
    private final Map<GatewayKey, Counters> counters = new ConcurrentHashMap<>();

    public NatGateways(Function<int[], Translator> newTranslator) {
        this.newTranslator = newTranslator;
    }

    /** The gateway's translator over {@code addresses} (primary first). */
    Translator translator(Site site, String natId, int[] addresses) {
        return translators.compute(new GatewayKey(site.accountId(), site.region(), natId), (k, current) ->
                current != null && java.util.Arrays.equals(current.addresses(), addresses)
                        ? current
                        : new Translation(addresses.clone(), newTranslator.apply(addresses))).translator();
    }

    Counters counters(Site site, String natId) {
        return counters.computeIfAbsent(new GatewayKey(site.accountId(), site.region(), natId), k -> new Counters());
    }

    public Stats stats(String accountId, String region, String natId, long nowMillis) {
        Counters c = counters.getOrDefault(new GatewayKey(accountId, region, natId), new Counters());
        long idle = 0;
        int active = 0;
        Translation translation = translators.get(new GatewayKey(accountId, region, natId));
        if (translation != null) {
            active = translation.translator().activeSessions(nowMillis);
            idle = translation.translator().idleTimeouts();
        }
        return new Stats(c.connectionAttempts.get(), c.packetsDropped.get(), c.unsolicitedDropped.get(),
                c.portAllocationErrors.get(), idle, c.crossAzPackets.get(), c.packetsOutToDestination.get(),
                c.packetsInFromDestination.get(), active);
    }
}
