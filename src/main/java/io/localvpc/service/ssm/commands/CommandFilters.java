package io.localvpc.service.ssm.commands;

import io.localvpc.model.ssm.Command;
import io.localvpc.service.ssm.SsmErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ssm.model.CommandFilter;

/** ListCommands' and ListCommandInvocations' filters: InvokedAfter, InvokedBefore, Status, ExecutionStage, DocumentName. */
final class CommandFilters {
    private static final List<String> FILTER_KEYS = List.of("InvokedAfter", "InvokedBefore", "Status", "ExecutionStage",
            "DocumentName");

    private CommandFilters() {}

    /** The Status and ExecutionStage filters, applied to a status summary (a command's, or one invocation's). */
    static Predicate<Command.Summary> byStatus(List<CommandFilter> filters) {
        Predicate<Command.Summary> all = s -> true;
        for (CommandFilter filter : filters) {
            String key = checkKey(filter);
            String value = filter.value();
            if (key.equals("Status")) {
                List<String> statuses = List.of("Pending", "InProgress", "Success", "Cancelled", "Failed", "TimedOut", "Cancelling");
                if (!statuses.contains(value)) {
                    throw SsmErrors.of("InvalidFilterValue", "The filter value " + value + " isn't valid for Status."
                            + " Valid values: " + String.join(", ", statuses) + ".");
                }
                all = all.and(s -> s.status().equals(value));
            } else if (key.equals("ExecutionStage")) {
                if (!value.equals("Executing") && !value.equals("Complete")) {
                    throw SsmErrors.of("InvalidFilterValue", "The filter value " + value
                            + " isn't valid for ExecutionStage. Valid values: Executing, Complete.");
                }
                boolean complete = value.equals("Complete");
                all = all.and(s -> (s.completedCount() == s.targetCount()) == complete);
            }
        }
        return all;
    }

    /** The InvokedAfter, InvokedBefore and DocumentName filters. */
    static Predicate<Command> byCommand(List<CommandFilter> filters) {
        Predicate<Command> all = c -> true;
        for (CommandFilter filter : filters) {
            String key = checkKey(filter);
            String value = filter.value();
            switch (key) {
                case "InvokedAfter" -> {
                    Instant after = instant(value);
                    all = all.and(c -> !c.requestedAt().isBefore(after));
                }
                case "InvokedBefore" -> {
                    Instant before = instant(value);
                    all = all.and(c -> !c.requestedAt().isAfter(before));
                }
                case "DocumentName" -> all = all.and(c -> c.documentName().equals(value));
                default -> { }
            }
        }
        return all;
    }

    private static String checkKey(CommandFilter filter) {
        String key = filter.keyAsString();
        if (key == null || !FILTER_KEYS.contains(key)) {
            throw SsmErrors.of("InvalidFilterKey", "The filter key " + key + " isn't valid. Valid keys: "
                    + String.join(", ", FILTER_KEYS) + ".");
        }
        if (filter.value() == null || filter.value().isEmpty()) {
            throw SsmErrors.constraint(filter.value(), "filters.member.value", "Member must have length greater than or equal to 1");
        }
        return key;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw SsmErrors.of("InvalidFilterValue", "The filter value " + value + " isn't a valid timestamp:"
                        + " use the ISO 8601 format, e.g. 2024-06-01T00:00:00Z.");
            }
        }
    }
}
