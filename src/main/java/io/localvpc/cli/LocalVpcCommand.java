package io.localvpc.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code localvpc}: the emulator's command line. Without a subcommand it serves. */
@Command(
        name = "localvpc",
        mixinStandardHelpOptions = true,
        versionProvider = LocalVpcCommand.Version.class,
        description = "AWS VPC networking on one machine: the real AWS APIs on localhost, and a simulated network behind them.",
        subcommands = {ServeCommand.class, ExecCommand.class, TraceCommand.class, PlanCommand.class, ApplyCommand.class,
            DestroyCommand.class, OutputCommand.class, StateCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class LocalVpcCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        String[] effective = servesByDefault(args) ? prepend("serve", args) : args;
        int exit = cli.execute(effective);
        if (exit != 0 || !"serve".equals(effective[0])) {
            System.exit(exit);
        }
    }

    /**
     * The command line with its subcommands; {@code exec} stops reading its own options at the
     * instance, so {@code localvpc exec web ping -c 1 8.8.8.8} works without {@code --} too.
     */
    public static CommandLine commandLine() {
        return commandLine(System.getenv(), System.in);
    }

    /**
     * The command line whose Terraform commands read {@code env} instead of the process's
     * environment and answer prompts from {@code stdin} (tests).
     */
    public static CommandLine commandLine(java.util.Map<String, String> env, java.io.InputStream stdin) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new LocalVpcCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // Client commands take the environment (and Terraform's the prompt's input) when they can.
                for (java.lang.reflect.Constructor<?> constructor : type.getConstructors()) {
                    Class<?>[] parameters = constructor.getParameterTypes();
                    if (java.util.Arrays.equals(parameters, new Class<?>[] {java.util.Map.class, java.io.InputStream.class})) {
                        return type.cast(constructor.newInstance(env, stdin));
                    }
                    if (java.util.Arrays.equals(parameters, new Class<?>[] {java.util.Map.class})) {
                        return type.cast(constructor.newInstance(env));
                    }
                }
                return defaults.create(type);
            }
        });
        cli.getSubcommands().get("exec").setStopAtPositional(true);
        return cli;
    }

    /** {@code localvpc} and {@code localvpc --port 5000} mean {@code localvpc serve ...}. */
    static boolean servesByDefault(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return first.startsWith("-") && !List.of("-h", "--help", "-V", "--version").contains(first);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public void run() {
        spec.commandLine().execute("serve");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"localvpc " + io.localvpc.LocalVpc.VERSION};
        }
    }
}
