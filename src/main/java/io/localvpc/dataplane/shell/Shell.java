package io.localvpc.dataplane.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell of a simulated instance: parses a command line ({@link ShellParser}: quotes,
 * {@code ;}, newlines, {@code &&}, {@code ||}) and runs each command with the tool of that name, through the
 * simulated network, each one starting when the one before it would have ended. Builtins:
 * {@code echo}, {@code true}, {@code false}, {@code exit [n]}, {@code sleep SECONDS} (simulated
 * time only) and {@code sudo COMMAND} (everyone is root here). A program given by path ({@code /usr/bin/ping}) is
 * looked up by its last component. Anything else is {@code sh: NAME: command not found}, exit 127.
 */
public final class Shell {
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public Shell(List<Tool> tools) {
        tools.forEach(t -> this.tools.put(t.name(), t));
    }

    /** The tools of an Amazon Linux instance: ping, curl, traceroute, dig, nslookup, ip, hostname, nc. */
    public static Shell standard() {
        return new Shell(List.of(new Ping(), new Curl(), new Traceroute(), new Dig(), new Nslookup(), new IpCommand(),
                new Hostname(), new Nc()));
    }

    /**
     * What an interactive shell needs beyond the output: whether the line ran the {@code exit}
     * builtin, after which the shell is gone (its status is the result's exit code).
     */
    public record LineResult(ExecResult result, boolean exited) {}

    /** Runs {@code commandLine} on the instance of {@code session}; output of all its commands, the last one's status. */
    public ExecResult run(Session session, String commandLine) {
        return runLine(session, commandLine).result();
    }

    /** Like {@link #run}, telling also whether {@code exit} ended the shell. */
    public LineResult runLine(Session session, String commandLine) {
        List<ShellParser.Command> commands;
        try {
            commands = ShellParser.parse(commandLine);
        } catch (ShellParser.SyntaxError e) {
            return new LineResult(ExecResult.error(e.getMessage() + "\n", 2), false);
        }
        ExecResult result = ExecResult.ok("");
        for (ShellParser.Command command : commands) {
            boolean runs = switch (command.joint()) {
                case FIRST, ALWAYS -> true;
                case IF_SUCCEEDED -> result.exitCode() == 0;
                case IF_FAILED -> result.exitCode() != 0;
            };
            if (!runs) {
                continue;
            }
            List<String> words = command.words();
            if (words.get(0).equals("exit")) {
                int status = result.exitCode();
                if (words.size() > 1) {
                    Integer given = Ping.integer(words.get(1));
                    if (given == null) {
                        // bash prints the complaint and exits all the same, with status 2.
                        return new LineResult(result.then(ExecResult.error(
                                "sh: exit: " + words.get(1) + ": numeric argument required\n", 2)), true);
                    }
                    status = given & 0xff;
                }
                return new LineResult(result.withExitCode(status), true);
            }
            Session at = result.elapsed().isZero() ? session : session.at(session.now().plus(result.elapsed()));
            result = result.then(runCommand(at, words));
        }
        return new LineResult(result, false);
    }

    private ExecResult runCommand(Session session, List<String> words) {
        String program = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (program.equals("sudo")) {
            List<String> rest = args.stream().dropWhile(a -> a.startsWith("-")).toList();
            return rest.isEmpty()
                    ? ExecResult.error("usage: sudo command\n", 1)
                    : runCommand(session, rest);
        }
        switch (program) {
            case "true":
                return ExecResult.ok("");
            case "false":
                return ExecResult.error("", 1);
            case "sleep":
                return Sleep.run(args);
            case "echo":
                boolean newline = args.isEmpty() || !args.get(0).equals("-n");
                List<String> text = newline ? args : args.subList(1, args.size());
                return ExecResult.ok(String.join(" ", text) + (newline ? "\n" : ""));
            default:
                break;
        }
        Tool tool = tools.get(onPath(program));
        if (tool == null) {
            return program.contains("/")
                    ? ExecResult.error("sh: " + program + ": No such file or directory\n", 127)
                    : ExecResult.error("sh: " + program + ": command not found\n", 127);
        }
        return tool.run(session, List.copyOf(args));
    }

    private static String onPath(String program) {
        for (String dir : List.of("/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/")) {
            if (program.startsWith(dir) && program.indexOf('/', dir.length()) < 0) {
                return program.substring(dir.length());
            }
        }
        return program;
    }
}
