package io.localvpc.service.ssm.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.http.MessageSocket;
import io.localvpc.service.ssm.session.channel.DataChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sessions whose data channel is alive in this process, by session id, with the token a
 * plugin must present to open it; and the door their WebSockets come in by
 * ({@code /v1/data-channel/<SessionId>}). A socket is bound to its session only once its first
 * text message, OpenDataChannel, carries the current token; a wrong one closes it.
 *
 * <p>One timer thread serves all channels: every {@value #TICK_MILLIS} ms it lets each channel
 * resend its oldest unacknowledged output if due, and lets the owner check that each session's
 * target still serves it (a stopped instance ends its sessions).
 */
final class LiveSessions implements MessageSocket.Router, AutoCloseable {
    static final String PATH_PREFIX = "/v1/data-channel/";
    static final int TICK_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One live session: its channel, where its target lives, and the token that opens it now. */
    static final class Live {
        final DataChannel channel;
        final String accountId;
        final String region;
        volatile String token;

        Live(DataChannel channel, String accountId, String region, String token) {
            this.channel = channel;
            this.accountId = accountId;
            this.region = region;
            this.token = token;
        }
    }

    private final ConcurrentHashMap<String, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ssm-data-channel-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts the timer; {@code targetCheck} is given every live session on each tick. */
    LiveSessions(Consumer<Live> targetCheck) {
        timer.scheduleWithFixedDelay(() -> tick(targetCheck), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Registers a new session's channel; answers the token its plugin must present. */
    String add(DataChannel channel, String accountId, String region) {
        String token = newToken();
        live.put(channel.sessionId(), new Live(channel, accountId, region, token));
        return token;
    }

    Optional<Live> find(String sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    /** A fresh token for a session still alive (ResumeSession); the old one stops working. */
    Optional<String> renewToken(String sessionId) {
        Live session = live.get(sessionId);
        if (session == null || session.channel.isClosed()) {
            return Optional.empty();
        }
        session.token = newToken();
        return Optional.of(session.token);
    }

    /** Ends a session's channel soon, on the timer thread (for callers that hold a region's lock). */
    void closeLater(String sessionId, String why) {
        if (live.containsKey(sessionId) && !timer.isShutdown()) {
            timer.execute(() -> find(sessionId).ifPresent(session -> session.channel.close(why)));
        }
    }

    /** Forgets a session whose channel has closed. */
    void remove(String sessionId) {
        live.remove(sessionId);
    }

    @Override
    public MessageSocket.Handler accept(String path, MessageSocket socket) {
        String sessionId = path.startsWith(PATH_PREFIX) ? path.substring(PATH_PREFIX.length()) : "";
        return new Connection(sessionId, socket);
    }

    /** One WebSocket: unbound until a valid OpenDataChannel, then a pipe into its session's channel. */
    private final class Connection implements MessageSocket.Handler {
        private final String sessionId;
        private final MessageSocket socket;
        private DataChannel channel;

        Connection(String sessionId, MessageSocket socket) {
            this.sessionId = sessionId;
            this.socket = socket;
        }

        @Override
        public void onText(String message) {
            if (channel != null) {
                return; // only the first text message opens the channel
            }
            Live session = live.get(sessionId);
            String token = tokenOf(message);
            if (session == null || token == null || !sameToken(token, session.token)) {
                socket.close(1008, "invalid session id or token");
                return;
            }
            channel = session.channel;
            channel.attach(socket);
        }

        @Override
        public void onBinary(byte[] message) {
            if (channel == null) {
                socket.close(1008, "the first message must be OpenDataChannel");
                return;
            }
            channel.onBinary(message);
        }

        @Override
        public void onClose(int statusCode, String reason) {
            if (channel != null) {
                channel.detach(socket);
            }
        }
    }

    private void tick(Consumer<Live> targetCheck) {
        long now = System.nanoTime();
        for (Live session : live.values()) {
            try {
                targetCheck.accept(session);
                session.channel.resendDue(now);
            } catch (RuntimeException e) {
                // One broken session must not stop the timer for the others.
                org.slf4j.LoggerFactory.getLogger(LiveSessions.class)
                        .warn("data channel of {} failed on a timer tick", session.channel.sessionId(), e);
            }
        }
    }

    private static String tokenOf(String openDataChannel) {
        try {
            JsonNode token = JSON.readTree(openDataChannel).get("TokenValue");
            return token == null || !token.isTextual() ? null : token.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean sameToken(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Stops the timer and ends every live session's channel. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (Live session : live.values()) {
            session.channel.close("LocalVPC stopped");
        }
        live.clear();
    }
}
