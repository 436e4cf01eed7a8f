package io.localvpc.terraform.engine;

import java.util.List;

/** Ends a plan or apply with the failures that stopped it. */
public final class EngineException extends RuntimeException {
    private final List<Failure> failures;

    public EngineException(List<Failure> failures) {
        super(failures.isEmpty() ? "failed" : failures.get(0).diagnostic().summary());
        this.failures = List.copyOf(failures);
    }

    public EngineException(Failure failure) {
        this(List.of(failure));
    }

    public List<Failure> failures() {
        return failures;
    }
}
