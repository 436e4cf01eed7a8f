package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The provider's waiters ({@code StateChangeConf}): poll a finder until the object reaches a target
 * state, fail at once on a state that is neither pending nor target, and word failures as
 * {@code waiting for EC2 NAT Gateway (nat-1) create: unexpected state 'failed', wanted target
 * 'available'. last error: …}.
 */
final class Waits {
    private Waits() {}

    /** How one kind of object reports progress. */
    record States<T>(Function<T, String> state, Set<String> pending, Set<String> target, Function<T, String> lastError) {}

    /**
     * Waits for {@code find} to answer an object in a target state and returns it; with no target,
     * waits for the object to be gone (absent or in no pending state) and returns null.
     */
    static <T> T forState(AwsContext aws, String waitingFor, Duration timeout, Supplier<Optional<T>> find, States<T> states) {
        return guarded(waitingFor, () -> aws.await("state to become '" + String.join(", ", states.target()) + "'", timeout, () -> {
            Optional<T> found = find.get();
            if (found.isEmpty()) {
                return states.target().isEmpty() ? Optional.of(Optional.<T>empty()) : Optional.empty();
            }
            String state = states.state().apply(found.get());
            if (states.target().contains(state)) {
                return Optional.of(found);
            }
            if (states.pending().contains(state)) {
                return Optional.empty();
            }
            if (states.target().isEmpty()) {
                return Optional.of(Optional.<T>empty());
            }
            String lastError = states.lastError() == null ? null : states.lastError().apply(found.get());
            throw new ProviderException("unexpected state '" + state + "', wanted target '"
                    + String.join(", ", states.target()) + "'." + (lastError == null ? "" : " last error: " + lastError));
        })).orElse(null);
    }

    /** Waits until {@code find} answers something. */
    static <T> T untilFound(AwsContext aws, String waitingFor, Duration timeout, Supplier<Optional<T>> find) {
        return guarded(waitingFor, () -> aws.await("resource to be found", timeout, find));
    }

    /** Waits until {@code find} answers nothing. */
    static void untilGone(AwsContext aws, String waitingFor, Duration timeout, Supplier<Optional<?>> find) {
        guarded(waitingFor, () -> aws.await("resource to be gone", timeout,
                () -> find.get().isPresent() ? Optional.empty() : Optional.of(Boolean.TRUE)));
    }

    /** Waits until {@code check} holds, e.g. an attribute reads as the value just set. */
    static void until(AwsContext aws, String waitingFor, Duration timeout, Supplier<Boolean> check) {
        guarded(waitingFor, () -> aws.await("condition", timeout,
                () -> check.get() ? Optional.of(Boolean.TRUE) : Optional.empty()));
    }

    private static <T> T guarded(String waitingFor, Supplier<T> wait) {
        try {
            return wait.get();
        } catch (ProviderException e) {
            throw new ProviderException("waiting for " + waitingFor + ": " + e.getMessage(), e.detail(), e);
        }
    }
}
