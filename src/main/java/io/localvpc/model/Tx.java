package io.localvpc.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One write to a region: reads see the transaction's own changes, writes are recorded as
 * {@link Change}s. Nothing is visible to others until the region commits it, and a transaction
 * that throws leaves no trace, so no request is ever half applied.
 */
public final class Tx implements StateView {
    private final RegionState base;
    private final Instant now;
    private final Map<Class<? extends Resource>, LinkedHashMap<String, Resource>> working = new HashMap<>();
    private LinkedHashMap<String, Map<String, String>> workingTags;
    private final List<Change> changes = new ArrayList<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<Runnable> onAbort = new ArrayList<>();

    Tx(RegionState base, Instant now) {
        this.base = base;
        this.now = now;
    }

    /** The instant this transaction happens at. */
    public Instant now() {
        return now;
    }

    @Override
    public <T extends Resource> Optional<T> find(Class<T> type, String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<String, Resource> table = working.containsKey(type) ? working.get(type) : base.table(type);
        return Optional.ofNullable(type.cast(table.get(id)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> Collection<T> all(Class<T> type) {
        Map<String, Resource> table = working.containsKey(type) ? working.get(type) : base.table(type);
        return Collections.unmodifiableCollection((Collection<T>) table.values());
    }

    @Override
    public Map<String, String> tagsOf(String id) {
        return (workingTags != null ? workingTags : base.tags()).getOrDefault(id, Map.of());
    }

    /** Creates or replaces a resource. */
    public void put(Resource resource) {
        apply(new Change.Put(resource));
    }

    /** Deletes a resource and its tags. */
    public void remove(Resource resource) {
        apply(new Change.Remove(resource.getClass().getName(), resource.id()));
    }

    /** Replaces the complete tag set of a resource. */
    public void setTags(String id, Map<String, String> tags) {
        apply(new Change.Tags(id, Map.copyOf(tags)));
    }

    /** Runs after the change is durable and visible (e.g. releasing a public IP for good). */
    public void onCommit(Runnable action) {
        onCommit.add(action);
    }

    /** Runs if the transaction fails (e.g. returning a public IP claimed for it). */
    public void onAbort(Runnable action) {
        onAbort.add(action);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** Whether this transaction wrote any resource of one of {@code types}. */
    boolean wrote(java.util.Set<? extends Class<?>> types) {
        for (Class<?> type : working.keySet()) {
            if (types.contains(type)) {
                return true;
            }
        }
        return false;
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    List<Runnable> commitActions() {
        return onCommit;
    }

    List<Runnable> abortActions() {
        return onAbort;
    }

    void apply(Change change) {
        if (change instanceof Change.Put put) {
            writable(put.resource().getClass()).put(put.resource().id(), put.resource());
        } else if (change instanceof Change.Remove remove) {
            Class<? extends Resource> type = typeNamed(remove.type());
            if (type != null) {
                writable(type).remove(remove.id());
            }
            if (!tagsOf(remove.id()).isEmpty()) {
                writableTags().remove(remove.id());
            }
        } else if (change instanceof Change.Tags tags) {
            if (tags.tags().isEmpty()) {
                writableTags().remove(tags.id());
            } else {
                writableTags().put(tags.id(), tags.tags());
            }
        }
        changes.add(change);
    }

    private Class<? extends Resource> typeNamed(String name) {
        for (Class<? extends Resource> type : working.keySet()) {
            if (type.getName().equals(name)) {
                return type;
            }
        }
        for (Class<? extends Resource> type : base.tables().keySet()) {
            if (type.getName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private LinkedHashMap<String, Resource> writable(Class<? extends Resource> type) {
        return working.computeIfAbsent(type, t -> new LinkedHashMap<>(base.table(t)));
    }

    private LinkedHashMap<String, Map<String, String>> writableTags() {
        if (workingTags == null) {
            workingTags = new LinkedHashMap<>(base.tags());
        }
        return workingTags;
    }

    RegionState result() {
        if (working.isEmpty() && workingTags == null) {
            return base;
        }
        Map<Class<? extends Resource>, Map<String, Resource>> tables = new HashMap<>(base.tables());
        working.forEach((type, table) -> tables.put(type, RegionState.frozen(table)));
        Map<String, Map<String, String>> tags =
                workingTags == null ? base.tags() : RegionState.frozen(workingTags);
        return new RegionState(Map.copyOf(tables), tags);
    }
}
