package io.localvpc.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole simulated cloud: every account's regions, created on first use. A region starts as a
 * new AWS account's region does, filled by the registered {@link Seeder}s (the default VPC), and
 * that seeding is journalled like any other write. IAM lives in the pseudo-region {@code global}.
 */
public final class Cloud {
    public static final String GLOBAL = "global";

    /** Fills a brand-new region with what AWS gives every new account there. */
    @FunctionalInterface
    public interface Seeder {
        void seed(Tx tx, String accountId, String region);
    }

    /** Where each account and region's state comes from and goes to. */
    public record Key(String accountId, String region) {}

    private final Region.Journal journal;
    private final ConcurrentHashMap<Key, Region> regions = new ConcurrentHashMap<>();
    private final Map<Class<? extends Timed>, Timed.Evolution<? extends Timed>> evolutions = new LinkedHashMap<>();
    private final List<Seeder> seeders = new ArrayList<>();
    private final PublicIpPool publicIps = new PublicIpPool();

    public Cloud(Region.Journal journal) {
        this.journal = journal;
    }

    public <T extends Timed> void onDue(Class<T> type, Timed.Evolution<T> evolution) {
        evolutions.put(type, evolution);
    }

    public void onNewRegion(Seeder seeder) {
        seeders.add(seeder);
    }

    public PublicIpPool publicIps() {
        return publicIps;
    }

    /** Installs state loaded from disk; called before the first request. */
    public void restore(Key key, RegionState state) {
        regions.put(key, new Region(key.accountId(), key.region(), state, journal, evolutions));
        state.everything().forEach(publicIps::markUsedBy);
    }

    /** An account's region, seeded on first use. */
    public Region region(String accountId, String region, Instant now) {
        Region existing = regions.get(new Key(accountId, region));
        if (existing != null) {
            return existing;
        }
        return regions.computeIfAbsent(new Key(accountId, region), key -> {
            Region fresh = new Region(accountId, region, RegionState.EMPTY, journal, evolutions);
            if (!GLOBAL.equals(region)) {
                fresh.write(now, tx -> {
                    seeders.forEach(s -> s.seed(tx, accountId, region));
                    return null;
                });
            }
            return fresh;
        });
    }

    /** An account's region if it exists already; unlike {@link #region} it never creates (and so seeds) one. */
    public Optional<Region> existing(String accountId, String region) {
        return Optional.ofNullable(regions.get(new Key(accountId, region)));
    }

    /** An account's global (IAM) state. */
    public Region global(String accountId, Instant now) {
        return region(accountId, GLOBAL, now);
    }

    public Map<Key, RegionState> snapshot() {
        Map<Key, RegionState> all = new LinkedHashMap<>();
        regions.forEach((key, region) -> all.put(key, region.current()));
        return all;
    }
}
