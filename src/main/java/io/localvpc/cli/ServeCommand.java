package io.localvpc.cli;

import io.localvpc.LocalVpc;
import io.localvpc.LocalVpcConfig;
import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.time.SimClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localvpc serve}: run the emulator until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the AWS APIs and the simulated network.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host = LocalVpcConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = LocalVpcConfig.DEFAULT_PORT;

    @Option(names = "--data-dir", description = "Where state is kept across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(".localvpc");

    @Option(names = "--ephemeral", description = "Keep state in memory only.")
    boolean ephemeral;

    @Option(
            names = "--state-delay",
            description = "How long pending→available and similar changes take, e.g. 1s, 0s, 2m (default: ${DEFAULT-VALUE}).")
    String stateDelay = "1s";

    @Option(
            names = "--quota",
            description = "Raise service quotas, e.g. instances=1000,vpcs=20,elastic-ips=10,nat-gateways=10 "
                    + "(AWS's defaults for a new account otherwise).")
    String quotas = "";

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        Timings timings = Timings.withStateChange(parseDuration(stateDelay));
        LocalVpcConfig config = new LocalVpcConfig(
                host, port, ephemeral ? null : dataDir, SimClock.system(), timings, Quotas.DEFAULT.with(quotas));
        LocalVpc localVpc = LocalVpc.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            localVpc.close();
            stopped.countDown();
        }, "localvpc-shutdown"));
        System.err.printf("LocalVPC %s listening on %s (%s) in %d ms%n", LocalVpc.VERSION, localVpc.endpoint(),
                ephemeral ? "in-memory state" : "state in " + dataDir.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        stopped.await();
        return 0;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("not a duration: " + text + " (use 500ms, 1s, 2m)");
        };
    }
}
