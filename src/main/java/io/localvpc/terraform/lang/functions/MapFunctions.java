package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Conversions;
import io.localvpc.terraform.lang.ListType;
import io.localvpc.terraform.lang.MapType;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Functions on maps and objects: lookup, merge, keys, values, zipmap, transpose. */
public final class MapFunctions {

    private MapFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("lookup").param(Param.of("inputMap", Type.DYNAMIC).unknownElements()).param("key", Type.STRING)
                        .variadic(Param.of("default", Type.DYNAMIC).nullable().unknownElements()).body(MapFunctions::lookup),
                StrictFunction.named("merge").variadic(Param.of("maps", Type.DYNAMIC).nullable().unknownElements()).body(MapFunctions::merge),
                StrictFunction.named("keys").param(Param.of("inputMap", Type.DYNAMIC).unknownElements()).returns(Type.list(Type.STRING)).body(a -> {
                    requireMapping(a.get(0), 0);
                    return Value.listOf(Type.STRING, a.get(0).attributes().keySet().stream().map(Value::string).toList());
                }),
                StrictFunction.named("values").param(Param.of("mapping", Type.DYNAMIC).unknownElements()).body(a -> {
                    requireMapping(a.get(0), 0);
                    List<Value> values = new ArrayList<>(a.get(0).attributes().values());
                    return a.get(0).type() instanceof MapType m ? Value.listOf(m.element(), values) : Value.tuple(values);
                }),
                StrictFunction.named("zipmap").param("keys", Type.list(Type.STRING)).param(Param.of("values", Type.DYNAMIC).unknownElements())
                        .body(MapFunctions::zipmap),
                StrictFunction.named("transpose").param("values", Type.map(Type.list(Type.STRING))).returns(Type.map(Type.list(Type.STRING)))
                        .body(MapFunctions::transpose));
    }

    private static Value lookup(List<Value> a) {
        requireMapping(a.get(0), 0);
        if (a.size() > 3) {
            throw FunctionException.failed("lookup() takes no more than three arguments");
        }
        Value found = a.get(0).attributes().get(a.get(1).asString());
        if (found != null) {
            return found;
        }
        if (a.size() == 3) {
            Type element = a.get(0).type().elementType();
            try {
                return element == null ? a.get(2) : a.get(2).convert(element); // a map's default takes its element type
            } catch (IllegalArgumentException e) {
                throw FunctionException.argument(2, "the default value must have the same type as the map elements");
            }
        }
        if (a.get(0).type() instanceof io.localvpc.terraform.lang.ObjectType) {
            throw FunctionException.argument(0, "the given object has no attribute " + Strings.quote(a.get(1).asString()));
        }
        throw FunctionException.failed("lookup failed to find key " + Strings.quote(a.get(1).asString()));
    }

    private static Value merge(List<Value> a) {
        Map<String, Value> merged = new LinkedHashMap<>();
        boolean allMaps = true;
        for (int i = 0; i < a.size(); i++) {
            Value v = a.get(i);
            if (v.isNull()) {
                continue;
            }
            requireMapping(v, i);
            allMaps &= v.type() instanceof MapType;
            merged.putAll(v.attributes());
        }
        if (allMaps && Conversions.unify(merged.values().stream().map(Value::type).toList()) != null) {
            return Value.map(merged);
        }
        return Value.object(merged);
    }

    private static Value zipmap(List<Value> a) {
        List<Value> keys = a.get(0).elements();
        List<Value> values = Args.sequence(a, 1, "must be a list or tuple");
        if (keys.size() != values.size()) {
            throw FunctionException.failed("number of keys (" + keys.size() + ") does not match number of values (" + values.size() + ")");
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).isNull()) {
                throw FunctionException.argument(0, "element " + i + " is null; cannot use null as a map key");
            }
            out.put(keys.get(i).asString(), values.get(i));
        }
        return a.get(1).type() instanceof ListType l ? Value.mapOf(l.element(), out) : Value.object(out);
    }

    static void requireMapping(Value v, int index) {
        if (!v.type().isMapping()) {
            throw FunctionException.argument(index, "must be a map or object, got " + v.type().friendlyName());
        }
    }

    /** {a = ["1", "2"], b = ["2"]} becomes {"1" = ["a"], "2" = ["a", "b"]}. */
    private static Value transpose(List<Value> a) {
        Map<String, TreeSet<String>> inverted = new TreeMap<>();
        for (Map.Entry<String, Value> e : a.get(0).attributes().entrySet()) {
            for (Value v : e.getValue().elements()) {
                if (v.isNull()) {
                    throw FunctionException.argument(0, "lists must not contain null values");
                }
                inverted.computeIfAbsent(v.asString(), k -> new TreeSet<>()).add(e.getKey());
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        inverted.forEach((k, keys) -> out.put(k, Value.listOf(Type.STRING, keys.stream().map(Value::string).toList())));
        return Value.mapOf(Type.list(Type.STRING), out);
    }
}
