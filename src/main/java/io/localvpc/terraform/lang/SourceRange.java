package io.localvpc.terraform.lang;

/** A half-open range of a source file: from {@code start} up to (not including) {@code end}. */
public record SourceRange(String filename, SourcePos start, SourcePos end) {

    /** A range covering both ranges (they must be in the same file). */
    public SourceRange to(SourceRange other) {
        return new SourceRange(filename, start, other.end);
    }

    public boolean contains(int offset) {
        return start.offset() <= offset && offset < end.offset();
    }

    /** Terraform's compact form: "main.tf:12,3-17", or "main.tf:12,3-14,2" over several lines. */
    @Override
    public String toString() {
        if (start.line() == end.line()) {
            return filename + ":" + start.line() + "," + start.column() + "-" + end.column();
        }
        return filename + ":" + start.line() + "," + start.column() + "-" + end.line() + "," + end.column();
    }
}
