package io.localvpc.cli;

import io.localvpc.terraform.config.ConfigLoader;
import io.localvpc.terraform.config.InputVariables;
import io.localvpc.terraform.engine.EngineException;
import io.localvpc.terraform.engine.Failure;
import io.localvpc.terraform.lang.Diagnostic;
import io.localvpc.terraform.lang.DiagnosticPrinter;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.state.StateLock;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What the Terraform commands ({@code plan}, {@code apply}, {@code destroy}, {@code output},
 * {@code state}, {@code validate}) share: the working directory ({@code -chdir=DIR} or a DIR
 * argument), input variables in command-line order, and Terraform's way of printing errors.
 * Options are spelled with one dash as Terraform spells them; two dashes work too.
 */
abstract class TerraformCommand implements Callable<Integer> {
    static final int ERROR = 1;

    @Option(names = {"-chdir", "--chdir"}, paramLabel = "DIR", description = "Switch to a different working directory first.")
    Path chdir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final Map<String, String> env;
    final InputStream stdin;
    /** Source texts by file name, for diagnostics that quote lines. */
    final Map<String, String> sources = new LinkedHashMap<>();
    final List<InputVariables.CommandLineValue> variableValues = new ArrayList<>();

    TerraformCommand(Map<String, String> env, InputStream stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    /** Terraform's {@code -var 'name=value'}; repeatable, ordered with {@code -var-file}. */
    @Option(names = {"-var", "--var"}, paramLabel = "NAME=VALUE", description = "Set a value for one of the input variables.")
    void var(List<String> assignments) {
        // picocli hands the whole list each time; keep only what is new, in order.
        assignments.stream().skip(variableValues.stream().filter(v -> v.var() != null).count())
                .forEach(a -> variableValues.add(InputVariables.CommandLineValue.var(a)));
    }

    @Option(names = {"-var-file", "--var-file"}, paramLabel = "FILE", description = "Load variable values from the given file.")
    void varFile(List<Path> files) {
        files.stream().skip(variableValues.stream().filter(v -> v.file() != null).count())
                .forEach(f -> variableValues.add(InputVariables.CommandLineValue.file(resolve(f))));
    }

    @Option(names = {"-no-color", "--no-color"}, description = "Accepted for Terraform compatibility; output has no color anyway.")
    boolean noColor;

    @Option(names = {"-input", "--input"}, arity = "1", paramLabel = "BOOL", description = "Ask for input (default: true).")
    boolean input = true;

    /** The working directory: {@code -chdir}, else the DIR argument, else the process's. */
    Path dir() {
        Path dir = chdir != null ? chdir : dirArgument() != null ? dirArgument() : Path.of(".");
        return dir.toAbsolutePath().normalize();
    }

    /** The DIR argument of commands that take one, else null. */
    Path dirArgument() {
        return null;
    }

    private Path resolve(Path file) {
        return file.isAbsolute() || chdir == null ? file : chdir.resolve(file);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (HclException e) {
            if (sources.isEmpty()) {
                sources.putAll(ConfigLoader.sources(dir()));
            }
            e.diagnostics().forEach(d -> print(new Failure(d, null)));
            return ERROR;
        } catch (EngineException e) {
            e.failures().forEach(this::print);
            return ERROR;
        } catch (StateLock.LockedException e) {
            printError("Error acquiring the state lock", e.getMessage());
            return ERROR;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            printError(e.getMessage(), null);
            return ERROR;
        } finally {
            out().flush();
            err().flush();
        }
    }

    abstract Integer execute();

    /** Prints a failure as Terraform does: the language's rendering, with {@code with <address>,} above the source line. */
    void print(Failure failure) {
        String text = new DiagnosticPrinter(sources).render(failure.diagnostic());
        if (failure.with() != null) {
            int on = text.indexOf("\n  on ");
            String with = "\n  with " + failure.with() + ",";
            text = on >= 0 ? text.substring(0, on) + with + text.substring(on) : text.replaceFirst("\n\n", "\n" + with + "\n\n");
        }
        err().print(text.endsWith("\n") ? text : text + "\n");
        err().flush();
    }

    void printError(String summary, String detail) {
        print(new Failure(new Diagnostic(Diagnostic.Severity.ERROR, summary, detail, null), null));
    }

    /** Asks as Terraform asks ({@code Enter a value:}) and answers whether the reply was exactly {@code yes}. */
    boolean confirm(String question, String explanation) {
        PrintWriter out = out();
        out.print("\n" + question + "\n" + explanation + "\n\n  Enter a value: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            out.println();
            return "yes".equals(answer == null ? null : answer.trim());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
