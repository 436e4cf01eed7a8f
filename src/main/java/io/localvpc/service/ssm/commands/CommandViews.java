package io.localvpc.service.ssm.commands;

import io.localvpc.model.ssm.Command;
import io.localvpc.model.ssm.Command.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.ssm.model.CloudWatchOutputConfig;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.NotificationConfig;
import software.amazon.awssdk.services.ssm.model.Target;

/**
 * Commands and invocations as Systems Manager shows them. Output appears once an invocation has
 * finished (the agent uploads it at the end); until then ResponseCode is -1 and the execution
 * times are empty strings, as on AWS.
 */
final class CommandViews {
    /** GetCommandInvocation's limit on each of standard output and standard error. */
    static final int INVOCATION_OUTPUT_LIMIT = 24_000;
    /** ListCommandInvocations' limit on a plugin's combined output. */
    static final int PLUGIN_OUTPUT_LIMIT = 2_500;
    /** How the agent separates standard error from standard output in a plugin's Output. */
    static final String ERROR_SEPARATOR = "\n----------ERROR-------\n";
    /** The execution times are strings to the millisecond, e.g. {@code 2026-01-01T00:00:01.000Z} and {@code PT3.005S}. */
    private static final DateTimeFormatter EXECUTION_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CommandViews() {}

    static software.amazon.awssdk.services.ssm.model.Command command(String region, Command c) {
        Command.Summary summary = c.summary();
        return software.amazon.awssdk.services.ssm.model.Command.builder()
                .commandId(c.id())
                .documentName(c.documentName())
                .documentVersion(RunShellScript.DEFAULT_VERSION)
                .comment(comment(c))
                .expiresAfter(c.requestedAt().plusSeconds(c.timeoutSeconds()))
                .parameters(c.parameters())
                .instanceIds(c.instanceIds())
                .targets(c.targets().stream().map(t -> Target.builder().key(t.key()).values(t.values()).build()).toList())
                .requestedDateTime(c.requestedAt())
                .status(summary.status())
                .statusDetails(summary.statusDetails())
                .outputS3Region(region)
                .outputS3BucketName("")
                .outputS3KeyPrefix("")
                .maxConcurrency(c.maxConcurrency())
                .maxErrors(c.maxErrors())
                .targetCount(summary.targetCount())
                .completedCount(summary.completedCount())
                .errorCount(summary.errorCount())
                .deliveryTimedOutCount(summary.deliveryTimedOutCount())
                .serviceRole("")
                .notificationConfig(noNotifications())
                .cloudWatchOutputConfig(noCloudWatch())
                .timeoutSeconds(c.timeoutSeconds())
                .build();
    }

    static CommandInvocation invocation(String region, Command c, Invocation i, boolean details) {
        CommandInvocation.Builder b = CommandInvocation.builder()
                .commandId(c.id())
                .instanceId(i.instanceId())
                .instanceName("")
                .comment(comment(c))
                .documentName(c.documentName())
                .documentVersion(RunShellScript.DEFAULT_VERSION)
                .requestedDateTime(c.requestedAt())
                .status(i.status())
                .statusDetails(i.statusDetails())
                .traceOutput("")
                .standardOutputUrl("")
                .standardErrorUrl("")
                .serviceRole("")
                .notificationConfig(noNotifications())
                .cloudWatchOutputConfig(noCloudWatch());
        if (details) {
            b.commandPlugins(plugin(region, i));
        }
        return b.build();
    }

    private static CommandPlugin plugin(String region, Invocation i) {
        String output = "";
        if (finished(i)) {
            String stderr = i.outcome().stderr();
            output = limit(i.outcome().stdout() + (stderr.isEmpty() ? "" : ERROR_SEPARATOR + stderr), PLUGIN_OUTPUT_LIMIT);
        }
        return CommandPlugin.builder()
                .name(RunShellScript.PLUGIN)
                .status(i.status())
                .statusDetails(i.statusDetails())
                .responseCode(responseCode(i))
                .responseStartDateTime(started(i) ? i.deliveredAt() : null)
                .responseFinishDateTime(started(i) && i.terminal() ? i.endedAt() : null)
                .output(output)
                .standardOutputUrl("")
                .standardErrorUrl("")
                .outputS3Region(region)
                .outputS3BucketName("")
                .outputS3KeyPrefix("")
                .build();
    }

    static GetCommandInvocationResponse getInvocation(Command c, Invocation i) {
        boolean started = started(i);
        boolean ended = started && i.terminal();
        return GetCommandInvocationResponse.builder()
                .commandId(c.id())
                .instanceId(i.instanceId())
                .comment(comment(c))
                .documentName(c.documentName())
                .documentVersion(RunShellScript.DEFAULT_VERSION)
                .pluginName(RunShellScript.PLUGIN)
                .responseCode(responseCode(i))
                .executionStartDateTime(started ? EXECUTION_TIME.format(i.deliveredAt()) : "")
                .executionElapsedTime(ended
                        ? Duration.between(i.deliveredAt(), i.endedAt()).truncatedTo(ChronoUnit.MILLIS).toString() : "")
                .executionEndDateTime(ended ? EXECUTION_TIME.format(i.endedAt()) : "")
                .status(i.status())
                .statusDetails(i.statusDetails())
                .standardOutputContent(finished(i) ? limit(i.outcome().stdout(), INVOCATION_OUTPUT_LIMIT) : "")
                .standardOutputUrl("")
                .standardErrorContent(finished(i) ? limit(i.outcome().stderr(), INVOCATION_OUTPUT_LIMIT) : "")
                .standardErrorUrl("")
                .cloudWatchOutputConfig(noCloudWatch())
                .build();
    }

    /** The script ran to its end (or its timeout) and its outcome is the invocation's status. */
    private static boolean finished(Invocation i) {
        return i.terminal() && i.outcome() != null && i.status().equals(i.outcome().status());
    }

    /** The agent had taken the command by the time it ended (or it is running now). */
    private static boolean started(Invocation i) {
        if (i.deliveredAt() == null) {
            return false;
        }
        Instant end = i.endedAt();
        return i.status().equals(Command.IN_PROGRESS) || (i.terminal() && end != null && !i.deliveredAt().isAfter(end));
    }

    private static int responseCode(Invocation i) {
        return finished(i) ? i.outcome().exitCode() : -1;
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String comment(Command c) {
        return c.comment() == null ? "" : c.comment();
    }

    private static NotificationConfig noNotifications() {
        return NotificationConfig.builder().notificationArn("").notificationEventsWithStrings(java.util.List.<String>of())
                .notificationType("").build();
    }

    private static CloudWatchOutputConfig noCloudWatch() {
        return CloudWatchOutputConfig.builder().cloudWatchLogGroupName("").cloudWatchOutputEnabled(false).build();
    }
}
