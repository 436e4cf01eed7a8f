package io.localvpc.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localvpc apply [DIR] [-auto-approve]}: plan, confirm, and make it so. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Create or update the infrastructure of the Terraform configuration in DIR (built-in engine).")
public final class ApplyCommand extends EngineCommand {

    @Option(names = {"-auto-approve", "--auto-approve"}, description = "Skip interactive approval of the plan.")
    boolean autoApprove;

    public ApplyCommand() {
        this(System.getenv(), System.in);
    }

    public ApplyCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    @Override
    Integer execute() {
        return planAndApply(false, autoApprove);
    }
}
