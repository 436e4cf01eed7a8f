package io.localvpc.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The immutable state of one account in one region: resources by type and id, in creation order,
 * and the tags of each resource. Readers (describes, the data plane) hold on to one of these and
 * never see half a change; writers build the next one through a {@link Tx}.
 */
public final class RegionState implements StateView {
    public static final RegionState EMPTY = new RegionState(Map.of(), Map.of());

    private final Map<Class<? extends Resource>, Map<String, Resource>> tables;
    private final Map<String, Map<String, String>> tags;
    /** Indexes computed from this state on first use; the state never changes, so neither do they. */
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    RegionState(Map<Class<? extends Resource>, Map<String, Resource>> tables, Map<String, Map<String, String>> tags) {
        this.tables = tables;
        this.tags = tags;
    }

    @Override
    public <T extends Resource> Optional<T> find(Class<T> type, String id) {
        return Optional.ofNullable(id == null ? null : type.cast(table(type).get(id)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Resource> Collection<T> all(Class<T> type) {
        return (Collection<T>) table(type).values();
    }

    @Override
    public Map<String, String> tagsOf(String id) {
        return tags.getOrDefault(id, Map.of());
    }

    /**
     * A value computed once from this immutable state and kept with it, such as an index for a
     * describe's hot path. {@code key} identifies the computation (use a constant); {@code compute}
     * must not itself ask for a derived value.
     */
    @SuppressWarnings("unchecked")
    public <V> V derived(Object key, java.util.function.Function<RegionState, V> compute) {
        Object value = derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            Object raced = derived.putIfAbsent(key, value);
            value = raced == null ? value : raced;
        }
        return (V) value;
    }

    /** The ids of resources whose tag {@code key} has exactly {@code value}. */
    public java.util.Set<String> idsTagged(String key, String value) {
        Map<String, Map<String, java.util.Set<String>>> index = derived(TAG_INDEX, RegionState::indexTags);
        return index.getOrDefault(key, Map.of()).getOrDefault(value, java.util.Set.of());
    }

    private static final Object TAG_INDEX = new Object();

    private Map<String, Map<String, java.util.Set<String>>> indexTags() {
        Map<String, Map<String, java.util.Set<String>>> index = new java.util.HashMap<>();
        tags.forEach((id, resourceTags) -> resourceTags.forEach((k, v) ->
                index.computeIfAbsent(k, x -> new java.util.HashMap<>()).computeIfAbsent(v, x -> new java.util.HashSet<>()).add(id)));
        return index;
    }

    public Stream<Resource> everything() {
        return tables.values().stream().flatMap(t -> t.values().stream());
    }

    public Map<String, Map<String, String>> allTags() {
        return tags;
    }

    public boolean isEmpty() {
        return tables.values().stream().allMatch(Map::isEmpty);
    }

    Map<String, Resource> table(Class<? extends Resource> type) {
        return tables.getOrDefault(type, Map.of());
    }

    Map<Class<? extends Resource>, Map<String, Resource>> tables() {
        return tables;
    }

    Map<String, Map<String, String>> tags() {
        return tags;
    }

    /** Replays journalled changes onto this state (used when loading from disk). */
    public RegionState replay(List<Change> changes) {
        Tx tx = new Tx(this, null);
        changes.forEach(tx::apply);
        return tx.result();
    }

    static <K, V> Map<K, V> frozen(LinkedHashMap<K, V> map) {
        return Collections.unmodifiableMap(map);
    }
}
