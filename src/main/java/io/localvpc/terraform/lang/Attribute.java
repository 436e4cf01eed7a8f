package io.localvpc.terraform.lang;

/** An argument {@code name = expression}. */
public record Attribute(String name, Expression expression, SourceRange nameRange, SourceRange range) {}
