package io.localvpc.terraform.lang;

/** One problem found in a configuration, worded as Terraform words it. The subject may be null. */
public record Diagnostic(Severity severity, String summary, String detail, SourceRange subject) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String summary, String detail, SourceRange subject) {
        return new Diagnostic(Severity.ERROR, summary, detail, subject);
    }
}
