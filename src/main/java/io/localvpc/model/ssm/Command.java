package io.localvpc.model.ssm;

import io.localvpc.model.Timed;
import io.localvpc.model.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Run Command request and one invocation per targeted instance. Each invocation carries its
 * planned timeline (when it is delivered, when its script ends and how); the region moves the
 * statuses along as the simulated clock passes those instants ({@link #evolve}), so a describe
 * after {@code advance} sees Pending, then InProgress, then the outcome. The command's own status
 * is always derived from its invocations, as Systems Manager derives it.
 *
 * @param id the command id (a UUID)
 * @param instanceIds the InstanceIds of the request, as given (empty when Targets were used)
 * @param targets the Targets of the request, as given
 * @param timeoutSeconds the delivery timeout: an invocation not delivered by then times out
 * @param maxErrors as given (a number or a percentage); decides when errors fail the command
 */
public record Command(
        String id,
        String documentName,
        String comment,
        Map<String, List<String>> parameters,
        List<String> instanceIds,
        List<Target> targets,
        Instant requestedAt,
        int timeoutSeconds,
        String maxConcurrency,
        String maxErrors,
        List<Invocation> invocations)
        implements Timed {

    public static final String PENDING = "Pending";
    public static final String IN_PROGRESS = "InProgress";
    public static final String SUCCESS = "Success";
    public static final String FAILED = "Failed";
    public static final String TIMED_OUT = "TimedOut";
    public static final String CANCELLED = "Cancelled";
    public static final String DELIVERY_TIMED_OUT = "DeliveryTimedOut";
    public static final String EXECUTION_TIMED_OUT = "ExecutionTimedOut";

    public Command {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        instanceIds = List.copyOf(instanceIds);
        targets = List.copyOf(targets);
        invocations = List.copyOf(invocations);
    }

    /** One {@code {Key, Values}} target of the request. */
    public record Target(String key, List<String> values) {
        public Target {
            values = List.copyOf(values);
        }
    }

    /**
     * How a delivered script ends: what it printed, its exit code, and the terminal status and
     * details the invocation takes when its run is over.
     */
    public record Outcome(String stdout, String stderr, int exitCode, String status, String statusDetails) {}

    /**
     * The command on one instance.
     *
     * @param deliverBy when delivery times out if the agent has not taken the command by then
     * @param deliveredAt when the agent takes it (null while it cannot be delivered)
     * @param finishesAt when the script's run ends (null until delivered)
     * @param outcome how it ends (null until delivered)
     * @param endedAt when it reached its terminal status (null until then)
     */
    public record Invocation(
            String instanceId,
            Instant deliverBy,
            Instant deliveredAt,
            Instant finishesAt,
            Outcome outcome,
            String status,
            String statusDetails,
            Instant endedAt) {

        public static Invocation pending(String instanceId, Instant deliverBy) {
            return new Invocation(instanceId, deliverBy, null, null, null, PENDING, PENDING, null);
        }

        /** The agent takes the command at {@code at}; its run ends at {@code finishes} with {@code outcome}. */
        public Invocation delivered(Instant at, Instant finishes, Outcome result) {
            return new Invocation(instanceId, deliverBy, at, finishes, result, status, statusDetails, endedAt);
        }

        public boolean terminal() {
            return !status.equals(PENDING) && !status.equals(IN_PROGRESS);
        }

        /** Not yet taken by the agent, and still waiting for it. */
        public boolean awaitingDelivery() {
            return status.equals(PENDING) && deliveredAt == null;
        }

        /** When this invocation's status changes next by itself, or null when it never will. */
        public Instant nextChange() {
            return switch (status) {
                case PENDING -> deliveredAt != null ? deliveredAt : deliverBy;
                case IN_PROGRESS -> finishesAt;
                default -> null;
            };
        }

        /** This invocation as it is at {@code now}, following its timeline. */
        public Invocation at(Instant now) {
            Invocation current = this;
            for (Instant due = current.nextChange(); due != null && !now.isBefore(due); due = current.nextChange()) {
                current = current.step();
            }
            return current;
        }

        private Invocation step() {
            if (status.equals(PENDING) && deliveredAt == null) {
                return withStatus(TIMED_OUT, DELIVERY_TIMED_OUT, deliverBy);
            }
            if (status.equals(PENDING)) {
                return withStatus(IN_PROGRESS, IN_PROGRESS, null);
            }
            return withStatus(outcome.status(), outcome.statusDetails(), finishesAt);
        }

        /** Cancelled at {@code now}: the agent stops (or never starts) the script; nothing it printed is kept. */
        public Invocation cancelled(Instant now) {
            return new Invocation(instanceId, deliverBy, deliveredAt, null, null, CANCELLED, CANCELLED, now);
        }

        private Invocation withStatus(String newStatus, String details, Instant ended) {
            return new Invocation(instanceId, deliverBy, deliveredAt, finishesAt, outcome, newStatus, details, ended);
        }

        /** Failed, or ran past its execution timeout: what counts against MaxErrors. */
        public boolean error() {
            return status.equals(FAILED) || (status.equals(TIMED_OUT) && !DELIVERY_TIMED_OUT.equals(statusDetails));
        }

        public boolean deliveryTimedOut() {
            return status.equals(TIMED_OUT) && DELIVERY_TIMED_OUT.equals(statusDetails);
        }

        /** This invocation alone, counted as a command of one target is (what the invocation list filters see). */
        public Summary summary() {
            return new Summary(status, statusDetails, 1, terminal() ? 1 : 0, error() ? 1 : 0, deliveryTimedOut() ? 1 : 0);
        }
    }

    @Override
    public Instant dueAt() {
        return invocations.stream().map(Invocation::nextChange).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    /** The region's timed evolution: every invocation moved to where its timeline is at the transaction's instant. */
    public static void evolve(Tx tx, Command command) {
        tx.put(command.at(tx.now()));
    }

    public Command at(Instant now) {
        return withInvocations(invocations.stream().map(i -> i.at(now)).toList());
    }

    public Command withInvocations(List<Invocation> changed) {
        return new Command(id, documentName, comment, parameters, instanceIds, targets, requestedAt, timeoutSeconds,
                maxConcurrency, maxErrors, changed);
    }

    public java.util.Optional<Invocation> invocation(String instanceId) {
        return invocations.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }

    /** The command's status and its details, derived from the invocations as Systems Manager does. */
    public record Summary(String status, String statusDetails, int targetCount, int completedCount, int errorCount,
            int deliveryTimedOutCount) {}

    public Summary summary() {
        int completed = 0;
        int errors = 0;
        int deliveryTimeouts = 0;
        int cancelled = 0;
        int executionTimeouts = 0;
        boolean anyTaken = false;
        for (Invocation i : invocations) {
            if (i.terminal()) {
                completed++;
            }
            if (i.error()) {
                errors++;
                if (i.status().equals(TIMED_OUT)) {
                    executionTimeouts++;
                }
            }
            if (i.deliveryTimedOut()) {
                deliveryTimeouts++;
            }
            if (i.status().equals(CANCELLED)) {
                cancelled++;
            }
            anyTaken |= !i.status().equals(PENDING);
        }
        int total = invocations.size();
        String status;
        String details;
        if (completed < total) {
            status = anyTaken ? IN_PROGRESS : PENDING;
            details = status;
        } else if (cancelled > 0) {
            status = CANCELLED;
            details = CANCELLED;
        } else if (errors + deliveryTimeouts == 0) {
            status = SUCCESS;
            details = SUCCESS;
        } else if (errors > allowedErrors(total)) {
            // Failures and execution timeouts count against MaxErrors; the kind that dominates names the result.
            boolean allTimeouts = executionTimeouts == errors;
            status = allTimeouts ? TIMED_OUT : FAILED;
            details = allTimeouts ? EXECUTION_TIMED_OUT : FAILED;
        } else if (deliveryTimeouts > allowedErrors(total)) {
            // Delivery timeouts do not count as errors, but as many of them as MaxErrors allows errors time the command out.
            status = TIMED_OUT;
            details = DELIVERY_TIMED_OUT;
        } else {
            // Some invocations did not succeed, but too few to fail the command.
            status = SUCCESS;
            details = "Incomplete";
        }
        return new Summary(status, details, total, completed, errors, deliveryTimeouts);
    }

    /** MaxErrors as a count: a number, or a percentage of the targets rounded down. */
    private int allowedErrors(int targets) {
        String value = maxErrors == null ? "0" : maxErrors.trim();
        if (value.endsWith("%")) {
            return Integer.parseInt(value.substring(0, value.length() - 1)) * targets / 100;
        }
        return Integer.parseInt(value);
    }

    /** The invocations with those of {@code instanceIds} (all when empty) cancelled at {@code now} if not yet over. */
    public Command cancelled(java.util.Collection<String> instanceIds, Instant now) {
        List<Invocation> changed = new ArrayList<>();
        for (Invocation i : invocations) {
            boolean chosen = instanceIds.isEmpty() || instanceIds.contains(i.instanceId());
            changed.add(chosen && !i.terminal() ? i.cancelled(now) : i);
        }
        return withInvocations(changed);
    }
}
