package io.localvpc.terraform.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.terraform.state.Values;
import java.io.IOException;
import java.util.TreeMap;

/**
 * Strings that hold a JSON object or array (IAM policies): Terraform shows them as
 * {@code jsonencode(…)} of the decoded value, object keys sorted, rather than as one escaped line.
 */
final class JsonStrings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonStrings() {}

    /** The decoded value (maps with sorted keys, lists, primitives as plain values), or null when not a JSON object or array. */
    static Object decode(String text) {
        String t = text.trim();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        try {
            return Values.fromJson(JSON.readTree(t), TreeMap::new);
        } catch (IOException e) {
            return null;
        }
    }

    /** An object key as {@code jsonencode} output shows it: bare when it is an identifier, else quoted. */
    static String key(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_-]*") ? key : Literals.quote(key);
    }
}
