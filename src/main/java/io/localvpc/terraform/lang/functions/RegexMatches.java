package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What regex() returns for one match: the matched text when the pattern has no groups, a list of
 * the groups when they are unnamed, an object of the groups by name when they are named.
 */
final class RegexMatches {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private RegexMatches() {}

    static Value result(Pattern p, Matcher m) {
        List<String> names = groupNames(p);
        if (m.groupCount() == 0) {
            return Value.string(m.group());
        }
        if (!names.isEmpty()) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            names.forEach(n -> attrs.put(n, group(m.group(n))));
            return Value.object(attrs);
        }
        List<Value> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(group(m.group(i)));
        }
        return Value.listOf(Type.STRING, groups);
    }

    /** The type of one match, for an empty regexall() result. */
    static Type resultType(Pattern p) {
        if (p.matcher("").groupCount() == 0) {
            return Type.STRING;
        }
        List<String> names = groupNames(p);
        if (names.isEmpty()) {
            return Type.list(Type.STRING);
        }
        Map<String, Type> attrs = new LinkedHashMap<>();
        names.forEach(n -> attrs.put(n, Type.STRING));
        return Type.object(attrs);
    }

    private static Value group(String text) {
        return text == null ? Value.nullOf(Type.STRING) : Value.string(text);
    }

    private static List<String> groupNames(Pattern p) {
        List<String> names = new ArrayList<>();
        Matcher m = NAMED_GROUP.matcher(p.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Go's replacement syntax ($1, ${1}, ${name}) in Java's: literal backslashes escaped, "$$" a dollar. */
    static String javaReplacement(String go) {
        return go.replace("\\", "\\\\").replace("$$", "\\$");
    }
}
