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
