package io.localvpc.terraform.render;

import io.localvpc.terraform.state.OutputState;
import java.util.List;
import java.util.Map;

/** Output values as {@code apply} and {@code output} print them: {@code name = value}, collections over several lines. */
public final class OutputRenderer {
    private OutputRenderer() {}

    /** {@code name = value} lines, names aligned as Terraform does not: one line per output, sorted. */
    public static String all(Map<String, OutputState> outputs) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(outputs).forEach((name, output) -> out.append(name).append(" = ")
                .append(output.sensitive() ? "<sensitive>" : value(output.value(), 0)).append('\n'));
        return out.toString();
    }

    /** A value in HCL-like syntax, two spaces per level. */
    public static String value(Object value, int level) {
        String indent = "  ".repeat(level + 1);
        String close = "  ".repeat(level);
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            int width = map.keySet().stream().mapToInt(k -> Literals.key(k.toString()).length()).max().orElse(0);
            StringBuilder out = new StringBuilder("{\n");
            map.forEach((k, v) -> out.append(indent).append(String.format("%-" + width + "s", Literals.key(k.toString())))
                    .append(" = ").append(value(v, level + 1)).append('\n'));
            return out.append(close).append('}').toString();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            StringBuilder out = new StringBuilder("[\n");
            list.forEach(e -> out.append(indent).append(value(e, level + 1)).append(",\n"));
            return out.append(close).append(']').toString();
        }
        return Literals.primitive(value);
    }
}
