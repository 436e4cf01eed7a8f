package io.localvpc.terraform.lang;

import java.util.ArrayList;
import java.util.List;

/** A piece of a template: literal text, an interpolation, or an if/for directive with nested parts. */
sealed interface TemplatePart {

    /** Appends this part's text; returns false when an unknown value makes the whole result unknown. */
    boolean render(EvalContext context, StringBuilder out);

    List<Traversal> references();

    record Literal(String text) implements TemplatePart {
        @Override
        public boolean render(EvalContext context, StringBuilder out) {
            out.append(text);
            return true;
        }

        @Override
        public List<Traversal> references() {
            return List.of();
        }
    }

    record Interpolation(Expression expression) implements TemplatePart {
        @Override
        public boolean render(EvalContext context, StringBuilder out) {
            Value v = expression.evaluate(context);
            if (v.isNull()) {
                throw new HclException("Invalid template interpolation value",
                        "The expression result is null. Cannot include a null value in a string template.", expression.range());
            }
            if (!v.type().isPrimitive() && v.type() != Type.DYNAMIC) {
                throw new HclException("Invalid template interpolation value",
                        "Cannot include the given value in a string template: string required.", expression.range());
            }
            if (!v.isKnown()) {
                return false;
            }
            out.append(v.convert(Type.STRING).asString());
            return true;
        }

        @Override
        public List<Traversal> references() {
            return expression.references();
        }
    }

    record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise) implements TemplatePart {
        @Override
        public boolean render(EvalContext context, StringBuilder out) {
            Value c = Conditions.TEMPLATE_IF.check(condition.evaluate(context), condition);
            if (!c.isKnown()) {
                return false;
            }
            return renderAll(c.asBool() ? then : otherwise, context, out);
        }

        @Override
        public List<Traversal> references() {
            List<Traversal> refs = new ArrayList<>(condition.references());
            then.forEach(p -> refs.addAll(p.references()));
            otherwise.forEach(p -> refs.addAll(p.references()));
            return refs;
        }
    }

    record For(String keyVar, String valueVar, Expression collection, List<TemplatePart> body) implements TemplatePart {
        @Override
        public boolean render(EvalContext context, StringBuilder out) {
            List<ForIteration.Pair> pairs = ForIteration.pairs(collection.evaluate(context), collection.range());
            if (pairs == null) {
                return false;
            }
            for (ForIteration.Pair pair : pairs) {
                if (!renderAll(body, ForIteration.bind(context, keyVar, valueVar, pair), out)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public List<Traversal> references() {
            List<Traversal> inner = new ArrayList<>();
            body.forEach(p -> inner.addAll(p.references()));
            List<Traversal> refs = new ArrayList<>(collection.references());
            refs.addAll(References.excluding(inner, ForIteration.names(keyVar, valueVar)));
            return refs;
        }
    }

    static boolean renderAll(List<TemplatePart> parts, EvalContext context, StringBuilder out) {
        for (TemplatePart p : parts) {
            if (!p.render(context, out)) {
                return false;
            }
        }
        return true;
    }
}
