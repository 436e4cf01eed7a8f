package io.localvpc.terraform.render;

import io.localvpc.terraform.lang.Numbers;
import io.localvpc.terraform.lang.Strings;
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

    /** A number as the language formats it (one place: {@link Numbers#format}). */
    public static String number(BigDecimal n) {
        return Numbers.format(n);
    }

    /** A quoted HCL string: backslash escapes, and {@code ${}/%{} doubled so the text reads back literally. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        Strings.escape(s, out, (text, i) -> {
            char c = text.charAt(i);
            // Control characters other than newline, return and tab are printed as they are.
            return c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? String.valueOf(c) : Strings.templateSequence(text, i);
        });
        return out.append('"').toString();
    }

    /** A map key as plans and state listings print it: always quoted. */
    public static String key(String key) {
        return quote(key);
    }
}
