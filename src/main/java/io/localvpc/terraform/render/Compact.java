package io.localvpc.terraform.render;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain value on one line, as Terraform writes short collections: {@code ["a", "b"]}, {@code { "k" = "v" }}. */
final class Compact {
    private Compact() {}

    static String of(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            return map.entrySet().stream().map(e -> Literals.key(e.getKey().toString()) + " = " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Compact::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return Literals.primitive(value);
    }
}
