package io.localvpc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code localvpc exec [--endpoint URL] [--region R] INSTANCE -- COMMAND...}: runs a command on a
 * simulated instance's shell through {@code POST /_localvpc/exec}, prints what it printed on
 * stdout and stderr, and exits with its exit status. The words of COMMAND are joined with spaces
 * and parsed by the instance's shell, as {@code ssh HOST COMMAND...} does, so
 * {@code -- 'ping -c 1 8.8.8.8 && curl -s https://checkip.amazonaws.com'} runs both. Exit 2 when
 * LocalVPC cannot be reached or refuses the request.
 */
@Command(
        name = "exec",
        mixinStandardHelpOptions = true,
        description = "Run a command on an instance's shell (ping, curl, traceroute, dig, nslookup, ip, hostname, nc).")
public final class ExecCommand implements Callable<Integer> {
    static final int CLIENT_ERROR = 2;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "LocalVPC's endpoint (default: $AWS_ENDPOINT_URL, else " + ClientSettings.DEFAULT_ENDPOINT + ").")
    String endpoint;

    @Option(names = "--region", description = "Region (default: $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1).")
    String region;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance ID or Name tag.")
    String instance;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command line to run.")
    List<String> command;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    public ExecCommand() {
        this(System.getenv());
    }

    /** With a given environment instead of the process's (tests). */
    public ExecCommand(Map<String, String> env) {
        this.env = env;
    }

    /** This command on its own, reading options only up to the instance (what {@code localvpc exec} does). */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new ExecCommand(env)).setStopAtPositional(true);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientSettings settings;
        try {
            settings = ClientSettings.resolve(endpoint, region, env);
        } catch (IllegalArgumentException e) {
            err.println("localvpc exec: " + e.getMessage());
            err.flush();
            return CLIENT_ERROR;
        }
        List<String> words = !command.isEmpty() && command.get(0).equals("--") ? command.subList(1, command.size()) : command;
        if (words.isEmpty()) {
            err.println("localvpc exec: give the command to run after the instance, e.g. localvpc exec web -- ping -c 1 8.8.8.8");
            err.flush();
            return CLIENT_ERROR;
        }
        ObjectNode body = ControlClient.json().createObjectNode()
                .put("instance", instance)
                .put("command", String.join(" ", words))
                .put("accountId", settings.accountId())
                .put("region", settings.region());
        ControlClient.Answer response;
        try {
            response = ControlClient.post(settings, "/_localvpc/exec", body, Duration.ofMinutes(5));
        } catch (ConnectException e) {
            return unreachable(err, settings, "connection refused");
        } catch (IOException e) {
            return unreachable(err, settings, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(err, settings, "interrupted");
        }
        JsonNode answer = response.json();
        if (response.status() != 200 || answer == null || !answer.has("exitCode")) {
            String message = answer != null && answer.hasNonNull("message")
                    ? answer.get("message").asText()
                    : "HTTP " + response.status() + " from " + settings.endpoint() + ": " + response.raw();
            err.println("localvpc exec: " + message);
            err.flush();
            return CLIENT_ERROR;
        }
        out.print(answer.path("stdout").asText(""));
        out.flush();
        err.print(answer.path("stderr").asText(""));
        err.flush();
        return answer.get("exitCode").asInt();
    }

    private static int unreachable(PrintWriter err, ClientSettings settings, String why) {
        err.println("localvpc exec: cannot reach LocalVPC at " + settings.endpoint() + " (" + why
                + "). Is it running? Point to it with --endpoint or AWS_ENDPOINT_URL.");
        err.flush();
        return CLIENT_ERROR;
    }
}
