package io.localvpc.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/**
 * Requests per second a concurrent AWS SDK v2 client gets from a running LocalVPC, for
 * DescribeVpcs, DescribeInstances (1,000 instances, filtered by tag) and CreateTags. Run through
 * {@code scripts/bench-api.sh}, which starts the server as its own process; prints one line per
 * operation with the median of the measured rounds, after a 30-second warm-up of both JVMs.
 *
 * <p>Arguments: endpoint [threads] [seconds per round] [rounds] [operations, comma-separated: vpcs,instances,tags].
 */
public final class ApiThroughputBenchmark {
    private static final String ACCOUNT = "999988887777";
    private static final double WARM_UP_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<String> operations = List.of((args.length > 4 ? args[4] : "vpcs,instances,tags").split(","));
        // One thread-safe client shared by all threads, on the SDK's default HTTP client, as an
        // application would use it.
        Ec2Client shared = Ec2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "secret")))
                .httpClient(Apache5HttpClient.builder().maxConnections(threads).build())
                .build();
        List<Ec2Client> clients = java.util.Collections.nCopies(threads, shared);
        Ec2Client seed = shared;
        String vpcId = seed.describeVpcs().vpcs().get(0).vpcId();
        List<String> instanceIds = operations.contains("instances") ? launchInstances(seed, 1000) : List.of();
        System.out.printf(Locale.ROOT, "seeded %d instances; %d client threads, %d rounds of %.1f s%n",
                instanceIds.size(), threads, rounds, seconds);

        if (operations.contains("vpcs")) {
            measure("DescribeVpcs", clients, seconds, rounds, (ec2, n) -> ec2.describeVpcs());
        }
        if (operations.contains("instances")) {
            measure("DescribeInstances (1,000 instances, tag filter)", clients, seconds, rounds,
                    (ec2, n) -> ec2.describeInstances(r -> r.filters(
                            Filter.builder().name("tag:Name").values("bench-" + (n % 1000)).build())));
        }
        if (operations.contains("tags")) {
            measure("CreateTags", clients, seconds, rounds, (ec2, n) -> ec2.createTags(
                    r -> r.resources(vpcId).tags(t -> t.key("k" + (n % 40)).value("v" + n))));
        }
        shared.close();
    }

    private static List<String> launchInstances(Ec2Client ec2, int count) {
        String imageId = ec2.describeImages(r -> r.owners("amazon")
                        .filters(f -> f.name("name").values("al2023-ami-*-x86_64")))
                .images().get(0).imageId();
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            int batch = Math.min(20, count - ids.size());
            ec2.runInstances(r -> r.imageId(imageId).instanceType(InstanceType.T3_NANO).minCount(batch).maxCount(batch))
                    .instances().forEach(i -> ids.add(i.instanceId()));
        }
        for (int i = 0; i < ids.size(); i++) {
            int n = i;
            ec2.createTags(r -> r.resources(ids.get(n)).tags(t -> t.key("Name").value("bench-" + n)));
        }
        return ids;
    }

    @FunctionalInterface
    interface Call {
        void run(Ec2Client ec2, long n);
    }

    private static void measure(String name, List<Ec2Client> clients, double seconds, int rounds, Call call)
            throws Exception {
        run(clients, WARM_UP_SECONDS, call); // both JVMs compile their hot paths first
        double[] rates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            rates[round] = run(clients, seconds, call);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-50s median %,8.0f req/s   (rounds: %s)%n", name, sorted[rounds / 2],
                Arrays.toString(Arrays.stream(rates).map(Math::round).toArray()));
    }

    private static double run(List<Ec2Client> clients, double seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (Ec2Client client : clients) {
            futures.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    call.run(client, n++);
                    done.increment();
                }
                return null;
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return done.sum() / elapsed;
    }
}
