package io.localvpc.terraform.engine;

import io.localvpc.terraform.lang.Diagnostic;
import io.localvpc.terraform.lang.SourceRange;

/**
 * An error of a plan or apply, as Terraform prints it: the summary, the object it concerns
 * ({@code with aws_vpc.main,}, or null), the source it comes from and the detail.
 */
public record Failure(Diagnostic diagnostic, String with) {

    public static Failure of(String summary, String detail, SourceRange subject, String with) {
        return new Failure(new Diagnostic(Diagnostic.Severity.ERROR, summary, detail, subject), with);
    }
}
