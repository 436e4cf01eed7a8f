package io.localvpc.terraform.config;

import java.util.Set;

/** A resource's {@code lifecycle} block; {@code ignoreAll} is {@code ignore_changes = all}. */
public record Lifecycle(boolean createBeforeDestroy, boolean preventDestroy, Set<String> ignoreChanges, boolean ignoreAll) {
    public static final Lifecycle DEFAULT = new Lifecycle(false, false, Set.of(), false);

    public Lifecycle {
        ignoreChanges = Set.copyOf(ignoreChanges);
    }

    public boolean ignores(String attribute) {
        return ignoreAll || ignoreChanges.contains(attribute);
    }
}
