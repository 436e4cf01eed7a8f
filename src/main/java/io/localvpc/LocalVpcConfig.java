package io.localvpc;

import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.time.SimClock;
import java.nio.file.Path;

/**
 * How to run one LocalVPC: where to listen, where state lives ({@code dataDir} null means memory
 * only), the clock, how long asynchronous state changes take, and the service quotas.
 */
public record LocalVpcConfig(String host, int port, Path dataDir, SimClock clock, Timings timings, Quotas quotas) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;

    /** An in-memory server on an ephemeral port with a frozen clock: what tests start. */
    public static LocalVpcConfig forTests(SimClock clock) {
        return new LocalVpcConfig(DEFAULT_HOST, 0, null, clock, Timings.DEFAULT, Quotas.DEFAULT);
    }

    public LocalVpcConfig withDataDir(Path dir) {
        return new LocalVpcConfig(host, port, dir, clock, timings, quotas);
    }

    public LocalVpcConfig withTimings(Timings newTimings) {
        return new LocalVpcConfig(host, port, dataDir, clock, newTimings, quotas);
    }
}
