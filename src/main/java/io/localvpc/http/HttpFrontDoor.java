package io.localvpc.http;

import io.localvpc.wire.AwsHttpRequest;
import io.localvpc.wire.AwsHttpResponse;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The one port LocalVPC listens on. This is the only class that knows Jetty: it turns each HTTP
 * exchange into an {@link AwsHttpRequest} and hands it to the router, which decides between the
 * AWS APIs and the {@code /_localvpc} control endpoints; and it upgrades Session Manager's data
 * channel to a WebSocket on the same port ({@link JettyMessageSocket} adapts Jetty's sockets).
 */
public final class HttpFrontDoor implements AutoCloseable {

    /** Whatever answers requests behind the door. */
    @FunctionalInterface
    public interface Router {
        AwsHttpResponse route(AwsHttpRequest request);
    }

    private final Server server;
    private final ServerConnector connector;

    /** WebSocket limits: the session-manager-plugin pings only every 5 minutes, and output may come in large messages. */
    static final java.time.Duration SOCKET_IDLE_TIMEOUT = java.time.Duration.ofMinutes(15);
    static final long MAX_SOCKET_MESSAGE = 4L * 1024 * 1024;

    /** A door for plain HTTP only. */
    public HttpFrontDoor(String host, int port, Router router) {
        this(host, port, router, null, null);
    }

    /**
     * A door that also upgrades {@code GET <socketPrefix>...} to WebSockets handed to
     * {@code sockets} (Session Manager's data channel); every other request goes to {@code router}.
     */
    public HttpFrontDoor(String host, int port, Router router, String socketPrefix, MessageSocket.Router sockets) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("localvpc-http");
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        // Clients such as the Terraform provider keep connections idle between plan steps.
        connector.setIdleTimeout(120_000);
        server.addConnector(connector);
        Handler api = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                AwsHttpResponse answer = router.route(toAwsRequest(request));
                response.setStatus(answer.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
                answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                response.write(true, ByteBuffer.wrap(answer.body()), callback);
                return true;
            }
        };
        if (sockets == null) {
            server.setHandler(api);
        } else {
            // Requests that are not upgrades to a mapped path pass through to the API handler.
            WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
                container.setIdleTimeout(SOCKET_IDLE_TIMEOUT);
                container.setMaxBinaryMessageSize(MAX_SOCKET_MESSAGE);
                container.setMaxTextMessageSize(MAX_SOCKET_MESSAGE);
                container.addMapping(socketPrefix + "*", (upgrade, upgradeResponse, upgradeCallback) ->
                        new JettyMessageSocket(upgrade.getHttpURI().getPath(), sockets));
            });
            upgrades.setHandler(api);
            server.setHandler(upgrades);
        }
    }

    private static AwsHttpRequest toAwsRequest(Request request) throws java.io.IOException {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName().toLowerCase(Locale.ROOT), field.getValue(), (a, b) -> a + "," + b);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        String query = request.getHttpURI().getQuery();
        return new AwsHttpRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query,
                headers, body);
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + connector.getHost() + ":" + connector.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP server", e);
        }
    }
}
