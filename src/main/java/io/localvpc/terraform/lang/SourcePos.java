package io.localvpc.terraform.lang;

/**
 * A position in a source file. Line and column are 1-based; the column counts characters (code
 * points), so a multi-byte UTF-8 character or an emoji is one column, as Terraform counts them.
 * The offset is the index into the Java string of the file's text (UTF-16 units), for substrings.
 */
public record SourcePos(int line, int column, int offset) {}
