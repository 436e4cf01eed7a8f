package io.localvpc.terraform.render;

import io.localvpc.terraform.provider.Attribute;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.provider.Unknown;
import io.localvpc.terraform.state.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes and nested blocks of one object, written as Terraform writes them: in a plan,
 * the difference between before and after with action symbols, unchanged attributes hidden and
 * counted; in a state listing ({@code state show}), every non-null value. Attributes are sorted
 * by name and their {@code =} aligned; nested blocks follow the attributes.
 */
final class BodyRenderer {
    /** Attributes a plan shows even when unchanged, so a reader knows which object it looks at. */
    private static final Set<String> IDENTIFYING = Set.of("id", "name", "tags");

    private final Lines lines;
    private final boolean hideUnchanged;

    BodyRenderer(Lines lines, boolean hideUnchanged) {
        this.lines = lines;
        this.hideUnchanged = hideUnchanged;
    }

    /**
     * Writes the body at {@code level}; {@code before} null means created, {@code after} null
     * means destroyed; {@code forcing} names the attributes and blocks that force replacement.
     */
    void body(int level, Schema schema, Map<String, Object> before, Map<String, Object> after, Set<String> forcing) {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> side : sides(before, after)) {
            side.keySet().stream().filter(k -> !schema.blocks().containsKey(k)).forEach(names::add);
        }
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        // Terraform aligns on the longest name of the block, hidden attributes included.
        int width = 0;
        for (String name : names) {
            Object b = before == null ? null : before.get(name);
            Object a = after == null ? null : after.get(name);
            if (b == null && a == null) {
                continue;
            }
            width = Math.max(width, name.length());
            boolean unchanged = before != null && after != null && Values.same(b, a);
            if (unchanged && hideUnchanged && !IDENTIFYING.contains(name)) {
                hidden++;
            } else {
                shown.add(name);
            }
        }
        for (String name : shown) {
            Attribute attribute = schema.attributes().get(name);
            boolean sensitive = attribute != null && attribute.sensitive();
            Object b = before == null ? null : before.get(name);
            Object a = after == null ? null : after.get(name);
            attribute(level, pad(name, width), b, a, before == null, after == null, sensitive,
                    forcing.contains(name) ? " # forces replacement" : "");
        }
        int hiddenBlocks = 0;
        for (NestedBlock block : new java.util.TreeMap<>(schema.blocks()).values()) {
            hiddenBlocks += blocks(level, block, before == null ? null : before.get(block.name()),
                    after == null ? null : after.get(block.name()), before == null, after == null,
                    forcing.contains(block.name()));
        }
        if (hidden > 0) {
            lines.line(level, "", "# (" + hidden + " unchanged attribute" + (hidden == 1 ? "" : "s") + " hidden)");
        }
        if (hiddenBlocks > 0) {
            lines.line(level, "", "# (" + hiddenBlocks + " unchanged block" + (hiddenBlocks == 1 ? "" : "s") + " hidden)");
        }
    }

    private static List<Map<String, Object>> sides(Map<String, Object> before, Map<String, Object> after) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (before != null) {
            out.add(before);
        }
        if (after != null) {
            out.add(after);
        }
        return out;
    }

    private void attribute(int level, String name, Object b, Object a, boolean created, boolean destroyed, boolean sensitive,
            String note) {
        if (sensitive) {
            String symbol = created || b == null ? "+" : destroyed || a == null ? "-" : Values.same(b, a) ? "" : "~";
            lines.line(level, symbol, name + " = " + Literals.SENSITIVE + note);
            return;
        }
        if (created || b == null) {
            value(level, "+", name + " = ", a, "+", note);
        } else if (destroyed || a == null) {
            value(level, "-", name + " = ", b, "-", "");
            lines.appendToLast(" -> null" + note);
        } else if (Values.same(b, a)) {
            value(level, "", name + " = ", a, "", note);
        } else if (b instanceof Map<?, ?> bm && a instanceof Map<?, ?> am) {
            mapDiff(level, name + " = ", bm, am, note);
        } else if (b instanceof List<?> bl && a instanceof List<?> al) {
            listDiff(level, name + " = ", bl, al, note);
        } else if (Literals.isPrimitive(b)) {
            lines.line(level, "~", name + " = " + Literals.primitive(b) + " -> " + render(a) + note);
        } else {
            value(level, "~", name + " = ", b, "", "");
            lines.appendToLast(" -> " + render(a) + note);
        }
    }

    /** A value on one line when primitive or unknown, else opened here and closed at this level. */
    private void value(int level, String symbol, String prefix, Object value, String elementSymbol, String note) {
        value(level, symbol, prefix, value, elementSymbol, note, false);
    }

    /** {@code json}: the value was decoded from a JSON string, so object keys are shown as jsonencode shows them. */
    private void value(int level, String symbol, String prefix, Object value, String elementSymbol, String note, boolean json) {
        Object decoded = value instanceof String text ? JsonStrings.decode(text) : null;
        if (decoded != null) {
            lines.line(level, symbol, prefix + "jsonencode(");
            value(level + 1, "", "", decoded, elementSymbol, "", true);
            lines.line(level, "", ")" + note);
            return;
        }
        if (value instanceof String text && text.contains("\n")) {
            // Multi-line text reads better as a heredoc, as Terraform shows user data and scripts.
            lines.line(level, symbol, prefix + "<<-EOT");
            for (String line : text.split("\n", -1)) {
                if (!line.isEmpty() || !text.endsWith("\n")) {
                    lines.line(level + 1, "", line);
                }
            }
            lines.line(level, "", "EOT" + note);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                lines.line(level, symbol, prefix + "{}" + note);
                return;
            }
            lines.line(level, symbol, prefix + "{");
            java.util.function.Function<Object, String> key = k -> json ? JsonStrings.key(k.toString()) : Literals.key(k.toString());
            int width = map.keySet().stream().mapToInt(k -> key.apply(k).length()).max().orElse(0);
            map.forEach((k, v) -> value(level + 1, elementSymbol, pad(key.apply(k), width) + " = ", v, elementSymbol, "", json));
            lines.line(level, "", "}" + note);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                lines.line(level, symbol, prefix + "[]" + note);
                return;
            }
            lines.line(level, symbol, prefix + "[");
            for (Object element : list) {
                value(level + 1, elementSymbol, "", element, elementSymbol, "", json);
                lines.appendToLast(",");
            }
            lines.line(level, "", "]" + note);
        } else {
            lines.line(level, symbol, prefix + Literals.primitive(value) + note);
        }
    }

    private void mapDiff(int level, String prefix, Map<?, ?> before, Map<?, ?> after, String note) {
        lines.line(level, "~", prefix + "{");
        Set<String> keys = new TreeSet<>();
        before.keySet().forEach(k -> keys.add(k.toString()));
        after.keySet().forEach(k -> keys.add(k.toString()));
        List<String> changed = keys.stream().filter(k -> !Values.same(before.get(k), after.get(k))).toList();
        int width = changed.stream().mapToInt(k -> Literals.key(k).length()).max().orElse(0);
        for (String key : changed) {
            String label = pad(Literals.key(key), width) + " = ";
            Object b = before.get(key);
            Object a = after.get(key);
            if (!before.containsKey(key)) {
                value(level + 1, "+", label, a, "+", "");
            } else if (!after.containsKey(key)) {
                value(level + 1, "-", label, b, "-", "");
                lines.appendToLast(" -> null");
            } else {
                lines.line(level + 1, "~", label + render(b) + " -> " + render(a));
            }
        }
        int unchanged = keys.size() - changed.size();
        if (unchanged > 0 && hideUnchanged) {
            lines.line(level + 1, "", "# (" + unchanged + " unchanged element" + (unchanged == 1 ? "" : "s") + " hidden)");
        }
        lines.line(level, "", "}" + note);
    }

    private void listDiff(int level, String prefix, List<?> before, List<?> after, String note) {
        lines.line(level, "~", prefix + "[");
        int unchanged = 0;
        for (Object b : before) {
            if (after.stream().noneMatch(a -> Values.same(a, b))) {
                value(level + 1, "-", "", b, "-", "");
                lines.appendToLast(",");
            } else {
                unchanged++;
            }
        }
        for (Object a : after) {
            if (before.stream().noneMatch(b -> Values.same(a, b))) {
                value(level + 1, "+", "", a, "+", "");
                lines.appendToLast(",");
            }
        }
        if (unchanged > 0 && hideUnchanged) {
            lines.line(level + 1, "", "# (" + unchanged + " unchanged element" + (unchanged == 1 ? "" : "s") + " hidden)");
        }
        lines.line(level, "", "]" + note);
    }

    /** Returns how many unchanged blocks it hid. */
    @SuppressWarnings("unchecked")
    private int blocks(int level, NestedBlock block, Object before, Object after, boolean created, boolean destroyed,
            boolean forcing) {
        String note = forcing ? " # forces replacement" : "";
        if (after == Unknown.VALUE) {
            lines.line(level, before == null ? "+" : "~", block.name() + " " + Literals.UNKNOWN + note);
            return 0;
        }
        List<Object> b = before instanceof List<?> l ? (List<Object>) l : List.of();
        List<Object> a = after instanceof List<?> l ? (List<Object>) l : List.of();
        int hidden = 0;
        for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
            Map<String, Object> bi = i < b.size() && !created ? asMap(b.get(i)) : null;
            Map<String, Object> ai = i < a.size() && !destroyed ? asMap(a.get(i)) : null;
            if (bi == null && ai == null) {
                continue;
            }
            boolean same = bi != null && ai != null && Values.same(bi, ai);
            if (same && hideUnchanged) {
                hidden++;
                continue;
            }
            String symbol = bi == null ? "+" : ai == null ? "-" : same ? "" : "~";
            lines.line(level, symbol, block.name() + " {" + (symbol.equals("~") || symbol.equals("+") ? note : ""));
            body(level + 1, block.schema(), bi, ai, Set.of());
            lines.line(level, "", "}");
        }
        return hidden;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** A value on one line: primitives, unknown, or a collection written compactly. */
    private static String render(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return Compact.of(value);
        }
        return Literals.primitive(value);
    }

    private static String pad(String name, int width) {
        return name + " ".repeat(Math.max(0, width - name.length()));
    }
}
