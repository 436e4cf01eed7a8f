package io.localvpc.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parameters of a form-encoded query request ({@code Action=DescribeVpcs&Filter.1.Name=...}),
 * sorted so that everything below a dotted prefix can be found quickly.
 */
public final class FormParams {
    private final NavigableMap<String, String> values;

    private FormParams(NavigableMap<String, String> values) {
        this.values = values;
    }

    public static FormParams parse(String... encodedParts) {
        NavigableMap<String, String> values = new TreeMap<>();
        for (String encoded : encodedParts) {
            if (encoded == null || encoded.isEmpty()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.put(key, value);
            }
        }
        return new FormParams(values);
    }

    public static FormParams of(Map<String, String> values) {
        return new FormParams(new TreeMap<>(values));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("The request has a malformed percent-encoding: " + s);
        }
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether any parameter lies below {@code prefix} (which ends with a dot). */
    public boolean hasAnyUnder(String prefix) {
        String next = values.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    /**
     * The list positions used below {@code prefix}: for {@code Filter.} and parameters
     * {@code Filter.1.Name}, {@code Filter.2.Name} that is 1 and 2, in numeric order.
     */
    public TreeSet<Integer> indicesUnder(String prefix) {
        TreeSet<Integer> indices = new TreeSet<>();
        for (String key : values.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            int end = key.indexOf('.', prefix.length());
            String index = end < 0 ? key.substring(prefix.length()) : key.substring(prefix.length(), end);
            try {
                indices.add(Integer.parseInt(index));
            } catch (NumberFormatException ignored) {
                // not a list position; the parser reports unknown parameters elsewhere
            }
        }
        return indices;
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
