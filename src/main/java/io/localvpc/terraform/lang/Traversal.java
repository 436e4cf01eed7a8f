package io.localvpc.terraform.lang;

import java.util.List;

/** A reference like aws_vpc.main.id, var.x, local.vpc.cidr_block, count.index, each.value[0]. */
public record Traversal(String root, List<Step> steps, SourceRange range) {

    public Traversal {
        steps = List.copyOf(steps);
    }

    public sealed interface Step {
        SourceRange range();
    }

    public record GetAttr(String name, SourceRange range) implements Step {}

    /** A literal index only, e.g. [0] or ["a"]. */
    public record Index(Value key, SourceRange range) implements Step {}

    /** "aws_vpc.main.id", "aws_subnet.public[0].id", "each.value[\"a\"]". */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(root);
        for (Step step : steps) {
            if (step instanceof GetAttr a) {
                out.append('.').append(a.name());
            } else {
                Value key = ((Index) step).key();
                out.append('[').append(key.type() == Type.STRING ? Strings.quote(key.asString()) : key.toString()).append(']');
            }
        }
        return out.toString();
    }
}
