package io.localvpc.api;

/**
 * An error as AWS reports it: a code, a message and an HTTP status. Handlers throw it; each wire
 * protocol renders it in its own envelope. Anything else thrown by a handler is a bug and becomes
 * {@code InternalError}.
 */
public final class AwsException extends RuntimeException {
    private final String code;
    private final int status;

    public AwsException(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A client fault with HTTP 400, the status EC2 uses for nearly every error. */
    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, message, 400);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** awsQuery's {@code <Type>}: Receiver for server faults, Sender for everything else. */
    public String faultType() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
