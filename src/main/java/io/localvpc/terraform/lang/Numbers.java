package io.localvpc.terraform.lang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Pattern;

/** Number syntax and rendering: arbitrary precision, rendered without trailing zeros or exponent. */
public final class Numbers {

    /** Division keeps this many significant digits (cty computes with 512-bit floats). */
    public static final MathContext DIVISION = new MathContext(34);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {}

    /** "1", "1.5", "-0.25", "100000000000000000000": plain decimal, no trailing ".0". */
    public static String format(BigDecimal n) {
        // Since JDK 8 stripTrailingZeros() turns every zero (0.00, 0E+3) into plain 0.
        return n.stripTrailingZeros().toPlainString();
    }

    /** A decimal number as Terraform accepts it in a string; null when it is not one. */
    public static BigDecimal parse(String s) {
        String t = s.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    }

    public static boolean isWhole(BigDecimal n) {
        return n.stripTrailingZeros().scale() <= 0;
    }
}
