package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * A string template: literal text, interpolations and directives, producing a string. A template
 * that is nothing but one interpolation ("${x}") is a {@link TemplateWrapExpr} instead, which
 * returns x unchanged.
 */
record TemplateExpr(List<TemplatePart> parts, SourceRange range) implements Expression {

    @Override
    public Value evaluate(EvalContext context) {
        StringBuilder out = new StringBuilder();
        return TemplatePart.renderAll(parts, context, out) ? Value.string(out.toString()) : Value.unknown(Type.STRING);
    }

    @Override
    public List<Traversal> references() {
        List<Traversal> refs = new ArrayList<>();
        parts.forEach(p -> refs.addAll(p.references()));
        return refs;
    }
}
