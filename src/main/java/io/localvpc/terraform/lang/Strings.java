package io.localvpc.terraform.lang;

/** Quoting strings as the language writes them in messages and output. */
public final class Strings {

    private Strings() {}

    /** A double-quoted string with the language's escapes (and template sequences escaped). */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$', '%' -> {
                    out.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        out.append(c); // "${" and "%{" would start a template sequence
                    }
                }
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
