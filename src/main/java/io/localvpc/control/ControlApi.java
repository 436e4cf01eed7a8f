package io.localvpc.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.dataplane.trace.Tracer;
import io.localvpc.time.SimClock;
import io.localvpc.wire.AwsHttpRequest;
import io.localvpc.wire.AwsHttpResponse;
import io.localvpc.wire.FormParams;
import java.time.Duration;
import java.util.List;

/**
 * LocalVPC's own endpoints under {@code /_localvpc/}: health, the simulated clock (so scripts
 * can move time on instead of waiting), and {@code exec} (a command on an instance's shell, see
 * {@link ExecEndpoint}). Not AWS APIs; they answer JSON.
 */
public final class ControlApi {
    public static final String PREFIX = "/_localvpc/";

    private final ObjectMapper mapper;
    private final JsonAnswers answers;
    private final SimClock clock;
    private final List<String> services;
    private final String version;
    private final Tracer tracer;
    private final ExecEndpoint exec;

    /**
     * @param tracer answers {@code POST /_localvpc/trace}
     * @param exec answers {@code POST /_localvpc/exec} (instance shells)
     */
    public ControlApi(ObjectMapper mapper, SimClock clock, List<String> services, String version, Tracer tracer,
            ExecEndpoint exec) {
        this.mapper = mapper;
        this.answers = new JsonAnswers(mapper);
        this.clock = clock;
        this.services = services;
        this.version = version;
        this.tracer = tracer;
        this.exec = exec;
    }

    public AwsHttpResponse handle(AwsHttpRequest request) {
        String path = request.path().substring(PREFIX.length());
        return switch (request.method() + " " + path) {
            case "GET health" -> answers.json(200, health());
            case "GET clock" -> answers.json(200, clockState());
            case "POST clock/advance" -> advance(FormParams.parse(request.query()));
            case "POST trace" -> trace(request);
            case "POST exec" -> exec.handle(request);
            default -> answers.error(404, "NotFound", "No such LocalVPC endpoint: " + request.method() + " " + request.path());
        };
    }

    private ObjectNode health() {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", "running");
        body.put("version", version);
        services.forEach(body.putArray("services")::add);
        return body;
    }

    private ObjectNode clockState() {
        ObjectNode body = mapper.createObjectNode();
        body.put("now", clock.now().toString());
        body.put("offsetSeconds", clock.offset().toMillis() / 1000.0);
        return body;
    }

    private AwsHttpResponse advance(FormParams params) {
        String seconds = params.get("seconds");
        try {
            double value = Double.parseDouble(seconds);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            clock.advance(Duration.ofMillis(Math.round(value * 1000)));
            return answers.json(200, clockState());
        } catch (NumberFormatException | NullPointerException e) {
            return answers.error(400, "InvalidParameterValue", "seconds must be a non-negative number, got " + seconds);
        } catch (ArithmeticException e) {
            return answers.error(400, "InvalidParameterValue", "seconds is more than the simulated clock can hold: " + seconds);
        }
    }

    /** {@code POST /_localvpc/trace}: a JSON {@link io.localvpc.dataplane.trace.TraceRequest} in, its report out. */
    private AwsHttpResponse trace(AwsHttpRequest request) {
        io.localvpc.dataplane.trace.TraceRequest traceRequest;
        try {
            traceRequest = mapper.readValue(request.body(), io.localvpc.dataplane.trace.TraceRequest.class);
        } catch (java.io.IOException e) {
            return answers.error(400, "InvalidRequest", "The body must be a JSON object with source and destination: "
                    + e.getMessage());
        }
        try {
            return answers.json(200, mapper.valueToTree(tracer.trace(traceRequest)));
        } catch (io.localvpc.dataplane.trace.Tracer.BadRequest e) {
            return answers.error(400, "InvalidParameterValue", e.getMessage());
        }
    }
}
