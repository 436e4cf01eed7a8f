package io.localvpc.service.ssm.commands;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ssm.Command;
import io.localvpc.model.ssm.Command.Invocation;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ssm.SsmErrors;
import io.localvpc.service.ssm.SsmPages;
import io.localvpc.service.ssm.instances.ManagedInstances;
import io.localvpc.service.ssm.instances.TagSelectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.model.CancelCommandRequest;
import software.amazon.awssdk.services.ssm.model.CancelCommandResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;
import software.amazon.awssdk.services.ssm.model.ListCommandsRequest;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;
import software.amazon.awssdk.services.ssm.model.Target;

/**
 * Run Command: SendCommand runs {@code AWS-RunShellScript} on managed instances through their
 * simulated shells ({@link Deliveries} decides when), and the invocations move through their
 * statuses with the simulated clock.
 */
public final class CommandService {
    static final int MAX_INSTANCE_IDS = 50;
    static final int MAX_TARGETS = 5;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern MAX_ERRORS = Pattern.compile("([1-9][0-9]*|0|[1-9][0-9]%|[0-9]%|100%)");
    private static final Pattern MAX_CONCURRENCY = Pattern.compile("([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)");

    private final CloudAccess cloud;
    private final ManagedInstances fleet;
    private final Deliveries deliveries;

    public CommandService(CloudAccess cloud, ManagedInstances fleet, Shell shell) {
        this.cloud = cloud;
        this.fleet = fleet;
        this.deliveries = new Deliveries(cloud, fleet, shell);
        cloud.cloud().onDue(Command.class, Command::evolve);
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(SendCommandRequest.class, this::sendCommand)
                .on(GetCommandInvocationRequest.class, this::getCommandInvocation)
                .on(ListCommandsRequest.class, this::listCommands)
                .on(ListCommandInvocationsRequest.class, this::listCommandInvocations)
                .on(CancelCommandRequest.class, this::cancelCommand);
    }

    SendCommandResponse sendCommand(RequestContext ctx, SendCommandRequest request) {
        List<String> instanceIds = request.hasInstanceIds() ? request.instanceIds() : List.of();
        List<Target> targets = request.hasTargets() ? request.targets() : List.of();
        if (instanceIds.size() > MAX_INSTANCE_IDS) {
            throw SsmErrors.constraint(instanceIds, "instanceIds", "Member must have length less than or equal to " + MAX_INSTANCE_IDS);
        }
        if (targets.size() > MAX_TARGETS) {
            throw SsmErrors.constraint(targets, "targets", "Member must have length less than or equal to " + MAX_TARGETS);
        }
        int timeoutSeconds = request.timeoutSeconds() == null ? 3600 : request.timeoutSeconds();
        SsmErrors.range(request.timeoutSeconds(), "timeoutSeconds", 30, 2_592_000);
        String maxErrors = request.maxErrors() == null ? "0" : request.maxErrors();
        String maxConcurrency = request.maxConcurrency() == null ? "50" : request.maxConcurrency();
        if (!MAX_ERRORS.matcher(maxErrors).matches()) {
            throw SsmErrors.constraint(maxErrors, "maxErrors", "Member must satisfy regular expression pattern: "
                    + "^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$");
        }
        if (!MAX_CONCURRENCY.matcher(maxConcurrency).matches()) {
            throw SsmErrors.constraint(maxConcurrency, "maxConcurrency", "Member must satisfy regular expression pattern: "
                    + "^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$");
        }
        if (request.comment() != null && request.comment().length() > 100) {
            throw SsmErrors.constraint(request.comment(), "comment", "Member must have length less than or equal to 100");
        }
        RunShellScript.checkDocument(request.documentName(), request.documentVersion());
        Map<String, List<String>> parameters = request.hasParameters() ? request.parameters() : Map.of();
        RunShellScript script = RunShellScript.of(parameters);
        if (instanceIds.isEmpty() == targets.isEmpty()) {
            throw SsmErrors.of("InvalidParameters", instanceIds.isEmpty()
                    ? "Either InstanceIds or Targets must be specified."
                    : "InstanceIds and Targets cannot both be specified.");
        }
        List<ManagedInstances.Managed> chosen = instanceIds.isEmpty() ? resolve(ctx, targets) : checkInstances(ctx, instanceIds);
        Instant deliverBy = ctx.now().plusSeconds(timeoutSeconds);
        List<Invocation> invocations = chosen.stream()
                .map(target -> deliveries.send(ctx, target, script, deliverBy))
                .toList();
        Command command = new Command(UUID.randomUUID().toString(), RunShellScript.NAME, request.comment(), parameters,
                instanceIds,
                targets.stream().map(t -> new Command.Target(t.key(), t.hasValues() ? t.values() : List.of())).toList(),
                ctx.now(), timeoutSeconds, maxConcurrency, maxErrors, invocations);
        Command stored = cloud.write(ctx, tx -> {
            Command now = command.at(tx.now());
            tx.put(now);
            return now;
        });
        return SendCommandResponse.builder().command(CommandViews.command(ctx.region(), stored)).build();
    }

    /**
     * The instances named by id, each managed and not shutting down or terminated, or
     * InvalidInstanceId naming all that are not. A stopped or unreachable instance that has
     * registered is valid: its invocation waits for the agent.
     */
    private List<ManagedInstances.Managed> checkInstances(RequestContext ctx, List<String> instanceIds) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : instanceIds) {
            if (!seen.add(id)) {
                throw SsmErrors.of("DuplicateInstanceId", "Instance id " + id + " is listed more than once.");
            }
        }
        List<ManagedInstances.Managed> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String id : instanceIds) {
            fleet.find(ctx, id)
                    .filter(m -> !m.instance().state().equals("shutting-down"))
                    .ifPresentOrElse(valid::add, () -> invalid.add(id));
        }
        if (!invalid.isEmpty()) {
            throw invalidInstances(ctx, invalid);
        }
        return valid;
    }

    /** SSM's answer for instances it cannot run commands on: {@code Instances [[i-1, i-2]] not in a valid state for account …}. */
    private static RuntimeException invalidInstances(RequestContext ctx, List<String> instanceIds) {
        return SsmErrors.of("InvalidInstanceId", "Instances [" + instanceIds + "] not in a valid state for account "
                + ctx.accountId());
    }

    /** The managed instances all of {@code targets} select (InstanceIds, tag:KEY, tag-key). */
    private List<ManagedInstances.Managed> resolve(RequestContext ctx, List<Target> targets) {
        RegionState state = cloud.read(ctx);
        List<Predicate<Instance>> tests = new ArrayList<>();
        for (Target target : targets) {
            String key = target.key() == null ? "" : target.key();
            List<String> values = target.hasValues() ? target.values() : List.of();
            if (values.isEmpty()) {
                throw SsmErrors.of("InvalidParameters", "Target " + key + " needs at least one value.");
            }
            var byTag = TagSelectors.of(key, values, state);
            if (key.equals("InstanceIds")) {
                tests.add(i -> values.contains(i.id()));
            } else if (byTag.isPresent()) {
                tests.add(i -> byTag.get().test(i.id()));
            } else {
                throw SsmErrors.of("InvalidParameters", "Target key " + key + " is not supported: use InstanceIds, "
                        + "tag:<key> or tag-key.");
            }
        }
        return fleet.all(ctx).stream()
                .filter(m -> !m.instance().state().equals("shutting-down"))
                .filter(m -> tests.stream().allMatch(t -> t.test(m.instance())))
                .toList();
    }

    GetCommandInvocationResponse getCommandInvocation(RequestContext ctx, GetCommandInvocationRequest request) {
        checkCommandId(request.commandId());
        if (request.pluginName() != null && !request.pluginName().equals(RunShellScript.PLUGIN)) {
            throw SsmErrors.of("InvalidPluginName", "");
        }
        deliveries.catchUp(ctx);
        Command command = cloud.read(ctx).find(Command.class, request.commandId())
                .orElseThrow(CommandService::noInvocation);
        Invocation invocation = command.invocation(request.instanceId()).orElseThrow(CommandService::noInvocation);
        return CommandViews.getInvocation(command, invocation);
    }

    private static RuntimeException noInvocation() {
        return SsmErrors.of("InvocationDoesNotExist", "");
    }

    ListCommandsResponse listCommands(RequestContext ctx, ListCommandsRequest request) {
        checkCommandId(request.commandId());
        Predicate<Command.Summary> byStatus = CommandFilters.byStatus(request.filters());
        Predicate<Command> byOther = CommandFilters.byCommand(request.filters());
        deliveries.catchUp(ctx);
        List<Command> matching = commands(ctx, request.commandId(), request.instanceId()).stream()
                .filter(byOther)
                .filter(c -> byStatus.test(c.summary()))
                .toList();
        var page = SsmPages.of(matching, request.maxResults(), 50, 50, request.nextToken());
        return ListCommandsResponse.builder()
                .commands(page.items().stream().map(c -> CommandViews.command(ctx.region(), c)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    ListCommandInvocationsResponse listCommandInvocations(RequestContext ctx, ListCommandInvocationsRequest request) {
        checkCommandId(request.commandId());
        Predicate<Command.Summary> byStatus = CommandFilters.byStatus(request.filters());
        Predicate<Command> byOther = CommandFilters.byCommand(request.filters());
        deliveries.catchUp(ctx);
        record Row(Command command, Invocation invocation) {}
        List<Row> rows = new ArrayList<>();
        for (Command command : commands(ctx, request.commandId(), request.instanceId())) {
            if (!byOther.test(command)) {
                continue;
            }
            for (Invocation invocation : command.invocations()) {
                boolean wantedInstance = request.instanceId() == null || request.instanceId().equals(invocation.instanceId());
                // The invocation filters see each invocation's own status.
                if (wantedInstance && byStatus.test(invocation.summary())) {
                    rows.add(new Row(command, invocation));
                }
            }
        }
        var page = SsmPages.of(rows, request.maxResults(), 50, 50, request.nextToken());
        boolean details = Boolean.TRUE.equals(request.details());
        return ListCommandInvocationsResponse.builder()
                .commandInvocations(page.items().stream()
                        .map(r -> CommandViews.invocation(ctx.region(), r.command(), r.invocation(), details)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    CancelCommandResponse cancelCommand(RequestContext ctx, CancelCommandRequest request) {
        checkCommandId(request.commandId());
        List<String> instanceIds = request.hasInstanceIds() ? request.instanceIds() : List.of();
        return cloud.write(ctx, tx -> {
            Command command = tx.find(Command.class, request.commandId())
                    .orElseThrow(() -> SsmErrors.of("InvalidCommandId", ""));
            List<String> unknown = instanceIds.stream().filter(id -> command.invocation(id).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw invalidInstances(ctx, unknown);
            }
            tx.put(command.cancelled(Set.copyOf(instanceIds), tx.now()));
            return CancelCommandResponse.builder().build();
        });
    }

    /** The region's commands, newest first, narrowed to one command id and/or one instance. */
    private List<Command> commands(RequestContext ctx, String commandId, String instanceId) {
        return cloud.read(ctx).all(Command.class).stream()
                .filter(c -> commandId == null || c.id().equals(commandId))
                .filter(c -> instanceId == null || c.invocation(instanceId).isPresent())
                .sorted(Comparator.comparing(Command::requestedAt).reversed().thenComparing(Command::id))
                .toList();
    }

    /** The SDK requires 36 characters; one that is not a command id's UUID is InvalidCommandId. */
    private static void checkCommandId(String commandId) {
        if (commandId == null) {
            return;
        }
        if (commandId.length() != 36) {
            throw SsmErrors.constraint(commandId, "commandId", "Member must have length "
                    + (commandId.length() < 36 ? "greater than or equal to 36" : "less than or equal to 36"));
        }
        if (!UUID_TEXT.matcher(commandId).matches()) {
            throw SsmErrors.of("InvalidCommandId", "");
        }
    }
}
