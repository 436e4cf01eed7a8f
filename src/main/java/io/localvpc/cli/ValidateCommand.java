package io.localvpc.cli;

import io.localvpc.terraform.aws.AwsProvider;
import io.localvpc.terraform.config.ConfigLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code localvpc validate [DIR]}: whether the configuration is one the engine can run: syntax,
 * arguments and blocks against the provider's schemas, references, cycles; no API call.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check whether the Terraform configuration is valid.")
public final class ValidateCommand extends TerraformCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The configuration's directory (default: the working directory).")
    Path dir;

    public ValidateCommand() {
        this(System.getenv(), System.in);
    }

    public ValidateCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    @Override
    Path dirArgument() {
        return dir;
    }

    @Override
    Integer execute() {
        ConfigLoader.load(dir(), AwsProvider.create());
        out().println("Success! The configuration is valid.");
        return 0;
    }
}
