package io.localvpc.terraform.lang;

import java.util.List;

/**
 * A block {@code type "label" ... { body }}; {@code dynamic "x" {}} is an ordinary block of type "dynamic".
 * {@code defRange} is the header (type and labels), which Terraform quotes in messages about the block
 * as a whole ("Missing required argument"), rather than every line of the block.
 */
public record Block(String type, List<String> labels, Body body, SourceRange typeRange, SourceRange range, SourceRange defRange) {

    public Block {
        labels = List.copyOf(labels);
    }

    /** A block whose header is just its type (as the contract first defined the record). */
    public Block(String type, List<String> labels, Body body, SourceRange typeRange, SourceRange range) {
        this(type, labels, body, typeRange, range, typeRange);
    }

    /** The block's header as Terraform names it in messages: {@code resource "aws_vpc" "main"}. */
    public String header() {
        StringBuilder out = new StringBuilder(type);
        labels.forEach(l -> out.append(' ').append(Strings.quote(l)));
        return out.toString();
    }
}
