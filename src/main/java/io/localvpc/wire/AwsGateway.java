package io.localvpc.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.time.SimClock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS front of LocalVPC: finds the service a request is for, lets its protocol read the typed
 * request, calls the handler and renders the answer. Handlers never see HTTP; the protocols never
 * see resources.
 */
public final class AwsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(AwsGateway.class);

    /** The rendered answer plus what the access log names. */
    public record Outcome(AwsHttpResponse response, String service, String action) {}

    private final Map<String, Entry> bySigningName = new LinkedHashMap<>();
    private final Map<String, Entry> byVersion = new LinkedHashMap<>();
    private final Map<String, Entry> byTargetPrefix = new LinkedHashMap<>();
    private final SimClock clock;

    private record Entry(ServiceDescriptor service, WireProtocol protocol, RequiredMembers required) {}

    public AwsGateway(List<ServiceDescriptor> services, SimClock clock, ObjectMapper mapper) {
        this.clock = clock;
        for (ServiceDescriptor service : services) {
            WireProtocol protocol = switch (service.protocol()) {
                case EC2_QUERY, AWS_QUERY -> FormProtocol.forService(service);
                case JSON_1_0, JSON_1_1 -> new JsonProtocol(service, mapper);
            };
            Entry entry = new Entry(service, protocol, RequiredMembers.forService(service.signingName()));
            bySigningName.put(service.signingName(), entry);
            if (service.apiVersion() != null) {
                byVersion.put(service.apiVersion(), entry);
            }
            if (service.jsonTargetPrefix() != null) {
                byTargetPrefix.put(service.jsonTargetPrefix(), entry);
            }
        }
    }

    public List<String> serviceNames() {
        return List.copyOf(bySigningName.keySet());
    }

    public Outcome handle(AwsHttpRequest http) {
        String requestId = requestId();
        FormParams form;
        try {
            form = readForm(http);
        } catch (WireFormatException e) {
            return new Outcome(plainError(400, "MalformedQueryString", e.getMessage()), "unknown", null);
        }
        CallerIdentity caller = CallerIdentity.of(http, form);
        Entry entry = route(http, form, caller);
        if (entry == null) {
            return new Outcome(
                    plainError(400, "UnknownService", "LocalVPC does not serve this service: "
                            + (caller.signingName() == null ? "(unsigned request)" : caller.signingName())),
                    caller.signingName() == null ? "unknown" : caller.signingName(),
                    null);
        }
        WireProtocol protocol = entry.protocol();
        String action = protocol.actionOf(http, form);
        String service = entry.service().signingName();
        try {
            WireProtocol.Call call = parse(protocol, http, form);
            String missing = entry.required().firstMissing(call.route().action(), call.request());
            if (missing != null) {
                throw protocol.missingParameter(missing);
            }
            RequestContext context = new RequestContext(caller.accountId(), caller.region(), requestId, clock.now(),
                    http.header("host"));
            Object response = call.route().handler().handle(context, call.request());
            return new Outcome(protocol.success(call.route().action(), response, requestId), service, action);
        } catch (AwsException e) {
            return new Outcome(protocol.error(e, requestId), service, action);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly (request {})", service, action, requestId, e);
            AwsException internal = new AwsException(
                    "InternalError", "An internal error has occurred. Request id " + requestId, 500);
            return new Outcome(protocol.error(internal, requestId), service, action);
        }
    }

    /** A random request id in UUID form; not security-sensitive, so no SecureRandom on the hot path. */
    private static String requestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & ~(3L << 62)) | (2L << 62))
                .toString();
    }

    private static WireProtocol.Call parse(WireProtocol protocol, AwsHttpRequest http, FormParams form) {
        try {
            return protocol.parse(http, form);
        } catch (QueryShapeReader.InvalidValueException e) {
            throw protocol.invalidValue(e);
        } catch (WireFormatException e) {
            throw protocol.malformed(e.getMessage());
        }
    }

    private static FormParams readForm(AwsHttpRequest http) {
        String contentType = http.header("content-type");
        boolean form = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return form ? FormParams.parse(http.query(), http.bodyText()) : FormParams.parse(http.query());
    }

    private Entry route(AwsHttpRequest http, FormParams form, CallerIdentity caller) {
        if (caller.signingName() != null && bySigningName.containsKey(caller.signingName())) {
            return bySigningName.get(caller.signingName());
        }
        String target = http.header("x-amz-target");
        if (target != null && target.contains(".")) {
            return byTargetPrefix.get(target.substring(0, target.lastIndexOf('.')));
        }
        String version = form.get("Version");
        return version == null ? null : byVersion.get(version);
    }

    private static AwsHttpResponse plainError(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + escape(message) + "</Message></Error></ErrorResponse>";
        return new AwsHttpResponse(status, "text/xml;charset=UTF-8", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
