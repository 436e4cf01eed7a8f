package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Attribute;
import io.localvpc.terraform.lang.Body;
import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Functions;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.HclParser;
import io.localvpc.terraform.lang.SourceRange;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The values of the root module's input variables, from the sources Terraform reads, later ones
 * winning: defaults, {@code TF_VAR_name} environment variables, {@code terraform.tfvars},
 * {@code *.auto.tfvars} in lexical order, then {@code -var} and {@code -var-file} in command-line
 * order. Each value is converted to the declared type and checked by the variable's validations.
 */
public final class InputVariables {

    /** One {@code -var} or {@code -var-file} option, in the order given. */
    public record CommandLineValue(String var, Path file) {
        public static CommandLineValue var(String assignment) {
            return new CommandLineValue(assignment, null);
        }

        public static CommandLineValue file(Path file) {
            return new CommandLineValue(null, file);
        }
    }

    private final Configuration config;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<String, Value> raw = new LinkedHashMap<>();
    private final Map<String, String> sources;
    private final EvalContext literals;

    private InputVariables(Configuration config, Map<String, String> sources) {
        this.config = config;
        this.sources = sources;
        this.literals = new EvalContext(Map.of(), Functions.standard(config.dir()));
    }

    /**
     * Resolves every declared variable; throws {@link HclException} listing every problem.
     *
     * @param sources receives the text of each variables file read, for diagnostics
     */
    public static Map<String, Value> resolve(Configuration config, List<CommandLineValue> commandLine, Map<String, String> env,
            Map<String, String> sources) {
        return new InputVariables(config, sources).resolve(commandLine, env);
    }

    private Map<String, Value> resolve(List<CommandLineValue> commandLine, Map<String, String> env) {
        env.forEach((k, v) -> {
            if (k.startsWith("TF_VAR_") && config.variables().containsKey(k.substring(7))) {
                raw.put(k.substring(7), fromText(k.substring(7), v, "<value for var." + k.substring(7) + ">"));
            }
        });
        Path dir = config.dir();
        if (Files.exists(dir.resolve("terraform.tfvars"))) {
            file(dir.resolve("terraform.tfvars"), false);
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".auto.tfvars")).sorted().forEach(f -> file(f, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (CommandLineValue value : commandLine) {
            if (value.file() != null) {
                file(value.file(), true);
            } else {
                assignment(value.var());
            }
        }
        diagnostics.throwIfAny();
        Map<String, Value> out = new LinkedHashMap<>();
        for (VariableConfig variable : config.variables().values()) {
            finalValue(variable).ifPresent(v -> out.put(variable.name(), v));
        }
        diagnostics.throwIfAny();
        for (VariableConfig variable : config.variables().values()) {
            validate(variable, out);
        }
        diagnostics.throwIfAny();
        return out;
    }

    private void assignment(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            diagnostics.error("Invalid -var option", "The given -var option \"" + text
                    + "\" is not correctly specified. Must be a variable name and value separated by an equals sign, like -var=\"key=value\".",
                    null);
            return;
        }
        String name = text.substring(0, eq).trim();
        if (!config.variables().containsKey(name)) {
            diagnostics.error("Value for undeclared variable", "A variable named \"" + name
                    + "\" was assigned on the command line, but the root module does not declare a variable of that name. To use this value, add a \"variable\" block to the configuration.",
                    null);
            return;
        }
        raw.put(name, fromText(name, text.substring(eq + 1), "<value for var." + name + ">"));
    }

    /** A value given as text (-var, TF_VAR_): a string as is for primitive types, else an HCL expression. */
    private Value fromText(String name, String text, String filename) {
        Type type = config.variables().get(name).type();
        if (type == Type.STRING || type == Type.NUMBER || type == Type.BOOL) {
            return Value.string(text);
        }
        try {
            return HclParser.parseExpression(filename, text).evaluate(literals);
        } catch (HclException e) {
            if (type == Type.DYNAMIC) {
                return Value.string(text);
            }
            diagnostics.add(e);
            return Value.NULL;
        }
    }

    private void file(Path path, boolean explicit) {
        if (!Files.exists(path)) {
            diagnostics.error("Failed to read variables file", "Given variables file " + path + " does not exist.", null);
            return;
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error("Failed to read variables file", "Error reading " + path + ": " + e.getMessage(), null);
            return;
        }
        String name = path.getFileName().toString();
        sources.put(name, text);
        Body body;
        try {
            body = HclParser.parseFile(name, text);
        } catch (HclException e) {
            diagnostics.add(e);
            return;
        }
        body.blocks().forEach(b -> diagnostics.error("Unexpected \"" + b.type() + "\" block", "Blocks are not allowed here.", b.typeRange()));
        for (Attribute attribute : body.attributes()) {
            if (!config.variables().containsKey(attribute.name())) {
                // Terraform warns and goes on for undeclared variables in files; only -var is an error.
                continue;
            }
            try {
                raw.put(attribute.name(), attribute.expression().evaluate(literals));
            } catch (HclException e) {
                diagnostics.add(e);
            }
        }
    }

    private java.util.Optional<Value> finalValue(VariableConfig variable) {
        Value value = raw.get(variable.name());
        SourceRange at = variable.block().typeRange();
        if (value == null) {
            if (variable.defaultValue() == null) {
                diagnostics.error("No value for required variable", "The root module input variable \"" + variable.name()
                        + "\" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.",
                        at);
                return java.util.Optional.empty();
            }
            try {
                value = variable.defaultValue().evaluate(literals);
            } catch (HclException e) {
                diagnostics.add(e);
                return java.util.Optional.empty();
            }
        }
        if (value.isNull()) {
            if (!variable.nullable()) {
                diagnostics.error("Required variable not set", "Unsuitable value for var." + variable.name()
                        + " set from outside of the configuration: required variable may not be set to null.", at);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Value.nullOf(variable.type()));
        }
        try {
            return java.util.Optional.of(value.convert(variable.type()));
        } catch (IllegalArgumentException e) {
            diagnostics.error("Invalid value for input variable", "The given value is not suitable for var." + variable.name()
                    + " declared at " + at + ": " + e.getMessage(), at);
            return java.util.Optional.empty();
        }
    }

    private void validate(VariableConfig variable, Map<String, Value> values) {
        if (variable.validations().isEmpty() || !values.containsKey(variable.name())) {
            return;
        }
        EvalContext context = literals.with("var", Value.object(new LinkedHashMap<>(Map.of(variable.name(), values.get(variable.name())))));
        for (VariableConfig.Validation validation : variable.validations()) {
            try {
                Value ok = validation.condition().evaluate(context);
                if (ok.isKnown() && !ok.isNull() && !ok.convert(Type.BOOL).asBool()) {
                    Value message = validation.errorMessage().evaluate(context);
                    diagnostics.error("Invalid value for variable", message.asString() + "\n\nThis was checked by the validation rule at "
                            + validation.condition().range() + ".", validation.condition().range());
                }
            } catch (HclException e) {
                diagnostics.add(e);
            } catch (IllegalArgumentException e) {
                diagnostics.error("Invalid validation result", "Invalid validation condition result value: " + e.getMessage(),
                        validation.condition().range());
            }
        }
    }
}
