package io.localvpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client half of Session Manager's data channel, as the session-manager-plugin plays it,
 * written for tests from the protocol notes (docs/research) with the JDK's WebSocket client and
 * its own frame codec, so that it checks the server rather than mirrors it: OpenDataChannel as
 * text, then binary ClientMessages (120-byte big-endian header, HeaderLength 116, space-padded
 * MessageType, MessageId halves swapped, SHA-256 payload digest).
 */
public final class DataChannelClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final int OUTPUT = 1;
    public static final int SIZE = 3;
    public static final int HANDSHAKE_REQUEST = 5;
    public static final int HANDSHAKE_RESPONSE = 6;
    public static final int HANDSHAKE_COMPLETE = 7;

    /** One frame from the server, decoded field by field, with its raw bytes. */
    public record Frame(byte[] raw, int headerLength, String type, int schemaVersion, long createdDate, long seq,
            long flags, UUID messageId, byte[] digest, int payloadType, int payloadLength, byte[] payload) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public boolean digestMatches() {
            return Arrays.equals(digest, sha256(payload));
        }

        @Override
        public String toString() {
            return type + " seq=" + seq + " pt=" + payloadType + " " + text();
        }
    }

    /** How the socket ended, if it did. */
    public record Closed(int statusCode, String reason) {}

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    /** Every output frame seen, by sequence number. */
    private final java.util.Map<Long, byte[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final WebSocket socket;
    private java.util.concurrent.CompletableFuture<?> lastSend = java.util.concurrent.CompletableFuture.completedFuture(null);
    /** The plugin's counter for its sequenced messages: it survives a reconnect. */
    private long nextInput;

    private DataChannelClient(URI streamUrl, long nextInput) {
        this.nextInput = nextInput;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(streamUrl, new Collector()).join();
    }

    public static DataChannelClient connect(String streamUrl) {
        return new DataChannelClient(URI.create(streamUrl), 0);
    }

    /** A second connection of the same plugin run (after ResumeSession): its sequence numbers go on. */
    public DataChannelClient reconnect(String streamUrl) {
        return new DataChannelClient(URI.create(streamUrl), nextInput);
    }

    public void open(String token) {
        socket.sendText("{\"MessageSchemaVersion\":\"1.0\",\"RequestId\":\"" + UUID.randomUUID()
                + "\",\"TokenValue\":\"" + token + "\",\"ClientId\":\"" + UUID.randomUUID()
                + "\",\"ClientVersion\":\"1.2.0.0\"}", true).join();
    }

    /** The handshake of a shell session; answers the SessionType the server requested. */
    public String handshake() {
        Frame request = next();
        assertThat(request.type()).isEqualTo("output_stream_data");
        assertThat(request.seq()).isZero();
        assertThat(request.flags()).isEqualTo(1);
        assertThat(request.payloadType()).isEqualTo(HANDSHAKE_REQUEST);
        Matcher type = Pattern.compile("\"SessionType\":\"(\\w+)\"").matcher(request.text());
        assertThat(type.find()).as(request.text()).isTrue();
        ack(request);
        long responseSeq = send(HANDSHAKE_RESPONSE, ("{\"ClientVersion\":\"1.2.0.0\",\"ProcessedClientActions\":"
                + "[{\"ActionType\":\"SessionType\",\"ActionStatus\":1,\"ActionResult\":null,\"Error\":\"\"}],"
                + "\"Errors\":null}").getBytes(StandardCharsets.UTF_8));
        expectAck(responseSeq);
        Frame complete = next();
        assertThat(complete.seq()).isEqualTo(1);
        assertThat(complete.payloadType()).isEqualTo(HANDSHAKE_COMPLETE);
        assertThat(complete.text()).contains("\"HandshakeTimeToComplete\"");
        ack(complete);
        return type.group(1);
    }

    /** The terminal size: the plugin's "display ready". */
    public long sendSize() {
        return send(SIZE, "{\"cols\":132,\"rows\":43}".getBytes(StandardCharsets.UTF_8));
    }

    public long type(String keys) {
        return send(OUTPUT, keys.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a sequenced input; answers its sequence number. */
    public long send(int payloadType, byte[] payload) {
        long seq = nextInput++;
        sendRaw(encode("input_stream_data", seq, 0, UUID.randomUUID(), payloadType, payload));
        return seq;
    }

    public void sendRaw(byte[] frame) {
        sendBinary(frame).join();
    }

    /**
     * Sends one binary frame once the previous one has gone: the JDK's WebSocket refuses a send
     * while another is pending ("Send pending"), and acknowledgements are not awaited.
     */
    private synchronized java.util.concurrent.CompletableFuture<?> sendBinary(byte[] frame) {
        lastSend.exceptionally(e -> null).join();
        lastSend = socket.sendBinary(ByteBuffer.wrap(frame), true).toCompletableFuture();
        return lastSend;
    }

    /** The frame an input of {@code seq} would be (to send the very same bytes twice). */
    public static byte[] input(long seq, String keys) {
        return encode("input_stream_data", seq, 0, UUID.randomUUID(), OUTPUT, keys.getBytes(StandardCharsets.UTF_8));
    }

    public void ack(Frame frame) {
        String body = "{\"AcknowledgedMessageType\":\"" + frame.type() + "\",\"AcknowledgedMessageId\":\""
                + frame.messageId() + "\",\"AcknowledgedMessageSequenceNumber\":" + frame.seq()
                + ",\"IsSequentialMessage\":true}";
        // Not awaited: the server may close right after its last output (channel_closed), as it may.
        sendBinary(encode("acknowledge", 0, 3, UUID.randomUUID(), 0, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits for the server's acknowledgement of the input {@code seq}. */
    public void expectAck(long seq) {
        Frame ack = next();
        assertThat(ack.type()).as("expected an ack of input %s, got %s", seq, ack).isEqualTo("acknowledge");
        assertThat(ack.text()).contains("\"AcknowledgedMessageSequenceNumber\":" + seq)
                .contains("\"AcknowledgedMessageType\":\"input_stream_data\"");
    }

    /**
     * The next frame from the server (acks included), checked for well-formedness. A resend of an
     * output seen already (the server retransmits what was not acknowledged in time, which a busy
     * machine can cause) must be byte for byte the same, and is skipped.
     */
    public Frame next() {
        while (true) {
            Frame frame = nextIncludingResends();
            if (!frame.type().equals("output_stream_data")) {
                return frame;
            }
            byte[] before = seen.putIfAbsent(frame.seq(), frame.raw());
            if (before == null) {
                return frame;
            }
            assertThat(frame.raw()).as("a resend of output %s", frame.seq()).isEqualTo(before);
        }
    }

    /** The next frame from the server, resends included. */
    public Frame nextIncludingResends() {
        Object item = poll();
        assertThat(item).as("expected a frame, the socket closed").isInstanceOf(Frame.class);
        Frame frame = (Frame) item;
        assertThat(frame.headerLength()).isEqualTo(116);
        assertThat(frame.payloadLength()).isEqualTo(frame.payload().length);
        assertThat(frame.digestMatches()).as("SHA-256 digest of %s", frame).isTrue();
        assertThat(frame.createdDate()).isPositive();
        return frame;
    }

    /**
     * Reads output frames, acknowledging each, until the text shown so far ends with {@code end};
     * checks their sequence numbers run on from {@code firstSeq}. Answers the text.
     */
    public String readOutputUntil(String end, long firstSeq) {
        StringBuilder text = new StringBuilder();
        long expected = firstSeq;
        while (!text.toString().endsWith(end)) {
            Frame frame = next();
            if (frame.type().equals("acknowledge")) {
                continue;
            }
            assertThat(frame.type()).as("%s while waiting for %s after: %s", frame, end, text).isEqualTo("output_stream_data");
            assertThat(frame.seq()).as("sequence of %s", frame).isEqualTo(expected);
            assertThat(frame.payloadType()).isEqualTo(OUTPUT);
            assertThat(frame.payload().length).isLessThanOrEqualTo(1024);
            ack(frame);
            expected++;
            text.append(frame.text());
        }
        return text.toString();
    }

    /** How the server closed the socket (after any frames still queued, which are skipped). */
    public Closed awaitClose() {
        while (true) {
            Object item = poll();
            if (item instanceof Closed closed) {
                return closed;
            }
        }
    }

    /** Drops the connection the way a broken network does, without a close handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private Object poll() {
        try {
            Object item = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(item).as("nothing arrived within %s", WAIT).isNotNull();
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] encode(String type, long seq, long flags, UUID id, int payloadType, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(120 + payload.length);
        out.putInt(116);
        byte[] name = new byte[32];
        Arrays.fill(name, (byte) ' ');
        byte[] ascii = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, name, 0, ascii.length);
        out.put(name).putInt(1).putLong(System.currentTimeMillis()).putLong(seq).putLong(flags);
        out.putLong(id.getLeastSignificantBits()).putLong(id.getMostSignificantBits());
        out.put(sha256(payload)).putInt(payloadType).putInt(payload.length).put(payload);
        return out.array();
    }

    static Frame decode(byte[] raw) {
        ByteBuffer in = ByteBuffer.wrap(raw);
        int headerLength = in.getInt();
        byte[] name = new byte[32];
        in.get(name);
        int schema = in.getInt();
        long created = in.getLong();
        long seq = in.getLong();
        long flags = in.getLong();
        long least = in.getLong();
        long most = in.getLong();
        byte[] digest = new byte[32];
        in.get(digest);
        int payloadType = in.getInt();
        int payloadLength = in.getInt();
        byte[] payload = Arrays.copyOfRange(raw, 120, raw.length);
        return new Frame(raw, headerLength, new String(name, StandardCharsets.US_ASCII).strip(), schema, created, seq,
                flags, new UUID(most, least), digest, payloadType, payloadLength, payload);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gathers whole binary messages (the JDK may hand them over in parts) and the close. */
    private final class Collector implements WebSocket.Listener {
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                received.add(decode(partial.toByteArray()));
                partial.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(new Closed(statusCode, reason));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add(new Closed(-1, String.valueOf(error)));
        }
    }
}
