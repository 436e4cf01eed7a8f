package io.localvpc.model.ssm;

import io.localvpc.model.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Session Manager session as DescribeSessions reports it, keyed by its session id. The live data
 * channel is not part of the model (a socket cannot survive a restart); this record is the
 * session's history: who started it on which target with which document, and how it ended.
 *
 * @param status Connecting, Connected, Disconnected, Terminating, Terminated or Failed
 * @param endDate when it reached Terminated or Failed; null while active
 * @param details why it ended, in words (e.g. "exit", "TerminateSession"), or null
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
        String maxSessionDuration)
        implements Resource {

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

    public SsmSession withStatus(String changed) {
        return new SsmSession(id, target, documentName, parameters, owner, reason, changed, startDate, endDate, details,
                maxSessionDuration);
    }

    public SsmSession terminated(Instant at, String why) {
        return new SsmSession(id, target, documentName, parameters, owner, reason, TERMINATED, startDate, at, why,
                maxSessionDuration);
    }
}
