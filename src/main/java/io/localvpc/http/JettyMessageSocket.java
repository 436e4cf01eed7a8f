package io.localvpc.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One upgraded Jetty WebSocket seen as a {@link MessageSocket}: Jetty's listener callbacks go to the
 * handler the router chose for the path, and the handler's sends go out through Jetty's session
 * (queued, in order, from any thread). Pings are answered by Jetty itself. Public only because Jetty
 * invokes the listener methods reflectively.
 */
public final class JettyMessageSocket implements Session.Listener.AutoDemanding, MessageSocket {
    private final String path;
    private final MessageSocket.Router router;
    private volatile Session session;
    private MessageSocket.Handler handler;

    JettyMessageSocket(String path, MessageSocket.Router router) {
        this.path = path;
        this.router = router;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.session = opened;
        this.handler = router.accept(path, this);
    }

    @Override
    public void onWebSocketText(String message) {
        handler.onText(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        handler.onBinary(bytes);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (handler != null) {
            handler.onClose(statusCode, reason);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // A broken connection is reported to the handler by onWebSocketClose, which always follows.
    }

    @Override
    public void sendBinary(byte[] message) {
        Session open = session;
        if (open != null && open.isOpen()) {
            open.sendBinary(ByteBuffer.wrap(message), Callback.NOOP);
        }
    }

    @Override
    public void close(int statusCode, String reason) {
        Session open = session;
        if (open != null) {
            open.close(statusCode, reason, Callback.NOOP);
        }
    }
}
