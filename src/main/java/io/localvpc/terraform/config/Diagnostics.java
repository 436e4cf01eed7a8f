package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Diagnostic;
import io.localvpc.terraform.lang.HclException;
import io.localvpc.terraform.lang.SourceRange;
import java.util.ArrayList;
import java.util.List;

/** Collects every error of a configuration so that one run reports them all, as Terraform does. */
public final class Diagnostics {
    private final List<Diagnostic> errors = new ArrayList<>();

    public void error(String summary, String detail, SourceRange subject) {
        errors.add(new Diagnostic(Diagnostic.Severity.ERROR, summary, detail, subject));
    }

    /**
     * A construct the built-in engine does not run (modules, other providers, aliases, remote
     * backends…): refused up front, its detail led by {@code file:line:column} so that it can be
     * found without reading the quoted source.
     */
    public void unsupported(String summary, String detail, SourceRange subject) {
        String at = subject == null ? "" : subject.filename() + ":" + subject.start().line() + ":" + subject.start().column() + ": ";
        error(summary, at + detail, subject);
    }

    public void add(HclException e) {
        errors.addAll(e.diagnostics());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new HclException(List.copyOf(errors));
        }
    }
}
