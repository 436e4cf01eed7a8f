package io.localvpc.terraform.lang;

import java.util.List;

/** A block {@code type "label" ... { body }}; {@code dynamic "x" {}} is an ordinary block of type "dynamic". */
public record Block(String type, List<String> labels, Body body, SourceRange typeRange, SourceRange range) {

    public Block {
        labels = List.copyOf(labels);
    }

    /** The block's header as Terraform names it in messages: {@code resource "aws_vpc" "main"}. */
    public String header() {
        StringBuilder out = new StringBuilder(type);
        labels.forEach(l -> out.append(' ').append(Strings.quote(l)));
        return out.toString();
    }
}
