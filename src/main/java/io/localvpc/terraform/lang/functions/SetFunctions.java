package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Conversions;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** setunion, setintersection, setsubtract, setproduct: sets of a unified element type. */
public final class SetFunctions {

    private SetFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("setunion").param("first_set", Type.set(Type.DYNAMIC)).variadic("other_sets", Type.set(Type.DYNAMIC))
                        .body(a -> {
                            Set<Value> all = new LinkedHashSet<>();
                            a.forEach(s -> all.addAll(s.elements()));
                            return set(a, new ArrayList<>(all));
                        }),
                StrictFunction.named("setintersection").param("first_set", Type.set(Type.DYNAMIC)).variadic("other_sets", Type.set(Type.DYNAMIC))
                        .body(a -> {
                            Set<Value> common = new LinkedHashSet<>(a.get(0).elements());
                            a.subList(1, a.size()).forEach(s -> common.retainAll(s.elements()));
                            return set(a, new ArrayList<>(common));
                        }),
                StrictFunction.named("setsubtract").param("a", Type.set(Type.DYNAMIC)).param("b", Type.set(Type.DYNAMIC)).body(a -> {
                    Set<Value> rest = new LinkedHashSet<>(a.get(0).elements());
                    a.get(1).elements().forEach(rest::remove);
                    return set(a, new ArrayList<>(rest));
                }),
                StrictFunction.named("setproduct").variadic(Param.of("sets", Type.DYNAMIC)).body(SetFunctions::product));
    }

    /** A set whose element type unifies the non-empty arguments' element types (so an empty result is still typed). */
    private static Value set(List<Value> args, List<Value> elements) {
        Type element = Conversions.unify(args.stream().filter(v -> v.length() > 0).map(v -> v.type().elementType()).toList());
        if (element == null) {
            throw FunctionException.failed("given sets must all have compatible element types");
        }
        return Value.setOf(element, elements);
    }

    private static Value product(List<Value> a) {
        if (a.size() < 2) {
            throw FunctionException.failed("at least two arguments are required");
        }
        List<List<Value>> rows = new ArrayList<>();
        rows.add(List.of());
        for (int i = 0; i < a.size(); i++) {
            List<List<Value>> next = new ArrayList<>();
            for (List<Value> row : rows) {
                for (Value e : Args.sequence(a, i, "a set or a list is required")) {
                    List<Value> longer = new ArrayList<>(row);
                    longer.add(e);
                    next.add(longer);
                }
            }
            rows = next;
        }
        List<Value> tuples = rows.stream().map(Value::tuple).toList();
        boolean sets = a.stream().allMatch(v -> v.type() instanceof io.localvpc.terraform.lang.SetType);
        if (tuples.isEmpty()) {
            return sets ? Value.setOf(Type.DYNAMIC, List.of()) : Value.listOf(Type.DYNAMIC, List.of());
        }
        return sets ? Value.set(tuples) : Value.list(tuples);
    }
}
