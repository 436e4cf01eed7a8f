package io.localvpc.terraform.lang;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by parsing and evaluation; carries one or more diagnostics. */
public final class HclException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public HclException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(HclException::oneLine).collect(Collectors.joining("; ")));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an HclException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public HclException(String summary, String detail, SourceRange subject) {
        this(List.of(Diagnostic.error(summary, detail, subject)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first diagnostic, for callers that report one problem at a time. */
    public Diagnostic first() {
        return diagnostics.get(0);
    }

    private static String oneLine(Diagnostic d) {
        String where = d.subject() == null ? "" : d.subject() + ": ";
        return where + d.summary() + (d.detail() == null || d.detail().isEmpty() ? "" : "; " + d.detail());
    }
}
