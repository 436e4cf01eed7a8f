package io.localvpc.terraform.engine;

import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.InstanceAddress;
import java.util.Map;
import java.util.Set;

/**
 * One planned change: the instance's state before (null when it is created) and after (null when
 * it is destroyed; unknown values inside where only apply will tell), and the top-level
 * attributes or blocks whose change forces the replacement.
 */
public record ResourceChange(InstanceAddress address, Action action, Map<String, Object> before, Map<String, Object> after,
        Set<String> replacePaths, Schema schema, String reason) {

    public ResourceChange {
        replacePaths = Set.copyOf(replacePaths);
    }
}
