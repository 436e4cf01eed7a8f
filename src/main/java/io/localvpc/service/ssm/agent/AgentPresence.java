package io.localvpc.service.ssm.agent;

import io.localvpc.model.ec2.Instance;
import java.util.List;

/**
 * Whether an instance's SSM agent can talk to Systems Manager right now, and if not, why not.
 *
 * @param instance the instance as the region's state holds it
 * @param roleName the role of its instance profile, or null when it has none
 * @param hostname the instance's hostname on the simulated network, or null when it is not on it
 * @param online true when the agent reaches all three endpoints with a role that allows the core actions
 * @param problems what keeps it offline, in words a learner can act on; empty when online
 */
public record AgentPresence(Instance instance, String roleName, String hostname, boolean online, List<String> problems) {

    public AgentPresence {
        problems = List.copyOf(problems);
    }
}
