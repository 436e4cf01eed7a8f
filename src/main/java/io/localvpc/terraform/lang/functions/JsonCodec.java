package io.localvpc.terraform.lang.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.terraform.lang.Numbers;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as jsonencode() writes it (Go's encoder: keys sorted, no spaces, and "<", ">", "&" escaped
 * as \u003c, \u003e, \u0026) and as jsondecode() reads it (objects become objects, arrays tuples).
 */
final class JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonCodec() {}

    /** Encodes a wholly known value. */
    static String encode(Value v) {
        StringBuilder out = new StringBuilder();
        write(v, out);
        return out.toString();
    }

    private static void write(Value v, StringBuilder out) {
        Type t = v.type();
        if (v.isNull()) {
            out.append("null");
        } else if (t == Type.STRING) {
            string(v.asString(), out);
        } else if (t == Type.NUMBER) {
            out.append(Numbers.format(v.asNumber()));
        } else if (t == Type.BOOL) {
            out.append(v.asBool());
        } else if (t.isSequence()) {
            out.append('[');
            List<Value> elements = v.elements();
            for (int i = 0; i < elements.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(elements.get(i), out);
            }
            out.append(']');
        } else {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : v.attributes().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        }
    }

    /** Go's encoder also escapes "<", ">", "&" and the two Unicode line separators. */
    private static void string(String s, StringBuilder out) {
        Strings.appendGoJson(s, out);
    }

    /** Decodes JSON text; throws IllegalArgumentException with the parser's complaint. */
    static Value decode(String json) {
        try {
            return fromNode(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    private static Value fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isTextual()) {
            return Value.string(node.textValue());
        }
        if (node.isNumber()) {
            return Value.number(node.isBigDecimal() || node.isFloatingPointNumber() ? node.decimalValue() : new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isBoolean()) {
            return Value.bool(node.booleanValue());
        }
        if (node.isArray()) {
            List<Value> elements = new ArrayList<>();
            node.forEach(e -> elements.add(fromNode(e)));
            return Value.tuple(elements);
        }
        Map<String, Value> attrs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            attrs.put(e.getKey(), fromNode(e.getValue()));
        }
        return Value.object(attrs);
    }
}
