package io.localvpc.terraform.aws.iam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.terraform.lang.Strings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM policy documents as the provider handles them: compared by meaning rather than text (a
 * one-element list equals its element, list and statement order do not matter), as AWS returns
 * them (URL-encoded), and written exactly as Go's {@code encoding/json} writes them, which is
 * what {@code aws_iam_policy_document} puts in state: maps with sorted keys, two-space indentation
 * and {@code <}, {@code >}, {@code &} escaped.
 */
public final class PolicyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PolicyJson() {}

    /** Parses a document, or null when it is not JSON. */
    static JsonNode parse(String document) {
        if (document == null) {
            return null;
        }
        try {
            return MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Why a document does not parse, in the parser's words. */
    static String parseError(String document) {
        try {
            MAPPER.readTree(document);
            return "";
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage();
        }
    }

    /** Whether two documents mean the same policy (the provider's {@code PoliciesAreEquivalent}). */
    public static boolean equivalent(String a, String b) {
        JsonNode x = parse(a);
        JsonNode y = parse(b);
        return x != null && y != null && canonical(x).equals(canonical(y));
    }

    /** A form where equivalent documents are equal: one-element lists unwrapped, lists sorted, maps ordered. */
    private static String canonical(JsonNode node) {
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(canonical(e)));
            if (elements.size() == 1) {
                return elements.get(0);
            }
            elements.sort(null);
            return "[" + String.join(",", elements) + "]";
        }
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            return fields.toString();
        }
        return node.toString();
    }

    /** The document AWS returned, URL-decoded when it comes encoded as AWS sends it. */
    public static String decoded(String document) {
        if (document == null || document.trim().startsWith("{")) {
            return document;
        }
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    /** What the provider keeps: the stored text while AWS's document means the same, else AWS's. */
    public static String keep(String stored, String reported) {
        String decoded = decoded(reported);
        return stored != null && equivalent(stored, decoded) ? stored : decoded;
    }

    /** The document in compact form, as the provider sends it (keys sorted, as Go writes maps). */
    public static String normalized(String document) {
        JsonNode node = parse(document);
        return node == null ? document : write(sorted(node), false);
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> out = new TreeMap<>();
            node.fields().forEachRemaining(f -> out.put(f.getKey(), sorted(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull()) {
            return null;
        }
        return new RawJson(node.toString());
    }

    /** A JSON value already written (a number or a boolean). */
    record RawJson(String text) {}

    /**
     * Writes plain values (String, List, Map in its own key order, {@link RawJson}, Boolean, null)
     * as Go's {@code json.MarshalIndent(v, "", "  ")} ({@code pretty}) or {@code json.Marshal} does.
     */
    static String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder();
        write(out, value, pretty, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean pretty, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                newline(out, pretty, depth + 1);
                write(out, list.get(i), pretty, depth + 1);
            }
            newline(out, pretty, depth);
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            boolean first = true;
            while (entries.hasNext()) {
                Map.Entry<?, ?> e = entries.next();
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, pretty, depth + 1);
                string(out, e.getKey().toString());
                out.append(pretty ? ": " : ":");
                write(out, e.getValue(), pretty, depth + 1);
            }
            newline(out, pretty, depth);
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void newline(StringBuilder out, boolean pretty, int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    /** A string as Go escapes it (HTML-safe: {@code <}, {@code >}, {@code &} as {@code \\u003c} …). */
    private static void string(StringBuilder out, String text) {
        Strings.appendGoJson(text, out);
    }

    /** Statements of a parsed document: one object or a list of them. */
    static List<ObjectNode> statements(JsonNode document) {
        List<ObjectNode> out = new ArrayList<>();
        JsonNode statement = document.get("Statement");
        if (statement instanceof ObjectNode one) {
            out.add(one);
        } else if (statement instanceof ArrayNode many) {
            many.forEach(s -> {
                if (s instanceof ObjectNode o) {
                    out.add(o);
                }
            });
        }
        return out;
    }
}
