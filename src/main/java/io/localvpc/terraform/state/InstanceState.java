package io.localvpc.terraform.state;

import java.util.List;
import java.util.Map;

/**
 * What state holds for one resource instance: its attributes as the provider reported them
 * (plain values), the managed resources it depended on when last applied (so that it can be
 * destroyed in the right order even once its configuration is gone), and whether it was
 * created before its predecessor was destroyed.
 */
public record InstanceState(Map<String, Object> attributes, List<String> dependencies, boolean createBeforeDestroy) {

    public InstanceState {
        attributes = Values.copy(attributes);
        dependencies = List.copyOf(dependencies);
    }

    public String id() {
        Object id = attributes.get("id");
        return id == null ? null : id.toString();
    }
}
