package io.localvpc.terraform.lang;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders diagnostics as Terraform prints them (without colour): the summary, where it happened
 * with the enclosing top-level block, the source lines of the subject, then the detail.
 */
public final class DiagnosticPrinter {

    private final Map<String, String> sources;
    private final Map<String, Optional<Body>> parsed = new HashMap<>();

    public DiagnosticPrinter(Map<String, String> sourcesByFilename) {
        this.sources = Map.copyOf(sourcesByFilename);
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder("\n");
        out.append(d.severity() == Diagnostic.Severity.ERROR ? "Error: " : "Warning: ").append(d.summary()).append("\n\n");
        SourceRange subject = d.subject();
        if (subject != null) {
            out.append("  on ").append(subject.filename()).append(" line ").append(subject.start().line());
            context(subject).ifPresent(c -> out.append(", in ").append(c));
            out.append(":\n");
            String text = sources.get(subject.filename());
            if (text != null) {
                String[] lines = text.split("\r?\n", -1);
                int last = Math.max(subject.start().line(), subject.end().column() == 1 && subject.end().line() > subject.start().line()
                        ? subject.end().line() - 1 : subject.end().line());
                for (int line = subject.start().line(); line <= last && line <= lines.length; line++) {
                    out.append(String.format("%4d: %s", line, lines[line - 1])).append('\n');
                }
            }
            out.append('\n');
        }
        if (d.detail() != null && !d.detail().isEmpty()) {
            out.append(d.detail()).append('\n');
        }
        return out.toString();
    }

    /** Renders every diagnostic of an exception, one after the other. */
    public String render(HclException e) {
        StringBuilder out = new StringBuilder();
        e.diagnostics().forEach(d -> out.append(render(d)));
        return out.toString();
    }

    /** The top-level block around the subject, named as Terraform names it: resource "aws_vpc" "main". */
    private Optional<String> context(SourceRange subject) {
        Optional<Body> body = parsed.computeIfAbsent(subject.filename(), this::parse);
        return body.flatMap(b -> b.blocks().stream()
                .filter(block -> block.range().contains(subject.start().offset()))
                .findFirst()
                .map(Block::header));
    }

    private Optional<Body> parse(String filename) {
        String text = sources.get(filename);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HclParser.parseFile(filename, text));
        } catch (HclException e) {
            return Optional.empty(); // a file that does not parse has no block to name
        }
    }
}
