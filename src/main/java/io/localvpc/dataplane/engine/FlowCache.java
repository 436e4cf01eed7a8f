package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.InternetHost;
import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.RegionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paths instances' flows took, decided against one committed {@link RegionState} and kept with
 * it ({@link RegionState#derived}): every write makes a new state and so starts an empty cache,
 * which is what guarantees that no decision survives a change of a route, rule, ACL or gateway.
 * What does change between packets of a flow without a new state (connection tracking, NAT
 * sessions, counters) is replayed by each path's {@link FlowEffect}s.
 */
final class FlowCache {
    /** Enough for every flow of a busy simulation; beyond it new flows just take the full walk. */
    static final int CAPACITY = 65_536;
    private static final Object DERIVED_KEY = new Object();

    record Key(String instanceId, Flow flow) {}

    /**
     * A decided path: the result every packet of the flow gets, the effects each must repeat, and
     * the internet host it reached (null for an interface), which must still be the one at that address.
     */
    record Path(Forwarded result, FlowEffect[] effects, InternetHost host) {
        Path(Forwarded result, List<FlowEffect> effects, InternetHost host) {
            this(result, effects.toArray(FlowEffect[]::new), host);
        }

        /**
         * What this packet of the flow gets from the cached path: the cached result with its effects
         * replayed, a reset where an effect says so, or null when the flow must take the full walk.
         */
        Forwarded replay(Instant now, SimulatedInternet internet) {
            if (host != null && internet.hostAt(host.address()) != host) {
                return null;
            }
            for (FlowEffect effect : effects) {
                FlowEffect.Replay replay = effect.repeat(now);
                if (replay == FlowEffect.Replay.RESET) {
                    return new Forwarded(Forwarded.Outcome.RESET, null, effect.resetReason());
                }
                if (replay == FlowEffect.Replay.WALK_AGAIN) {
                    return null;
                }
            }
            return result;
        }
    }

    private final Map<Key, Path> paths = new ConcurrentHashMap<>();

    static FlowCache of(RegionState state) {
        return state.derived(DERIVED_KEY, s -> new FlowCache());
    }

    Path get(Key key) {
        return paths.get(key);
    }

    void put(Key key, Path path) {
        if (paths.size() < CAPACITY) {
            paths.put(key, path);
        }
    }

    int size() {
        return paths.size();
    }
}
