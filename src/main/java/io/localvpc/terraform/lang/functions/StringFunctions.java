package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** format, formatlist, join, split, the case and trim functions, replace, substr, regex, regexall and friends. */
public final class StringFunctions {

    private StringFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("format").param("format", Type.STRING).variadic(Param.of("args", Type.DYNAMIC).nullable())
                        .returns(Type.STRING).body(a -> Value.string(FormatVerbs.format(a.get(0).asString(), a.subList(1, a.size())))),
                StrictFunction.named("formatlist").param("format", Type.STRING).variadic(Param.of("args", Type.DYNAMIC).nullable())
                        .returns(Type.list(Type.STRING)).body(StringFunctions::formatlist),
                StrictFunction.named("join").param("separator", Type.STRING).variadic("lists", Type.list(Type.STRING))
                        .returns(Type.STRING).body(StringFunctions::join),
                StrictFunction.named("split").param("separator", Type.STRING).param("str", Type.STRING)
                        .returns(Type.list(Type.STRING)).body(StringFunctions::split),
                transform("upper", s -> s.toUpperCase(Locale.ROOT)),
                transform("lower", s -> s.toLowerCase(Locale.ROOT)),
                transform("title", StringFunctions::title),
                transform("trimspace", String::strip),
                transform("strrev", s -> new StringBuilder(s).reverse().toString()),
                transform("chomp", s -> s.replaceAll("(\r\n|\n|\r)+$", "")),
                StrictFunction.named("trim").param("str", Type.STRING).param("cutset", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(trim(a.get(0).asString(), a.get(1).asString()))),
                StrictFunction.named("trimprefix").param("str", Type.STRING).param("prefix", Type.STRING).returns(Type.STRING).body(a -> {
                    String s = a.get(0).asString();
                    String prefix = a.get(1).asString();
                    return Value.string(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
                }),
                StrictFunction.named("trimsuffix").param("str", Type.STRING).param("suffix", Type.STRING).returns(Type.STRING).body(a -> {
                    String s = a.get(0).asString();
                    String suffix = a.get(1).asString();
                    return Value.string(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
                }),
                predicate("startswith", "prefix", String::startsWith),
                predicate("endswith", "suffix", String::endsWith),
                predicate("strcontains", "substr", String::contains),
                StrictFunction.named("replace").param("str", Type.STRING).param("substr", Type.STRING).param("replace", Type.STRING)
                        .returns(Type.STRING).body(StringFunctions::replace),
                StrictFunction.named("substr").param("str", Type.STRING).param("offset", Type.NUMBER).param("length", Type.NUMBER)
                        .returns(Type.STRING).body(StringFunctions::substr),
                StrictFunction.named("indent").param("spaces", Type.NUMBER).param("str", Type.STRING).returns(Type.STRING).body(a -> {
                    String pad = " ".repeat(Math.max(0, Args.integer(a, 0)));
                    return Value.string(a.get(1).asString().replace("\n", "\n" + pad));
                }),
                StrictFunction.named("regex").param("pattern", Type.STRING).param("string", Type.STRING).body(a -> {
                    Pattern p = pattern(a.get(0).asString());
                    Matcher m = p.matcher(a.get(1).asString());
                    if (!m.find()) {
                        throw FunctionException.failed("pattern did not match any part of the given string");
                    }
                    return RegexMatches.result(p, m);
                }),
                StrictFunction.named("regexall").param("pattern", Type.STRING).param("string", Type.STRING).body(a -> {
                    Pattern p = pattern(a.get(0).asString());
                    Matcher m = p.matcher(a.get(1).asString());
                    List<Value> all = new ArrayList<>();
                    while (m.find()) {
                        all.add(RegexMatches.result(p, m));
                    }
                    return all.isEmpty() ? Value.listOf(RegexMatches.resultType(p), List.of()) : Value.list(all);
                }));
    }

    private static Function transform(String name, UnaryOperator<String> op) {
        return StrictFunction.named(name).param("str", Type.STRING).returns(Type.STRING).body(a -> Value.string(op.apply(a.get(0).asString())));
    }

    private interface StringPredicate {
        boolean test(String s, String other);
    }

    private static Function predicate(String name, String second, StringPredicate p) {
        return StrictFunction.named(name).param("str", Type.STRING).param(second, Type.STRING).returns(Type.BOOL)
                .body(a -> Value.bool(p.test(a.get(0).asString(), a.get(1).asString())));
    }

    private static Value formatlist(List<Value> a) {
        List<Value> args = a.subList(1, a.size());
        int length = -1;
        int lengthChooser = 0;
        for (int i = 0; i < args.size(); i++) {
            Value v = args.get(i);
            if (!v.isNull() && v.type().isSequence()) {
                if (length >= 0 && v.length() != length) {
                    throw FunctionException.argument(i + 1, "argument " + (i + 1) + " has length " + v.length()
                            + ", which is inconsistent with argument " + lengthChooser + " of length " + length);
                }
                if (length < 0) {
                    lengthChooser = i + 1;
                }
                length = v.length();
            }
        }
        if (length < 0) {
            length = 1; // no lists: one result, as Terraform gives
        }
        List<Value> results = new ArrayList<>();
        for (int row = 0; row < length; row++) {
            List<Value> rowArgs = new ArrayList<>();
            for (Value v : args) {
                rowArgs.add(!v.isNull() && v.type().isSequence() ? v.elements().get(row) : v);
            }
            results.add(Value.string(FormatVerbs.format(a.get(0).asString(), rowArgs)));
        }
        return Value.listOf(Type.STRING, results);
    }

    private static Value join(List<Value> a) {
        if (a.size() < 2) {
            throw FunctionException.failed("at least one list is required");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            for (Value e : a.get(i).elements()) {
                if (e.isNull()) {
                    throw FunctionException.argument(i, "element " + parts.size() + " is null; cannot concatenate null values");
                }
                parts.add(e.asString());
            }
        }
        return Value.string(String.join(a.get(0).asString(), parts));
    }

    private static Value split(List<Value> a) {
        String sep = a.get(0).asString();
        String s = a.get(1).asString();
        List<Value> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(Value.string(new String(Character.toChars(cp)))));
        } else {
            for (String part : s.split(Pattern.quote(sep), -1)) {
                parts.add(Value.string(part));
            }
        }
        return Value.listOf(Type.STRING, parts);
    }

    /** Go's strings.Title: the first letter of each word (after a non-letter) in upper case. */
    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean atWordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(atWordStart ? Character.toTitleCase(cp) : cp);
            atWordStart = !Character.isLetterOrDigit(cp) && cp != '_' && cp != '\'';
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** A "/.../" substring is a regular expression (with $1 or ${name} in the replacement); otherwise plain text. */
    private static Value replace(List<Value> a) {
        String s = a.get(0).asString();
        String substr = a.get(1).asString();
        String replacement = a.get(2).asString();
        if (substr.length() > 1 && substr.startsWith("/") && substr.endsWith("/")) {
            Pattern p = pattern(substr.substring(1, substr.length() - 1));
            return Value.string(p.matcher(s).replaceAll(RegexMatches.javaReplacement(replacement)));
        }
        return Value.string(substr.isEmpty() ? s : s.replace(substr, replacement));
    }

    /**
     * Offsets and lengths count characters; a negative offset counts from the end; length -1 means the
     * rest. Offsets beyond either end are clamped (an empty string past the end), as cty does.
     */
    private static Value substr(List<Value> a) {
        String s = a.get(0).asString();
        int total = s.codePointCount(0, s.length());
        int offset = Args.integer(a, 1);
        int length = Args.integer(a, 2);
        offset = Math.min(total, Math.max(0, offset < 0 ? offset + total : offset));
        int end = length < 0 ? total : Math.min(total, offset + length);
        return Value.string(s.substring(s.offsetByCodePoints(0, offset), s.offsetByCodePoints(0, end)));
    }

    /** Compiles an RE2-style pattern; Go's named groups "(?P<name>...)" are spelled "(?<name>...)" in Java. */
    static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex.replace("(?P<", "(?<"));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw FunctionException.argument(0, "error parsing pattern: " + e.getDescription());
        }
    }
}
