package io.localvpc.terraform.render;

import io.localvpc.terraform.provider.Unknown;
import java.math.BigDecimal;

/** Primitive values written as Terraform writes them in plans, state listings and outputs. */
public final class Literals {
    public static final String UNKNOWN = "(known after apply)";
    public static final String SENSITIVE = "(sensitive value)";

    private Literals() {}

    /** A string, number, bool, null or unknown; collections are not primitives. */
    public static boolean isPrimitive(Object value) {
        return !(value instanceof java.util.List<?>) && !(value instanceof java.util.Map<?, ?>);
    }

    public static String primitive(Object value) {
        if (value == null) {
            return "null";
        }
        if (value == Unknown.VALUE) {
            return UNKNOWN;
        }
        if (value instanceof BigDecimal n) {
            return number(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        return quote(value.toString());
    }

    public static String number(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    /** A quoted HCL string: backslash escapes, and {@code ${}/%{} doubled so the text reads back literally. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
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
                        out.append(c);
                    }
                }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A map key as plans and state listings print it: always quoted. */
    public static String key(String key) {
        return quote(key);
    }
}
