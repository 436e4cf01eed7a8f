package io.localvpc.bench;

import io.localvpc.testing.DataChannelClient;
import io.localvpc.testing.HandsOnTopology;
import io.localvpc.testing.LocalVpcServer;
import io.localvpc.testing.SsmInstanceProfile;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;

/**
 * What a learner waits for on the SSM path, measured on the hands-on topology with a LocalVPC in
 * this JVM (frozen clock; every figure is wall time on the machine, not simulated time): opening a
 * Session Manager shell up to its prompt, a keystroke's echo, a whole command line ({@code ping -c 2
 * 8.8.8.8}, walked through the NAT gateway) back to the prompt, and the API calls that judge the
 * agent (DescribeInstanceInformation walks three HTTPS probes per instance) and send a command.
 * Run through {@code scripts/bench-ssm.sh}; prints the median of each.
 */
public final class SsmBenchmark {
    private static final String ACCOUNT = "111122223333";
    private static final String PROMPT = "sh-4.2$ ";

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        LocalVpcServer server = new LocalVpcServer();
        server.start();
        try (SsmClient ssm = server.ssm(ACCOUNT)) {
            HandsOnTopology topology = HandsOnTopology.build(server, ACCOUNT);
            String profile = SsmInstanceProfile.create(server.iam(ACCOUNT));
            topology.ec2().associateIamInstanceProfile(r -> r.instanceId(topology.privateInstance())
                    .iamInstanceProfile(p -> p.name(profile)));
            String instance = topology.privateInstance();

            report("DescribeInstanceInformation (1 managed instance)", repeats * 5,
                    timed(() -> ssm.describeInstanceInformation(r -> r.maxResults(50))));
            report("SendCommand (ping -c 4 8.8.8.8, run at delivery)", repeats,
                    timed(() -> ssm.sendCommand(r -> r.documentName("AWS-RunShellScript").instanceIds(instance)
                            .parameters(java.util.Map.of("commands", java.util.List.of("ping -c 4 8.8.8.8"))))));
            report("StartSession to the first prompt", repeats / 4, timed(() -> openShell(ssm, instance).close()));

            DataChannelClient shell = openShell(ssm, instance);
            report("keystroke to its echo", repeats * 5, timed(() -> {
                shell.type("x");
                readUntil(shell, "x");
            }));
            shell.type("\u0015"); // Ctrl-U: drop the typed x's
            report("'ping -c 2 8.8.8.8' + Enter to the next prompt", repeats, timed(() -> {
                shell.type("ping -c 2 8.8.8.8\r");
                readUntil(shell, PROMPT);
            }));
            shell.close();
        } finally {
            server.stop();
        }
    }

    private static DataChannelClient openShell(SsmClient ssm, String instance) {
        StartSessionResponse started = ssm.startSession(r -> r.target(instance));
        DataChannelClient client = DataChannelClient.connect(started.streamUrl());
        client.open(started.tokenValue());
        client.handshake();
        client.sendSize();
        readUntil(client, PROMPT);
        return client;
    }

    /** Reads and acknowledges output until the text ends with {@code end}. */
    private static void readUntil(DataChannelClient client, String end) {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith(end)) {
            DataChannelClient.Frame frame = client.next();
            if (frame.type().equals("output_stream_data")) {
                client.ack(frame);
                text.append(frame.text());
            }
        }
    }

    /** One timed run of {@code work}, in nanoseconds. */
    private static LongSupplier timed(Runnable work) {
        return () -> {
            long t0 = System.nanoTime();
            work.run();
            return System.nanoTime() - t0;
        };
    }

    /** Runs {@code run} a tenth of {@code count} times to warm up, then {@code count} times; prints the median. */
    private static void report(String what, int count, LongSupplier run) {
        for (int i = 0; i < Math.max(1, count / 10); i++) {
            run.getAsLong();
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = run.getAsLong();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-55s median %8.3f ms  (p90 %.3f ms, n=%d)%n", what, nanos[count / 2] / 1e6,
                nanos[count * 9 / 10] / 1e6, count);
    }
}
