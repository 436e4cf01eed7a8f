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
        escape(s, out, (text, i) -> {
            char c = text.charAt(i);
            // "${" and "%{" would start a template sequence: double the first character
            return (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{' ? c + String.valueOf(c) : null;
        });
        return out.append('"').toString();
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
