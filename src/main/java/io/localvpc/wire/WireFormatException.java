package io.localvpc.wire;

/** A request that cannot be read at all: each protocol turns it into its own "malformed" error. */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message) {
        super(message, null, false, false);
    }
}
