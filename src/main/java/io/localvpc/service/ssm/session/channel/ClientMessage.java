package io.localvpc.service.ssm.session.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.UUID;

/**
 * One message of Session Manager's data channel, in the binary form both peers put in WebSocket
 * frames: a 120-byte big-endian header, then the payload. HeaderLength is written as 116 (the
 * header without the PayloadLength field) because that is where the plugin starts counting the
 * payload from; the MessageType is space-padded ASCII; the MessageId is stored with its two
 * 64-bit halves swapped (least significant first); the digest is SHA-256 of the payload.
 *
 * @param createdDate epoch milliseconds
 * @param flags bit 0 SYN (first message of a stream), bit 1 FIN
 */
public record ClientMessage(
        String messageType,
        int schemaVersion,
        long createdDate,
        long sequenceNumber,
        long flags,
        UUID messageId,
        int payloadType,
        byte[] payload) {

    public static final String INPUT_STREAM_DATA = "input_stream_data";
    public static final String OUTPUT_STREAM_DATA = "output_stream_data";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String CHANNEL_CLOSED = "channel_closed";

    /** The header as it is on the wire, PayloadLength included. */
    static final int HEADER_SIZE = 120;
    /** What HeaderLength says: the offset of PayloadLength. */
    static final int HEADER_LENGTH = 116;
    private static final int TYPE_SIZE = 32;
    private static final int DIGEST_SIZE = 32;

    /** A frame that is not a well-formed ClientMessage; the peer's message is dropped unacknowledged. */
    public static final class MalformedMessage extends Exception {
        MalformedMessage(String message) {
            super(message, null, false, false);
        }
    }

    public ClientMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The message in wire form. */
    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + payload.length);
        out.putInt(HEADER_LENGTH);
        byte[] type = Arrays.copyOf(messageType.getBytes(StandardCharsets.US_ASCII), TYPE_SIZE);
        Arrays.fill(type, Math.min(messageType.length(), TYPE_SIZE), TYPE_SIZE, (byte) ' ');
        out.put(type);
        out.putInt(schemaVersion);
        out.putLong(createdDate);
        out.putLong(sequenceNumber);
        out.putLong(flags);
        out.putLong(messageId.getLeastSignificantBits());
        out.putLong(messageId.getMostSignificantBits());
        out.put(sha256(payload));
        out.putInt(payloadType);
        out.putInt(payload.length);
        out.put(payload);
        return out.array();
    }

    /**
     * Reads a message as the plugin does: the payload is everything after HeaderLength + 4, and a
     * message without a type or creation date, or whose digest does not match, is refused.
     */
    public static ClientMessage decode(byte[] frame) throws MalformedMessage {
        if (frame.length < HEADER_SIZE) {
            throw new MalformedMessage("a ClientMessage has a " + HEADER_SIZE + "-byte header; got " + frame.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        int headerLength = in.getInt();
        if (headerLength < HEADER_LENGTH || headerLength + 4 > frame.length) {
            throw new MalformedMessage("HeaderLength is " + headerLength + ", expected " + HEADER_LENGTH);
        }
        byte[] typeBytes = new byte[TYPE_SIZE];
        in.get(typeBytes);
        String type = new String(typeBytes, StandardCharsets.US_ASCII).replace("\0", "").strip();
        int schemaVersion = in.getInt();
        long createdDate = in.getLong();
        long sequenceNumber = in.getLong();
        long flags = in.getLong();
        long least = in.getLong();
        long most = in.getLong();
        byte[] digest = new byte[DIGEST_SIZE];
        in.get(digest);
        int payloadType = in.getInt();
        int payloadLength = in.getInt();
        byte[] payload = Arrays.copyOfRange(frame, headerLength + 4, frame.length);
        if (type.isEmpty() || createdDate == 0) {
            throw new MalformedMessage("MessageType and CreatedDate are required");
        }
        if (payloadLength != 0 && !MessageDigest.isEqual(digest, sha256(payload))) {
            throw new MalformedMessage("the payload digest does not match its SHA-256");
        }
        return new ClientMessage(type, schemaVersion, createdDate, sequenceNumber, flags, new UUID(most, least),
                payloadType, payload);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientMessage m && messageType.equals(m.messageType) && schemaVersion == m.schemaVersion
                && createdDate == m.createdDate && sequenceNumber == m.sequenceNumber && flags == m.flags
                && messageId.equals(m.messageId) && payloadType == m.payloadType && Arrays.equals(payload, m.payload);
    }

    @Override
    public int hashCode() {
        return messageId.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return messageType + " seq=" + sequenceNumber + " payloadType=" + payloadType + " " + payload.length + " bytes";
    }
}
