package io.localvpc.service.ssm.instances;

import io.localvpc.model.StateView;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The tag selectors Systems Manager shares between DescribeInstanceInformation's filters and Run
 * Command's targets: {@code tag:KEY} (the tag has one of the values) and {@code tag-key} (the
 * instance has one of the keys).
 */
public final class TagSelectors {
    private TagSelectors() {}

    /** A test of instance ids when {@code key} is a tag selector, else empty. */
    public static Optional<Predicate<String>> of(String key, Collection<String> values, StateView state) {
        // A HashSet: an untagged instance asks whether it contains null.
        Set<String> wanted = new HashSet<>(values);
        if (key.equals("tag-key")) {
            return Optional.of(id -> state.tagsOf(id).keySet().stream().anyMatch(wanted::contains));
        }
        if (key.startsWith("tag:") && key.length() > "tag:".length()) {
            String tag = key.substring("tag:".length());
            return Optional.of(id -> wanted.contains(state.tagsOf(id).get(tag)));
        }
        return Optional.empty();
    }
}
