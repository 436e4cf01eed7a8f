package io.localvpc.model.ssm;

import io.localvpc.model.Resource;
import java.time.Instant;

/**
 * An EC2 instance whose SSM agent has registered with Systems Manager: written the first time its
 * agent is seen online, keyed by the instance id. Registration outlives the agent going offline
 * (the instance then shows as ConnectionLost); it ends with the instance.
 *
 * @param registeredAt when the agent first reached Systems Manager
 * @param lastPingAt the last time the agent was seen online, refreshed at most once per ping interval
 * @param computerName the host name the agent last reported (still shown while it is offline)
 */
public record ManagedInstance(String id, Instant registeredAt, Instant lastPingAt, String computerName)
        implements Resource {

    public ManagedInstance pingedAt(Instant at, String reportedName) {
        return new ManagedInstance(id, registeredAt, at, reportedName);
    }
}
