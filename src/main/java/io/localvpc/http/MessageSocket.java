package io.localvpc.http;

/**
 * A WebSocket as the rest of LocalVPC sees it, free of Jetty: whole messages in, whole binary
 * messages out. Sending never blocks (frames are queued and written in order) and is safe from
 * any thread.
 */
public interface MessageSocket {

    void sendBinary(byte[] message);

    /** Closes the socket with a WebSocket status code (1000 normal, 1008 policy violation). */
    void close(int statusCode, String reason);

    /** What listens to one accepted socket. Calls for one socket come one at a time, in order. */
    interface Handler {
        void onText(String message);

        void onBinary(byte[] message);

        /** The socket is gone, closed by either side or broken. */
        void onClose(int statusCode, String reason);
    }

    /** Accepts the sockets upgraded under a path prefix. */
    @FunctionalInterface
    interface Router {
        /** The handler for a socket opened on {@code path} (query excluded); {@code socket} answers on it. */
        Handler accept(String path, MessageSocket socket);
    }
}
