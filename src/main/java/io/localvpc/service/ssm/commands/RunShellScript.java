package io.localvpc.service.ssm.commands;

import io.localvpc.service.ssm.SsmErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one Run Command document LocalVPC has, {@code AWS-RunShellScript}: a {@code commands} list
 * (each item one or more lines), an optional {@code workingDirectory} and an {@code executionTimeout}
 * in seconds (default 3600, at most 172800), run by the {@code aws:runShellScript} plugin.
 */
record RunShellScript(String script, Duration executionTimeout) {
    static final String NAME = "AWS-RunShellScript";
    static final String PLUGIN = "aws:runShellScript";
    static final String DEFAULT_VERSION = "$DEFAULT";
    private static final List<String> PARAMETERS = List.of("commands", "workingDirectory", "executionTimeout");
    private static final Pattern TIMEOUT = Pattern.compile("([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)");
    private static final Pattern VERSION = Pattern.compile("\\$DEFAULT|\\$LATEST|1");

    /** The document a request names (its name, or its ARN), or InvalidDocument. */
    static void checkDocument(String name, String version) {
        String bare = name.startsWith("arn:") ? name.substring(name.lastIndexOf('/') + 1) : name;
        if (!bare.equals(NAME)) {
            throw SsmErrors.of("InvalidDocument", "Document with name " + name + " does not exist.");
        }
        if (version != null && !VERSION.matcher(version).matches()) {
            throw SsmErrors.of("InvalidDocumentVersion", "Document " + NAME + " does not have version " + version + ".");
        }
    }

    /** The script the parameters describe, or InvalidParameters for what the document does not accept. */
    static RunShellScript of(Map<String, List<String>> parameters) {
        List<String> unknown = parameters.keySet().stream().filter(k -> !PARAMETERS.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw invalid("Parameter(s) " + String.join(", ", unknown) + " not supported by document " + NAME + ".");
        }
        List<String> commands = parameters.get("commands");
        if (commands == null || commands.isEmpty()) {
            throw invalid("Parameters required for document " + NAME + " are missing: commands.");
        }
        Duration timeout = Duration.ofSeconds(3600);
        List<String> given = parameters.get("executionTimeout");
        if (given != null) {
            if (given.size() != 1 || !TIMEOUT.matcher(given.get(0)).matches()) {
                throw invalid("Parameter \"executionTimeout\" \"" + String.join(",", given)
                        + "\" does not match the allowed pattern: a whole number of seconds from 1 to 172800.");
            }
            timeout = Duration.ofSeconds(Long.parseLong(given.get(0)));
        }
        List<String> directory = parameters.get("workingDirectory");
        if (directory != null && directory.size() > 1) {
            throw invalid("Parameter \"workingDirectory\" takes a single value.");
        }
        // Each item may hold several lines; sh runs them all in order, one script.
        List<String> lines = new ArrayList<>();
        commands.forEach(c -> lines.addAll(List.of(c.split("\r?\n", -1))));
        return new RunShellScript(String.join("\n", lines), timeout);
    }

    private static RuntimeException invalid(String message) {
        return SsmErrors.of("InvalidParameters", message);
    }
}
