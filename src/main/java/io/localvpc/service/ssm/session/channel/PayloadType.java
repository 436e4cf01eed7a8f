package io.localvpc.service.ssm.session.channel;

/** What the payload of a {@link ClientMessage} is, the numbers both the plugin and the agent use. */
public final class PayloadType {
    private PayloadType() {}

    /** Acknowledgements and channel_closed carry none. */
    public static final int NONE = 0;
    /** Terminal bytes, both ways (the plugin sends keystrokes as Output too). */
    public static final int OUTPUT = 1;
    /** The client's terminal size, JSON {@code {"cols","rows"}}; the first one means its display is ready. */
    public static final int SIZE = 3;
    public static final int HANDSHAKE_REQUEST = 5;
    public static final int HANDSHAKE_RESPONSE = 6;
    public static final int HANDSHAKE_COMPLETE = 7;
    /** A 4-byte code from a port session's client (2: TerminateSession). */
    public static final int FLAG = 10;
    public static final int FLAG_TERMINATE_SESSION = 2;
}
