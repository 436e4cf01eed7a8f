package io.localvpc.terraform.lang.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.terraform.lang.Numbers;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.state.Values;

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
            Strings.appendGoJson(v.asString(), out);
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
                Strings.appendGoJson(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        }
    }

    /** Decodes JSON text; throws IllegalArgumentException with the parser's complaint. */
    static Value decode(String json) {
        try {
            return fromNode(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    /** The decoded tree as plain values (the one JSON-to-plain mapping, shared with the state file), then as a value. */
    private static Value fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("unexpected end of JSON input");
        }
        return Value.fromPlain(Values.fromJson(node, LinkedHashMap::new));
    }
}
