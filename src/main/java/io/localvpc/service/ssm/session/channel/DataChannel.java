package io.localvpc.service.ssm.session.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.http.MessageSocket;
import io.localvpc.service.ssm.agent.SsmAgents;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The agent's end of one session's data channel: the sequenced, acknowledged stream protocol the
 * session-manager-plugin speaks, independent of the socket it currently runs on (a resumed
 * session reattaches a new socket and both sides carry on with their sequence numbers).
 *
 * <p>Order of a session: the plugin opens the channel (token checked by the caller, then
 * {@link #attach}); we send HandshakeRequest (seq 0, SYN); the plugin answers HandshakeResponse;
 * we send HandshakeComplete; the plugin's first Size says its display is ready, and only then does
 * the {@link StreamAgent} begin (output sent earlier could be dropped by the plugin unacknowledged).
 * Every input is acknowledged; inputs are processed exactly once, in sequence order (early ones
 * are held back, duplicates only re-acknowledged). Every output is kept until acknowledged, and
 * {@link #resendDue} sends the oldest unacknowledged one again when it has waited too long: TCP
 * does not lose frames, but the plugin drops what it is not ready for, and that is how it recovers.
 *
 * <p>All methods are synchronized: socket callbacks, the retransmission timer and API calls
 * (TerminateSession) meet here.
 */
public final class DataChannel {
    /** How long an output waits for its acknowledgement before it is sent again (real time: network retransmission). */
    public static final Duration RETRANSMISSION_TIMEOUT = Duration.ofMillis(300);
    /** Output is cut into payloads of at most this many bytes, the size the plugin itself uses. */
    static final int MAX_PAYLOAD = 1024;
    private static final long SYN = 1;
    private static final long ACK_FLAGS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The instance's half of a session: what the SSM agent runs behind the channel. */
    public interface StreamAgent {
        /** The handshake's SessionType: Standard_Stream, InteractiveCommands or NonInteractiveCommands. */
        String sessionType();

        /** The client's display is ready: what to show first. */
        byte[] begin();

        /** The client typed {@code keys}: what to show in return. */
        byte[] input(byte[] keys);

        /** Whether the agent's side is over (the shell exited, the command finished). */
        boolean ended();
    }

    /** What the session's record needs to hear. */
    public interface Events {
        void connected();

        void disconnected();

        /** The session is over: channel_closed was sent (if a socket was there to take it). */
        void closed(String why);
    }

    /** An output not yet acknowledged, kept in wire form so that a resend is byte for byte the same. */
    private record Pending(byte[] wire, long lastSentNanos) {}

    private final String sessionId;
    private final String target;
    private final StreamAgent agent;
    private final Events events;
    private final Supplier<Instant> clock;
    private final TreeMap<Long, Pending> unacked = new TreeMap<>();
    private final TreeMap<Long, ClientMessage> early = new TreeMap<>();
    private MessageSocket socket;
    private long nextOutgoing;
    private long expectedIncoming;
    private long handshakeSentNanos;
    private boolean handshakeDone;
    private boolean displayReady;
    private boolean closed;

    public DataChannel(String sessionId, String target, StreamAgent agent, Events events, Supplier<Instant> clock) {
        this.sessionId = sessionId;
        this.target = target;
        this.agent = agent;
        this.events = events;
        this.clock = clock;
    }

    public String sessionId() {
        return sessionId;
    }

    public String target() {
        return target;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Puts the channel on a socket whose OpenDataChannel carried the right token. A first socket gets
     * the handshake; a later one (ResumeSession) gets every output not yet acknowledged, in order.
     */
    public synchronized void attach(MessageSocket fresh) {
        if (closed) {
            fresh.close(1000, "session ended");
            return;
        }
        MessageSocket previous = socket;
        socket = fresh;
        if (previous != null) {
            previous.close(1000, "replaced by a resumed connection");
        }
        events.connected();
        if (nextOutgoing == 0) {
            handshakeSentNanos = System.nanoTime();
            sendSequenced(PayloadType.HANDSHAKE_REQUEST, handshakeRequest());
        } else {
            long now = System.nanoTime();
            unacked.replaceAll((seq, p) -> {
                fresh.sendBinary(p.wire());
                return new Pending(p.wire(), now);
            });
        }
    }

    /** The socket went away. Unless the session is over, it waits for a resume. */
    public synchronized void detach(MessageSocket gone) {
        if (socket != gone) {
            return;
        }
        socket = null;
        if (!closed) {
            events.disconnected();
        }
    }

    /** One binary frame from the plugin. Malformed ones are dropped without acknowledgement, as the plugin does. */
    public synchronized void onBinary(byte[] frame) {
        if (closed) {
            return;
        }
        ClientMessage message;
        try {
            message = ClientMessage.decode(frame);
        } catch (ClientMessage.MalformedMessage e) {
            return;
        }
        switch (message.messageType()) {
            case ClientMessage.ACKNOWLEDGE -> acknowledged(message);
            case ClientMessage.INPUT_STREAM_DATA -> received(message);
            default -> { } // the plugin sends nothing else on a shell session
        }
    }

    /** Sends the oldest unacknowledged output again if it has waited longer than the retransmission timeout. */
    public synchronized void resendDue(long nowNanos) {
        if (socket == null || unacked.isEmpty()) {
            return;
        }
        Map.Entry<Long, Pending> oldest = unacked.firstEntry();
        Pending pending = oldest.getValue();
        if (nowNanos - pending.lastSentNanos() >= RETRANSMISSION_TIMEOUT.toNanos()) {
            socket.sendBinary(pending.wire());
            unacked.put(oldest.getKey(), new Pending(pending.wire(), nowNanos));
        }
    }

    /**
     * Ends the session: tells the plugin with channel_closed (it prints "Exiting session" and exits)
     * and closes the socket. {@code why} goes to the session's record.
     */
    public synchronized void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        unacked.clear();
        early.clear();
        // Recorded first, so that a client acting on channel_closed finds the session terminated.
        events.closed(why);
        if (socket != null) {
            socket.sendBinary(channelClosed().encode());
            socket.close(1000, "session ended");
            socket = null;
        }
    }

    private void acknowledged(ClientMessage ack) {
        JsonNode body = json(ack.payload());
        JsonNode seq = body == null ? null : body.get("AcknowledgedMessageSequenceNumber");
        if (seq != null && seq.canConvertToLong()) {
            unacked.remove(seq.asLong());
        }
    }

    private void received(ClientMessage input) {
        long seq = input.sequenceNumber();
        sendAck(input);
        if (seq < expectedIncoming) {
            return; // a retransmission of what was processed already: acknowledged again, not rerun
        }
        early.put(seq, input);
        while (!closed && early.containsKey(expectedIncoming)) {
            ClientMessage next = early.remove(expectedIncoming);
            expectedIncoming++;
            process(next);
        }
    }

    private void process(ClientMessage input) {
        switch (input.payloadType()) {
            case PayloadType.HANDSHAKE_RESPONSE -> {
                if (!handshakeDone) {
                    handshakeDone = true;
                    sendSequenced(PayloadType.HANDSHAKE_COMPLETE, handshakeComplete());
                }
            }
            case PayloadType.SIZE -> {
                if (handshakeDone && !displayReady) {
                    displayReady = true;
                    sendOutput(agent.begin());
                }
            }
            case PayloadType.OUTPUT -> {
                // Keys typed before the display was ready are dropped, as the real agent drops them.
                if (displayReady) {
                    sendOutput(agent.input(input.payload()));
                }
            }
            case PayloadType.FLAG -> {
                byte[] flag = input.payload();
                if (flag.length == 4 && ByteBuffer.wrap(flag).getInt() == PayloadType.FLAG_TERMINATE_SESSION) {
                    close("the client asked to terminate the session");
                }
            }
            default -> { }
        }
        if (displayReady && !closed && agent.ended()) {
            close("the shell or command on the instance exited");
        }
    }

    private void sendOutput(byte[] bytes) {
        for (int from = 0; from < bytes.length; from += MAX_PAYLOAD) {
            sendSequenced(PayloadType.OUTPUT, Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + MAX_PAYLOAD)));
        }
    }

    private void sendSequenced(int payloadType, byte[] payload) {
        long seq = nextOutgoing++;
        ClientMessage message = new ClientMessage(ClientMessage.OUTPUT_STREAM_DATA, 1, clock.get().toEpochMilli(), seq,
                seq == 0 ? SYN : 0, UUID.randomUUID(), payloadType, payload);
        byte[] wire = message.encode();
        unacked.put(seq, new Pending(wire, System.nanoTime()));
        if (socket != null) {
            socket.sendBinary(wire);
        }
    }

    private void sendAck(ClientMessage input) {
        ObjectNode body = JSON.createObjectNode()
                .put("AcknowledgedMessageType", input.messageType())
                .put("AcknowledgedMessageId", input.messageId().toString())
                .put("AcknowledgedMessageSequenceNumber", input.sequenceNumber())
                .put("IsSequentialMessage", true);
        if (socket != null) {
            socket.sendBinary(unsequenced(ClientMessage.ACKNOWLEDGE, body).encode());
        }
    }

    private byte[] handshakeRequest() {
        ObjectNode request = JSON.createObjectNode().put("AgentVersion", SsmAgents.AGENT_VERSION);
        ObjectNode action = request.putArray("RequestedClientActions").addObject().put("ActionType", "SessionType");
        action.putObject("ActionParameters").put("SessionType", agent.sessionType()).putNull("Properties");
        return bytes(request);
    }

    private byte[] handshakeComplete() {
        return bytes(JSON.createObjectNode()
                .put("HandshakeTimeToComplete", System.nanoTime() - handshakeSentNanos)
                .put("CustomerMessage", ""));
    }

    private ClientMessage channelClosed() {
        UUID id = UUID.randomUUID();
        ObjectNode body = JSON.createObjectNode()
                .put("MessageId", id.toString())
                .put("CreatedDate", clock.get().toString())
                .put("DestinationId", target)
                .put("SessionId", sessionId)
                .put("MessageType", ClientMessage.CHANNEL_CLOSED)
                .put("SchemaVersion", 1)
                .put("Output", "");
        return unsequenced(ClientMessage.CHANNEL_CLOSED, body);
    }

    /** Acknowledgements and channel_closed are outside the sequence: seq 0, flags 3, as both real peers send them. */
    private ClientMessage unsequenced(String type, ObjectNode body) {
        return new ClientMessage(type, 1, clock.get().toEpochMilli(), 0, ACK_FLAGS, UUID.randomUUID(), PayloadType.NONE,
                bytes(body));
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }
}
