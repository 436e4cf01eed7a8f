package io.localvpc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code localvpc}: the emulator's command line. Without a subcommand it serves. */
@Command(
        name = "localvpc",
        mixinStandardHelpOptions = true,
        versionProvider = LocalVpcCommand.Version.class,
        description = "AWS VPC networking on one machine: the real AWS APIs on localhost, and a simulated network behind them.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class LocalVpcCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new LocalVpcCommand());
        int exit = args.length == 0 ? cli.execute("serve") : cli.execute(args);
        if (exit != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(exit);
        }
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
