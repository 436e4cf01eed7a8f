package io.localvpc.terraform.lang;

/** Quoting strings as the language writes them in messages and output, and the escaping it shares with JSON. */
public final class Strings {

    private Strings() {}

    /** A rule for characters beyond the common escapes: the replacement for the character at index i, or null. */
    @FunctionalInterface
    public interface ExtraEscape {
        String replace(String s, int i);
    }

    /** A double-quoted string with the language's escapes (and template sequences escaped). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        escape(s, out, Strings::templateSequence);
        return out.append('"').toString();
    }

    /** "${" and "%{" would start a template sequence: the first character doubled, else null. */
    public static String templateSequence(String text, int i) {
        char c = text.charAt(i);
        return (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{' ? c + String.valueOf(c) : null;
    }

    /** Appends s as Go's JSON encoder quotes it: the common escapes, and HTML-safe ({@code <}, {@code >}, {@code &} and the two Unicode line separators as \\uNNNN). */
    public static void appendGoJson(String s, StringBuilder out) {
        out.append('"');
        escape(s, out, (text, i) -> "<>&\u2028\u2029".indexOf(text.charAt(i)) >= 0
                ? String.format("\\u%04x", (int) text.charAt(i)) : null);
        out.append('"');
    }

    /** Appends s with quote, backslash, newline, return and tab escaped, other control characters as \\uNNNN. */
    public static void escape(String s, StringBuilder out, ExtraEscape extra) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = extra.replace(s, i);
            if (replacement != null) {
                out.append(replacement);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
