package io.localvpc.store;

import io.localvpc.model.Change;
import io.localvpc.model.Cloud;
import io.localvpc.model.RegionState;
import java.util.List;
import java.util.Map;

/** The {@code --ephemeral} store: state lives only as long as the process. */
public final class MemoryStore implements Store {
    @Override
    public void append(String accountId, String region, List<Change> changes) {}

    @Override
    public Map<Cloud.Key, RegionState> load() {
        return Map.of();
    }

    @Override
    public void close() {}
}
