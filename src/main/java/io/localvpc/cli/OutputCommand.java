package io.localvpc.cli;

import io.localvpc.terraform.render.Literals;
import io.localvpc.terraform.render.OutputRenderer;
import io.localvpc.terraform.state.OutputState;
import io.localvpc.terraform.state.StateFile;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code localvpc output [-json|-raw] [NAME]}: the root outputs from the state, as {@code terraform output} prints them. */
@Command(name = "output", mixinStandardHelpOptions = true, description = "Show output values from the Terraform state.")
public final class OutputCommand extends TerraformCommand {

    @Option(names = {"-json", "--json"}, description = "Machine-readable JSON output.")
    boolean json;

    @Option(names = {"-raw", "--raw"}, description = "The raw string of one output, with no quotes and no newline.")
    boolean raw;

    @Option(names = {"-state", "--state"}, paramLabel = "PATH", description = "The state file (default: terraform.tfstate).")
    java.nio.file.Path statePath;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The output to show (default: all).")
    String name;

    public OutputCommand() {
        this(System.getenv(), System.in);
    }

    public OutputCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    @Override
    Integer execute() {
        StateFile file = statePath != null ? new StateFile(statePath) : StateFile.in(dir());
        Map<String, OutputState> outputs = new TreeMap<>(file.read().outputs());
        if (raw && name == null) {
            printError("Output name required", "You must give the name of a single output value when using the -raw option.");
            return ERROR;
        }
        if (name != null) {
            OutputState output = outputs.get(name);
            if (output == null) {
                printError("Output \"" + name + "\" not found", "The output variable requested could not be found in the state file. "
                        + "If you recently added this to your configuration, be sure to run `terraform apply`, since the state won't be updated with new output variables until that command is run.");
                return ERROR;
            }
            return one(output);
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            outputs.forEach((k, v) -> {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("sensitive", v.sensitive());
                o.put("type", v.type());
                o.put("value", v.value());
                all.put(k, o);
            });
            out().println(pretty(all));
            return 0;
        }
        if (outputs.isEmpty()) {
            err().println("\nWarning: No outputs found\n\nThe state file either has no outputs defined, or all the defined outputs are\n"
                    + "empty. Please define an output in your configuration with the `output` keyword\n"
                    + "and run `terraform refresh` for it to become available. If you are using\n"
                    + "interpolation, please verify the interpolated value is not empty. You can use\n"
                    + "the `terraform console` command to assist.");
            return 0;
        }
        out().print(OutputRenderer.all(outputs));
        return 0;
    }

    private int one(OutputState output) {
        Object value = output.value();
        if (raw) {
            if (value instanceof String || value instanceof Boolean) {
                out().print(value);
            } else if (value instanceof BigDecimal n) {
                out().print(Literals.number(n));
            } else if (value == null) {
                printError("Unsupported value for raw output", "The -raw option only supports strings, numbers, and boolean values, but output value is null.");
                return ERROR;
            } else {
                printError("Unsupported value for raw output", "The -raw option only supports strings, numbers, and boolean values, but output value \""
                        + name + "\" is a collection.\n\nUse the -json option for machine-readable representations of output values that have complex types.");
                return ERROR;
            }
            return 0;
        }
        if (json) {
            out().println(pretty(value));
            return 0;
        }
        out().println(OutputRenderer.value(value, 0));
        return 0;
    }

    private static String pretty(Object value) {
        try {
            return StateFile.json().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    .replace(" : ", ": ").replace("[ ]", "[]").replace("{ }", "{}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
