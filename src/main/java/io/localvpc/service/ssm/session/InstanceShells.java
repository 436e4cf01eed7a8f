package io.localvpc.service.ssm.session;

import io.localvpc.dataplane.shell.ExecResult;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.dataplane.shell.Terminal;
import io.localvpc.model.ec2.Instance;
import io.localvpc.service.ec2.instances.Images;
import io.localvpc.service.ssm.agent.SsmAgents;
import io.localvpc.service.ssm.session.channel.DataChannel;
import io.localvpc.time.SimClock;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the SSM agent runs on an instance for a session: an interactive {@code sh} (as ssm-user on
 * Amazon Linux: {@code sh-4.2$} on AL2, {@code sh-5.2$} on AL2023) or one command. Each command
 * line runs through the simulated network at the simulated clock's instant when it is entered.
 */
final class InstanceShells {
    /** A command that is itself a shell gets the interactive terminal instead of a one-shot run. */
    private static final Pattern SHELL_COMMAND = Pattern.compile("(/usr)?(/bin/)?(ba)?sh");

    private final SimClock clock;
    private final SsmAgents agents;
    private final Shell shell;

    InstanceShells(SimClock clock, SsmAgents agents, Shell shell) {
        this.clock = clock;
        this.agents = agents;
        this.shell = shell;
    }

    DataChannel.StreamAgent agentFor(String accountId, String region, Instance instance, SessionDocuments.Plan plan) {
        String command = plan.command() == null ? null : plan.command().strip();
        if (command == null || SHELL_COMMAND.matcher(command).matches()) {
            String program = command != null && command.endsWith("bash") ? "bash" : "sh";
            String prompt = program + "-" + (amazonLinux2023(region, instance) ? "5.2" : "4.2") + "$ ";
            return new InteractiveShell(plan.sessionType(), new Terminal(prompt, line -> run(accountId, region, instance, line)));
        }
        return new OneCommand(plan.sessionType(), () -> run(accountId, region, instance, command).result());
    }

    private Shell.LineResult run(String accountId, String region, Instance instance, String line) {
        return agents.session(accountId, region, instance.id(), clock.now())
                .map(session -> shell.runLine(session, line))
                .orElseGet(() -> new Shell.LineResult(
                        ExecResult.error("sh: the instance is not on the simulated network\n", 1), false));
    }

    private static boolean amazonLinux2023(String region, Instance instance) {
        return Images.find(region, instance.imageId()).map(i -> i.name().startsWith("al2023")).orElse(false);
    }

    /** The default session: a login shell on a terminal. */
    private record InteractiveShell(String sessionType, Terminal terminal) implements DataChannel.StreamAgent {
        @Override
        public byte[] begin() {
            return terminal.start();
        }

        @Override
        public byte[] input(byte[] keys) {
            return terminal.type(keys);
        }

        @Override
        public boolean ended() {
            return terminal.exited();
        }
    }

    /** AWS-Start(Non)InteractiveCommand: the command runs once the client is ready, its output is shown, the session ends. */
    private static final class OneCommand implements DataChannel.StreamAgent {
        private final String sessionType;
        private final Supplier<ExecResult> command;
        private boolean ran;

        OneCommand(String sessionType, Supplier<ExecResult> command) {
            this.sessionType = sessionType;
            this.command = command;
        }

        @Override
        public String sessionType() {
            return sessionType;
        }

        @Override
        public byte[] begin() {
            ran = true;
            ExecResult result = command.get();
            String text = result.stdout() + result.stderr();
            return Terminal.crlf(text).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] input(byte[] keys) {
            return new byte[0]; // the command reads no input: it has finished before any key could arrive
        }

        @Override
        public boolean ended() {
            return ran;
        }
    }
}
