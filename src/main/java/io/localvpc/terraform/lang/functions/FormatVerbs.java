package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Numbers;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * format()'s specification language, as Terraform documents it: {@code %[flags][width][.precision][[n]]verb}
 * with the verbs v, #v (JSON), t, d, b, o, x, X, e, E, f, g, G, s, q and the literal {@code %%}.
 */
final class FormatVerbs {

    private FormatVerbs() {}

    /** One parsed "%..." sequence. */
    private static final class Spec {
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        int width = -1;
        int precision = -1;
        char verb;
        int start;
        String text;
    }

    static String format(String pattern, List<Value> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        int used = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            Spec spec = new Spec();
            spec.start = i;
            i = parseSpec(pattern, i + 1, spec);
            int argIndex = spec.text.contains("[") ? explicitIndex(spec.text) : next;
            if (argIndex >= args.size()) {
                throw FunctionException.failed("not enough arguments for \"" + spec.text + "\" at " + spec.start
                        + ": need index " + argIndex + " but have " + args.size() + " total");
            }
            out.append(pad(spec, verb(spec, args.get(argIndex), argIndex)));
            next = argIndex + 1;
            used = Math.max(used, next);
        }
        if (used < args.size()) {
            // the format string is argument 0 of the call, so the first extra value is argument used + 1
            throw FunctionException.argument(used + 1, used == 0 ? "too many arguments; no verbs in format string"
                    : "too many arguments; only " + used + " used by format string");
        }
        return out.toString();
    }

    private static int parseSpec(String p, int i, Spec spec) {
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '-') {
                spec.minus = true;
            } else if (c == '+') {
                spec.plus = true;
            } else if (c == '#') {
                spec.sharp = true;
            } else if (c == ' ') {
                spec.space = true;
            } else if (c == '0') {
                spec.zero = true;
            } else {
                break;
            }
        }
        int[] cursor = {i};
        skipIndex(p, cursor);
        spec.width = digits(p, cursor);
        if (cursor[0] < p.length() && p.charAt(cursor[0]) == '.') {
            cursor[0]++;
            int precision = digits(p, cursor);
            spec.precision = Math.max(precision, 0);
        }
        skipIndex(p, cursor);
        if (cursor[0] >= p.length()) {
            throw FunctionException.failed("unterminated format verb at " + spec.start);
        }
        spec.verb = p.charAt(cursor[0]);
        spec.text = p.substring(spec.start, cursor[0] + 1);
        return cursor[0] + 1;
    }

    private static void skipIndex(String p, int[] cursor) {
        if (cursor[0] < p.length() && p.charAt(cursor[0]) == '[') {
            int close = p.indexOf(']', cursor[0]);
            cursor[0] = close < 0 ? p.length() : close + 1;
        }
    }

    private static int explicitIndex(String text) {
        String inside = text.substring(text.indexOf('[') + 1, text.indexOf(']'));
        try {
            return Integer.parseInt(inside) - 1;
        } catch (NumberFormatException e) {
            throw FunctionException.failed("invalid argument index in \"" + text + "\"");
        }
    }

    private static int digits(String p, int[] cursor) {
        int start = cursor[0];
        while (cursor[0] < p.length() && Character.isDigit(p.charAt(cursor[0]))) {
            cursor[0]++;
        }
        return start == cursor[0] ? -1 : Integer.parseInt(p.substring(start, cursor[0]));
    }

    private static String verb(Spec spec, Value arg, int index) {
        if (arg.isNull() && spec.verb != 'v') {
            throw unsupported(spec, index, "null value cannot be formatted");
        }
        return switch (spec.verb) {
            case 'v' -> spec.sharp ? JsonCodec.encode(arg) : plain(arg);
            case 't' -> String.valueOf(convert(spec, arg, index, Type.BOOL).asBool());
            case 's' -> truncate(convert(spec, arg, index, Type.STRING).asString(), spec.precision);
            case 'q' -> goQuote(convert(spec, arg, index, Type.STRING).asString());
            case 'd' -> signed(spec, integer(spec, arg, index).toString());
            case 'b' -> signed(spec, integer(spec, arg, index).toString(2));
            case 'o' -> signed(spec, (spec.sharp ? "0" : "") + integer(spec, arg, index).toString(8));
            case 'x', 'X' -> hex(spec, arg, index);
            case 'e', 'E', 'f', 'F', 'g', 'G' -> signed(spec, floating(spec, convert(spec, arg, index, Type.NUMBER).asNumber()));
            default -> throw FunctionException.failed("unsupported format verb '" + spec.verb + "' in \"" + spec.text + "\" at offset " + spec.start);
        };
    }

    /** %v of a value: strings as they are, numbers and bools as written, null as null, collections as JSON. */
    private static String plain(Value v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.type().isPrimitive()) {
            return v.convert(Type.STRING).asString();
        }
        return JsonCodec.encode(v);
    }

    private static Value convert(Spec spec, Value v, int index, Type type) {
        try {
            return v.convert(type);
        } catch (IllegalArgumentException e) {
            throw unsupported(spec, index, e.getMessage());
        }
    }

    private static BigInteger integer(Spec spec, Value v, int index) {
        BigDecimal n = convert(spec, v, index, Type.NUMBER).asNumber();
        if (!Numbers.isWhole(n)) {
            throw unsupported(spec, index, "an integer is required");
        }
        return n.toBigIntegerExact();
    }

    private static String hex(Spec spec, Value v, int index) {
        String digits;
        if (v.type() == Type.STRING) {
            StringBuilder out = new StringBuilder();
            for (byte b : v.asString().getBytes(StandardCharsets.UTF_8)) {
                out.append(String.format("%02x", b & 0xff));
            }
            digits = out.toString();
        } else {
            digits = integer(spec, v, index).toString(16);
        }
        if (spec.sharp) {
            digits = digits.startsWith("-") ? "-0x" + digits.substring(1) : "0x" + digits;
        }
        return signed(spec, spec.verb == 'X' ? digits.toUpperCase(Locale.ROOT) : digits);
    }

    private static String floating(Spec spec, BigDecimal n) {
        int precision = spec.precision;
        return switch (spec.verb) {
            case 'f', 'F' -> n.setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
            case 'e', 'E' -> {
                String s = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", n);
                yield spec.verb == 'E' ? s.toUpperCase(Locale.ROOT) : s;
            }
            default -> {
                // %g: the shortest exact representation unless a precision is asked for.
                String s = precision < 0 ? Numbers.format(n)
                        : Numbers.format(n.round(new java.math.MathContext(Math.max(precision, 1))));
                yield spec.verb == 'G' ? s.toUpperCase(Locale.ROOT) : s;
            }
        };
    }

    private static String signed(Spec spec, String digits) {
        if (!digits.startsWith("-") && (spec.plus || spec.space)) {
            return (spec.plus ? "+" : " ") + digits;
        }
        return digits;
    }

    private static String truncate(String s, int precision) {
        if (precision < 0 || s.codePointCount(0, s.length()) <= precision) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, precision));
    }

    private static String pad(Spec spec, String s) {
        int length = s.codePointCount(0, s.length());
        if (spec.width <= length) {
            return s;
        }
        String fill = (spec.zero && !spec.minus && "dbfFeEgGxXo".indexOf(spec.verb) >= 0 ? "0" : " ").repeat(spec.width - length);
        if (spec.minus) {
            return s + fill;
        }
        if (fill.startsWith("0") && (s.startsWith("-") || s.startsWith("+"))) {
            return s.charAt(0) + fill + s.substring(1);
        }
        return fill + s;
    }

    /** Go's strconv.Quote, which %q uses: printable characters kept, the rest escaped (\a, \x07 style for control bytes). */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder("\"");
        Strings.escape(s, out, (text, i) -> {
            char c = text.charAt(i);
            return switch (c) {
                case 0x07 -> "\\a";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case 0x0b -> "\\v";
                case '\n', '\r', '\t' -> null;
                default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c)
                        : Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
        });
        return out.append('"').toString();
    }

    private static FunctionException unsupported(Spec spec, int index, String why) {
        return FunctionException.failed("unsupported value for \"" + spec.text + "\" at " + spec.start + ": " + why);
    }
}
