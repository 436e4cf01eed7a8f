package io.localvpc.store;

import io.localvpc.model.Cloud;
import io.localvpc.model.Region;
import io.localvpc.model.RegionState;
import java.util.Map;

/**
 * Where the cloud's state lives between runs. {@link #append} must make a change durable before
 * it returns, because the response acknowledging it is sent right after.
 */
public interface Store extends Region.Journal, AutoCloseable {

    /** The state saved by earlier runs, per account and region. */
    Map<Cloud.Key, RegionState> load();

    @Override
    void close();
}
