package io.localvpc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.dataplane.trace.TraceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code localvpc trace SOURCE DESTINATION}: asks a running LocalVPC to send one packet and prints
 * its walk hop by hop, ending with {@code reachable} (exit 0) or {@code not reachable: CODE
 * explanation} (exit 1); a request LocalVPC cannot answer exits 2.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace a packet hop by hop between instances (id or Name tag), IPs, host names or 'internet'.")
public final class TraceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "Instance id, Name tag, IP, or internet.")
    String source;

    @Parameters(index = "1", paramLabel = "DESTINATION", description = "Instance id, Name tag, IP, host name, or internet.")
    String destination;

    @Option(names = "--protocol", description = "tcp, udp or icmp (default: icmp, or tcp when --port is given).")
    String protocol;

    @Option(names = "--port", description = "Destination port for tcp and udp (default: 443 for tcp, 53 for udp).")
    Integer port;

    @Option(names = "--endpoint", description = "LocalVPC endpoint (default: $AWS_ENDPOINT_URL, else http://localhost:4566).")
    String endpoint;

    @Option(names = "--region", description = "Region (default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1).")
    String region;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    public TraceCommand() {
        this(System.getenv());
    }

    /** With a given environment instead of the process's (tests). */
    public TraceCommand(Map<String, String> env) {
        this.environment = env;
    }

    /** This command on its own, with a given environment (what tests run in-process). */
    public static picocli.CommandLine commandLine(Map<String, String> env) {
        return new picocli.CommandLine(new TraceCommand(env));
    }

    @Override
    public Integer call() throws InterruptedException {
        ClientSettings settings = ClientSettings.resolve(endpoint, region, environment);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode body = ControlClient.json().createObjectNode()
                .put("accountId", settings.accountId())
                .put("region", settings.region())
                .put("source", source)
                .put("destination", destination)
                .put("protocol", protocol);
        if (port != null) {
            body.put("port", port);
        }
        ControlClient.Answer response;
        try {
            response = ControlClient.post(settings, "/_localvpc/trace", body, Duration.ofSeconds(30));
        } catch (IOException e) {
            err.println("localvpc trace: cannot reach LocalVPC at " + settings.endpoint() + ": " + e.getMessage());
            return 2;
        }
        JsonNode answer = response.json();
        if (response.status() != 200 || answer == null) {
            err.println("localvpc trace: " + (answer == null ? "HTTP " + response.status() + ": " + response.raw()
                    : answer.path("error").asText("error") + ": " + answer.path("message").asText()));
            return 2;
        }
        TraceText.lines(answer).forEach(out::println);
        out.flush();
        return answer.path("reachable").asBoolean() ? 0 : 1;
    }
}
