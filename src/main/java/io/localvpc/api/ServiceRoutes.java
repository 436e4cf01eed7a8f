package io.localvpc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One service's operations: a table of action name to typed handler, one line per operation.
 * The action name is the SDK request class's name without {@code Request}, which is how AWS names
 * the operation on every protocol.
 */
public final class ServiceRoutes {

    /** A typed operation: the SDK request in, the SDK response out, or an {@link AwsException}. */
    @FunctionalInterface
    public interface Handler<Q, R> {
        R handle(RequestContext context, Q request);
    }

    /** One registered operation. */
    public record Route(String action, Class<?> requestType, Handler<Object, Object> handler) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public <Q, R> ServiceRoutes on(Class<Q> requestType, Handler<Q, R> handler) {
        String simple = requestType.getSimpleName();
        if (!simple.endsWith("Request")) {
            throw new IllegalArgumentException("not an SDK request type: " + requestType.getName());
        }
        String action = simple.substring(0, simple.length() - "Request".length());
        if (routes.putIfAbsent(action, new Route(action, requestType, (Handler<Object, Object>) handler)) != null) {
            throw new IllegalStateException("two handlers for " + action);
        }
        return this;
    }

    public ServiceRoutes include(ServiceRoutes other) {
        other.routes.values().forEach(r -> {
            if (routes.putIfAbsent(r.action(), r) != null) {
                throw new IllegalStateException("two handlers for " + r.action());
            }
        });
        return this;
    }

    public Optional<Route> find(String action) {
        return Optional.ofNullable(routes.get(action));
    }

    public Map<String, Route> all() {
        return Collections.unmodifiableMap(routes);
    }
}
