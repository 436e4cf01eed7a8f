package io.localvpc.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read access to one account's resources in one region: a committed state or a transaction's view of it. */
public interface StateView {
    <T extends Resource> Optional<T> find(Class<T> type, String id);

    <T extends Resource> Collection<T> all(Class<T> type);

    Map<String, String> tagsOf(String id);
}
