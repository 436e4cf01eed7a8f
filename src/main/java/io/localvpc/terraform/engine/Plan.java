package io.localvpc.terraform.engine;

import java.util.List;

/**
 * What an apply (or destroy) will do: the changes to resource instances and outputs, and the
 * objects found deleted outside of Terraform while refreshing.
 */
public record Plan(List<ResourceChange> changes, List<OutputChange> outputChanges, List<ResourceChange> drift,
        boolean destroy) {

    public Plan {
        changes = List.copyOf(changes);
        outputChanges = List.copyOf(outputChanges);
        drift = List.copyOf(drift);
    }

    public long count(Action... actions) {
        return changes.stream().filter(c -> List.of(actions).contains(c.action())).count();
    }

    public long toAdd() {
        return changes.stream().filter(c -> c.action().creates()).count();
    }

    public long toChange() {
        return count(Action.UPDATE);
    }

    public long toDestroy() {
        return changes.stream().filter(c -> c.action().deletes()).count();
    }

    /** Whether any resource instance changes (data source reads during apply do not count). */
    public boolean hasResourceChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.NO_OP && c.action() != Action.READ);
    }

    public boolean hasOutputChanges() {
        return outputChanges.stream().anyMatch(OutputChange::changed);
    }

    public boolean isEmpty() {
        return !hasResourceChanges() && !hasOutputChanges();
    }
}
