package io.localvpc.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localvpc destroy [DIR] [-auto-approve]}: destroy everything the state holds. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Destroy the infrastructure the Terraform state in DIR holds (built-in engine).")
public final class DestroyCommand extends EngineCommand {

    @Option(names = {"-auto-approve", "--auto-approve"}, description = "Skip interactive approval before destroying.")
    boolean autoApprove;

    public DestroyCommand() {
        this(System.getenv(), System.in);
    }

    public DestroyCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    @Override
    Integer execute() {
        return planAndApply(true, autoApprove);
    }
}
