package io.localvpc.service.ssm.commands;

import io.localvpc.api.RequestContext;
import io.localvpc.dataplane.shell.ExecResult;
import io.localvpc.dataplane.shell.Session;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.model.RegionState;
import io.localvpc.model.ssm.Command;
import io.localvpc.model.ssm.Command.Invocation;
import io.localvpc.model.ssm.Command.Outcome;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ssm.instances.ManagedInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands commands to agents and runs their scripts.
 *
 * <p><b>When the script runs.</b> An online agent takes a command one state delay after it was
 * sent (its poll of ec2messages), and its script then runs in the instance's simulated shell,
 * command after command, for as long as the tools say they take ({@code ping -c 4}: about three
 * seconds). The shell is run once, by the request that hands the command over: SendCommand for an
 * agent that is online then, or the first SSM request after an offline agent comes back. It runs
 * against the network as it is at that moment, with the shell's clock set to the delivery instant,
 * and its whole outcome is stored with the invocation together with the instants it is delivered
 * and finishes; the region's timed evolution then moves the invocation through Pending, InProgress
 * and its result as the simulated clock passes those instants. So a frozen clock gives the same
 * answer every time, nothing runs on a background thread, and the shell never runs inside a
 * region write (the data plane reads the same region, so it must not run under its lock).
 */
final class Deliveries {
    private final CloudAccess cloud;
    private final ManagedInstances fleet;
    private final Shell shell;

    Deliveries(CloudAccess cloud, ManagedInstances fleet, Shell shell) {
        this.cloud = cloud;
        this.fleet = fleet;
        this.shell = shell;
    }

    /**
     * The invocation for {@code target} of a command sent now: delivered after the state delay
     * when its agent is online, or waiting for the agent until {@code deliverBy}.
     */
    Invocation send(RequestContext ctx, ManagedInstances.Managed target, RunShellScript script, Instant deliverBy) {
        Invocation pending = Invocation.pending(target.instance().id(), deliverBy);
        return target.online()
                ? run(ctx, pending, script, ctx.now().plus(cloud.timings().stateChange())).orElse(pending)
                : pending;
    }

    /**
     * Delivers, at the request's instant, every invocation that waited for an agent that is online
     * again. Called first by the Run Command requests, so what they show is up to date.
     */
    void catchUp(RequestContext ctx) {
        RegionState state = cloud.read(ctx);
        record Taken(String commandId, Invocation invocation) {}
        List<Taken> taken = new ArrayList<>();
        // An agent's presence walks the network: asked once per instance, however many commands wait for it.
        Map<String, Boolean> online = new HashMap<>();
        for (Command command : state.all(Command.class)) {
            for (Invocation invocation : command.invocations()) {
                if (invocation.awaitingDelivery() && online.computeIfAbsent(invocation.instanceId(),
                        id -> fleet.find(ctx, id).map(ManagedInstances.Managed::online).orElse(false))) {
                    run(ctx, invocation, RunShellScript.of(command.parameters()), ctx.now())
                            .ifPresent(delivered -> taken.add(new Taken(command.id(), delivered)));
                }
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        cloud.write(ctx, tx -> {
            for (Taken t : taken) {
                tx.find(Command.class, t.commandId()).ifPresent(command -> {
                    List<Invocation> changed = command.invocations().stream()
                            .map(i -> i.instanceId().equals(t.invocation().instanceId()) && i.awaitingDelivery() ? t.invocation() : i)
                            .toList();
                    tx.put(command.withInvocations(changed).at(tx.now()));
                });
            }
            return null;
        });
    }

    /** Runs the script on the instance as of {@code deliveredAt}; empty when the instance is not on the network. */
    private Optional<Invocation> run(RequestContext ctx, Invocation invocation, RunShellScript script, Instant deliveredAt) {
        Optional<Session> session = fleet.agents().session(ctx.accountId(), ctx.region(), invocation.instanceId(), deliveredAt);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        ExecResult result = shell.run(session.get(), script.script());
        Duration ran = result.elapsed();
        if (ran.compareTo(script.executionTimeout()) > 0) {
            // The agent kills the script at the timeout. The simulated tools print all at once, so
            // everything the script printed is kept, even lines a real run would not have reached.
            return Optional.of(invocation.delivered(deliveredAt, deliveredAt.plus(script.executionTimeout()),
                    new Outcome(result.stdout(), result.stderr(), -1, Command.TIMED_OUT, Command.EXECUTION_TIMED_OUT)));
        }
        Outcome outcome = result.exitCode() == 0
                ? new Outcome(result.stdout(), result.stderr(), 0, Command.SUCCESS, Command.SUCCESS)
                // The agent reports a non-zero exit on standard error, after what the script wrote there.
                : new Outcome(result.stdout(), result.stderr() + "failed to run commands: exit status " + result.exitCode() + "\n",
                        result.exitCode(), Command.FAILED, Command.FAILED);
        return Optional.of(invocation.delivered(deliveredAt, deliveredAt.plus(ran), outcome));
    }
}
