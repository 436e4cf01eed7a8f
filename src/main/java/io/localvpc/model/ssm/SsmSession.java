package io.localvpc.model.ssm;

import io.localvpc.model.Timed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Session Manager session as DescribeSessions reports it, keyed by its session id. The live data
 * channel is not part of the model (a socket cannot survive a restart); this record is the
 * session's history: who started it on which target with which document, and how it ended.
 *
 * A session without a client (never connected, or disconnected and not resumed) is terminated
 * once it has waited {@link #CLIENT_TIMEOUT}, as Session Manager's idle timeout ends it.
 *
 * @param status Connecting, Connected, Disconnected, Terminating, Terminated or Failed
 * @param endDate when it reached Terminated or Failed; null while active
 * @param details why it ended, in words (e.g. "TerminateSession"), or null
 * @param statusSince when the status last changed
 */
public record SsmSession(
        String id,
        String target,
        String documentName,
        Map<String, List<String>> parameters,
        String owner,
        String reason,
        String status,
        Instant startDate,
        Instant endDate,
        String details,
        String maxSessionDuration,
        Instant statusSince)
        implements Timed {

    /** Session Manager's default idle session timeout. */
    public static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(20);

    public static final String CONNECTING = "Connecting";
    public static final String CONNECTED = "Connected";
    public static final String DISCONNECTED = "Disconnected";
    public static final String TERMINATED = "Terminated";
    public static final String FAILED = "Failed";

    public SsmSession {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** Whether the session is over, and so listed under DescribeSessions' History rather than Active. */
    public boolean ended() {
        return TERMINATED.equals(status) || FAILED.equals(status);
    }

    /** Due when a session without a client has waited out the timeout. */
    @Override
    public Instant dueAt() {
        boolean clientless = CONNECTING.equals(status) || DISCONNECTED.equals(status);
        return clientless && statusSince != null ? statusSince.plus(CLIENT_TIMEOUT) : null;
    }

    public SsmSession withStatus(String changed, Instant at) {
        return new SsmSession(id, target, documentName, parameters, owner, reason, changed, startDate, endDate, details,
                maxSessionDuration, at);
    }

    public SsmSession terminated(Instant at, String why) {
        return new SsmSession(id, target, documentName, parameters, owner, reason, TERMINATED, startDate, at, why,
                maxSessionDuration, at);
    }
}
