package io.localvpc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.dataplane.trace.TraceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private Map<String, String> environment = System.getenv();

    /** Replaces the environment the settings come from (for running the command in-process). */
    public TraceCommand environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        ClientSettings settings = ClientSettings.resolve(endpoint, region, environment);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode body = mapper.createObjectNode()
                .put("accountId", settings.accountId())
                .put("region", settings.region())
                .put("source", source)
                .put("destination", destination)
                .put("protocol", protocol);
        if (port != null) {
            body.put("port", port);
        }
        JsonNode answer;
        int status;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(settings.resolvePath("/_localvpc/trace"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = mapper.readTree(response.body());
        } catch (IOException e) {
            err.println("localvpc trace: cannot reach LocalVPC at " + settings.endpoint() + ": " + e.getMessage());
            return 2;
        }
        if (status != 200) {
            err.println("localvpc trace: " + answer.path("error").asText("error") + ": " + answer.path("message").asText());
            return 2;
        }
        TraceText.lines(answer).forEach(out::println);
        out.flush();
        return answer.path("reachable").asBoolean() ? 0 : 1;
    }
}
