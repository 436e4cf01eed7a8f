package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Renders a value as Terraform shows it in plans and {@code terraform output}: strings quoted,
 * collections over several lines with two-space indentation and trailing commas in lists.
 */
final class ValueRenderer {

    private ValueRenderer() {}

    static String render(Value v) {
        StringBuilder out = new StringBuilder();
        render(v, "", out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void render(Value v, String indent, StringBuilder out) {
        Object p = v.payload();
        if (!v.isKnown()) {
            out.append("(known after apply)");
        } else if (p == null) {
            out.append("null");
        } else if (p instanceof String s) {
            out.append(Strings.quote(s));
        } else if (p instanceof BigDecimal n) {
            out.append(Numbers.format(n));
        } else if (p instanceof Boolean b) {
            out.append(b);
        } else if (p instanceof List<?> list) {
            renderList((List<Value>) list, v.type() instanceof SetType ? "toset(" : "", indent, out);
        } else {
            renderMap((Map<String, Value>) p, indent, out);
        }
    }

    private static void renderList(List<Value> elements, String prefix, String indent, StringBuilder out) {
        out.append(prefix);
        if (elements.isEmpty()) {
            out.append("[]");
        } else {
            out.append("[\n");
            for (Value e : elements) {
                out.append(indent).append("  ");
                render(e, indent + "  ", out);
                out.append(",\n");
            }
            out.append(indent).append(']');
        }
        if (!prefix.isEmpty()) {
            out.append(')');
        }
    }

    private static void renderMap(Map<String, Value> entries, String indent, StringBuilder out) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            out.append(indent).append("  ").append(Strings.quote(e.getKey())).append(" = ");
            render(e.getValue(), indent + "  ", out);
            out.append('\n');
        }
        out.append(indent).append('}');
    }
}
