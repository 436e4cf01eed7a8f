package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collecting the references of composite expressions. */
final class References {

    private References() {}

    static List<Traversal> of(Collection<? extends Expression> parts) {
        List<Traversal> all = new ArrayList<>();
        for (Expression e : parts) {
            if (e != null) {
                all.addAll(e.references());
            }
        }
        return all;
    }

    static List<Traversal> of(Expression... parts) {
        return of(java.util.Arrays.asList(parts));
    }

    /** References except those rooted at the given local names (a for expression's iteration variables). */
    static List<Traversal> excluding(List<Traversal> refs, Collection<String> locals) {
        return refs.stream().filter(t -> !locals.contains(t.root())).toList();
    }
}
