package io.localvpc.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.dataplane.HostView;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.shell.ExecResult;
import io.localvpc.dataplane.shell.Session;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.model.Cloud;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.time.SimClock;
import io.localvpc.wire.AwsHttpRequest;
import io.localvpc.wire.AwsHttpResponse;
import io.localvpc.wire.CallerIdentity;
import io.localvpc.wire.FormParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code POST /_localvpc/exec}: runs a command line on an instance's shell and answers what it
 * printed. Body: {@code {"instance": "i-… or Name tag", "command": "ping -c 4 8.8.8.8" or
 * ["ping", "-c", "4", "8.8.8.8"], "accountId"?, "region"?}}; account and region default to the
 * SigV4 {@code Authorization} header's, as for the AWS APIs. Answer: {@code {"stdout", "stderr",
 * "exitCode", "instanceId"}}. An unknown (or terminated) instance is 404, one that is not running
 * 409, and 503 while no simulated network is attached.
 */
public final class ExecEndpoint {
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final ObjectMapper mapper;
    private final JsonAnswers answers;
    private final SimClock clock;
    private final Cloud cloud;
    private final Supplier<Network> network;
    private final Shell shell;

    public ExecEndpoint(ObjectMapper mapper, SimClock clock, Cloud cloud, Supplier<Network> network, Shell shell) {
        this.mapper = mapper;
        this.answers = new JsonAnswers(mapper);
        this.clock = clock;
        this.cloud = cloud;
        this.network = network;
        this.shell = shell;
    }

    public AwsHttpResponse handle(AwsHttpRequest request) {
        JsonNode body;
        try {
            body = mapper.readTree(request.body().length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : request.body());
        } catch (JsonProcessingException e) {
            return answers.error(400, "InvalidRequest", "The body must be a JSON object: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return answers.error(400, "InvalidRequest", "The body could not be read: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return answers.error(400, "InvalidRequest", "The body must be a JSON object with \"instance\" and \"command\"");
        }
        String instance = text(body, "instance");
        if (instance == null || instance.isBlank()) {
            return answers.error(400, "MissingParameter", "\"instance\" (an instance ID or Name tag) is required");
        }
        String command = command(body.get("command"));
        if (command == null) {
            return answers.error(400, "MissingParameter", "\"command\" (a string, or an array of words) is required");
        }
        CallerIdentity caller = CallerIdentity.of(request, FormParams.parse(request.query()));
        String accountId = Optional.ofNullable(text(body, "accountId")).orElse(caller.accountId());
        String region = Optional.ofNullable(text(body, "region")).orElse(caller.region());
        Network net = network.get();
        if (net == null) {
            return answers.error(503, "DataPlaneUnavailable",
                    "No simulated network is attached to this LocalVPC, so commands cannot run on instances");
        }
        Instant now = clock.now();
        // An exec only reads: a region nobody has used yet has no instances, and must not be
        // created (and seeded) by asking, as the AWS APIs' cloud.region would.
        RegionState state = cloud.existing(accountId, region).map(r -> r.read(now)).orElse(null);
        Found found = state == null ? notFound(instance) : find(state, instance);
        if (found.error != null) {
            return found.error;
        }
        Instance target = found.instance;
        if (!"running".equals(target.state())) {
            return answers.error(409, "InvalidInstanceState", "Instance " + target.id() + " is " + target.state()
                    + ": commands run only on a running instance (SSM: Instances [[" + target.id()
                    + "]] not in a valid state for account " + accountId + ")");
        }
        Optional<HostView> host = net.host(accountId, region, target.id());
        if (host.isEmpty()) {
            return answers.error(404, "InvalidInstanceId.NotFound",
                    "Instance " + target.id() + " is not on the simulated network of " + accountId + "/" + region);
        }
        ExecResult result = shell.run(new Session(net, accountId, region, host.get(), now), command);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("instanceId", target.id());
        answer.put("stdout", result.stdout());
        answer.put("stderr", result.stderr());
        answer.put("exitCode", result.exitCode());
        return answers.json(200, answer);
    }

    private record Found(Instance instance, AwsHttpResponse error) {}

    private Found find(RegionState state, String wanted) {
        if (INSTANCE_ID.matcher(wanted).matches()) {
            return state.find(Instance.class, wanted)
                    .filter(i -> !"terminated".equals(i.state()))
                    .map(i -> new Found(i, null))
                    .orElseGet(() -> notFound(wanted));
        }
        List<Instance> named = state.idsTagged("Name", wanted).stream()
                .map(id -> state.find(Instance.class, id)).flatMap(Optional::stream)
                .filter(i -> !"terminated".equals(i.state()))
                .sorted(Comparator.comparing(Instance::id))
                .toList();
        if (named.isEmpty()) {
            return notFound(wanted);
        }
        List<Instance> running = named.stream().filter(i -> "running".equals(i.state())).toList();
        if (named.size() == 1 || running.size() == 1) {
            return new Found(running.size() == 1 ? running.get(0) : named.get(0), null);
        }
        return new Found(null, answers.error(400, "AmbiguousInstanceName", "Name tag '" + wanted + "' is on "
                + named.size() + " instances (" + String.join(", ", named.stream().map(Instance::id).toList())
                + "): give the instance ID"));
    }

    private Found notFound(String wanted) {
        return new Found(null, answers.error(404, "InvalidInstanceId.NotFound", INSTANCE_ID.matcher(wanted).matches()
                ? "The instance ID '" + wanted + "' does not exist"
                : "No instance has the ID or Name tag '" + wanted + "'"));
    }

    /** A string as is; an array of words quoted so the shell gets exactly those words back. */
    private static String command(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : node.asText();
        }
        if (node.isArray() && node.size() > 0) {
            List<String> words = new ArrayList<>();
            for (JsonNode word : node) {
                if (!word.isTextual()) {
                    return null;
                }
                String w = word.asText();
                words.add(PLAIN_WORD.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
            }
            return String.join(" ", words);
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
