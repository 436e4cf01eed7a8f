package io.localvpc.terraform.engine;

import io.localvpc.terraform.lang.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value's type as Terraform writes types in JSON ({@code terraform.tfstate} outputs,
 * {@code output -json}): {@code "string"}, {@code ["list","string"]}, {@code ["object",{"a":"number"}]},
 * {@code ["tuple",["string","bool"]]}.
 */
final class TypeJson {
    private TypeJson() {}

    static Object of(Value value) {
        return of(value, value.type().friendlyName());
    }

    private static Object of(Value value, String name) {
        switch (name) {
            case "string", "number", "bool" -> {
                return name;
            }
            case "tuple" -> {
                List<Object> elements = new ArrayList<>();
                value.elements().forEach(e -> elements.add(of(e)));
                return List.of("tuple", elements);
            }
            case "object" -> {
                Map<String, Object> attributes = new LinkedHashMap<>();
                value.attributes().forEach((k, v) -> attributes.put(k, of(v)));
                return List.of("object", attributes);
            }
            default -> {
                for (String collection : List.of("list", "set", "map")) {
                    if (name.startsWith(collection + " of ")) {
                        return List.of(collection, element(name.substring(collection.length() + 4)));
                    }
                }
                return "dynamic";
            }
        }
    }

    /** The element type of a collection from its friendly name ("list of string", "map of list of number"). */
    private static Object element(String name) {
        if (name.equals("string") || name.equals("number") || name.equals("bool")) {
            return name;
        }
        for (String collection : List.of("list", "set", "map")) {
            if (name.startsWith(collection + " of ")) {
                return List.of(collection, element(name.substring(collection.length() + 4)));
            }
        }
        return "dynamic";
    }
}
