package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Conversions;
import io.localvpc.terraform.lang.ListType;
import io.localvpc.terraform.lang.SetType;
import io.localvpc.terraform.lang.TupleType;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Functions on lists, tuples and sets: length, element, concat, coalesce, range, flatten, slice, sort and the other list helpers. */
public final class CollectionFunctions {

    private static final Param ANY_COLLECTION = Param.of("list", Type.DYNAMIC).unknownElements();

    private CollectionFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("length").param(Param.of("value", Type.DYNAMIC).unknownElements()).returns(Type.NUMBER)
                        .body(CollectionFunctions::length),
                StrictFunction.named("element").param(ANY_COLLECTION).param("index", Type.NUMBER).body(a -> {
                    List<Value> elements = Args.sequence(a, 0, "must be a list or tuple");
                    int index = Args.integer(a, 1);
                    if (elements.isEmpty()) {
                        throw FunctionException.failed("cannot use element function with an empty list");
                    }
                    if (index < 0) {
                        throw FunctionException.argument(1, "cannot use element function with a negative index");
                    }
                    return elements.get(index % elements.size()); // element() wraps around, unlike [i]
                }),
                StrictFunction.named("concat").variadic(Param.of("seqs", Type.DYNAMIC).unknownElements()).body(CollectionFunctions::concat),
                StrictFunction.named("coalesce").variadic(Param.of("vals", Type.DYNAMIC).nullable().anyUnknown()).body(CollectionFunctions::coalesce),
                StrictFunction.named("coalescelist").variadic(Param.of("vals", Type.DYNAMIC).nullable().unknownElements()).body(a -> {
                    for (int i = 0; i < a.size(); i++) {
                        if (!a.get(i).isNull() && !Args.sequence(a, i, "must be a list or tuple").isEmpty()) {
                            return a.get(i);
                        }
                    }
                    throw FunctionException.failed("no non-null arguments");
                }),
                StrictFunction.named("range").variadic("params", Type.NUMBER).returns(Type.list(Type.NUMBER)).body(CollectionFunctions::range),
                StrictFunction.named("flatten").param(ANY_COLLECTION).body(a -> {
                    List<Value> out = new ArrayList<>();
                    return flatten(Args.sequence(a, 0, "can only flatten lists, sets and tuples"), out) ? Value.tuple(out) : Value.unknown(Type.DYNAMIC);
                }),
                StrictFunction.named("distinct").param("list", Type.list(Type.DYNAMIC)).body(a ->
                        sameKind(a.get(0), new ArrayList<>(new LinkedHashSet<>(a.get(0).elements())))),
                StrictFunction.named("contains").param("list", Type.DYNAMIC).param(Param.of("value", Type.DYNAMIC).nullable()).returns(Type.BOOL)
                        .body(a -> Value.bool(indexOf(a) >= 0)),
                StrictFunction.named("index").param("list", Type.DYNAMIC).param("value", Type.DYNAMIC).returns(Type.NUMBER).body(a -> {
                    if (Args.sequence(a, 0, "argument must be a list or tuple").isEmpty()) {
                        throw FunctionException.failed("cannot search an empty list");
                    }
                    int i = indexOf(a);
                    if (i < 0) {
                        throw FunctionException.failed("item not found");
                    }
                    return Value.number(i);
                }),
                StrictFunction.named("one").param(ANY_COLLECTION).body(a -> {
                    List<Value> elements = Args.sequence(a, 0, "must be a list, set, or tuple value");
                    if (elements.size() > 1) {
                        throw FunctionException.argument(0, "must be a list, set, or tuple value with either zero or one elements");
                    }
                    Type element = a.get(0).type().elementType();
                    return elements.isEmpty() ? Value.nullOf(element == null ? Type.DYNAMIC : element) : elements.get(0);
                }),
                StrictFunction.named("compact").param("list", Type.list(Type.STRING)).returns(Type.list(Type.STRING)).body(a ->
                        Value.listOf(Type.STRING, a.get(0).elements().stream().filter(v -> !v.isNull() && !v.asString().isEmpty()).toList())),
                StrictFunction.named("chunklist").param(Param.of("list", Type.list(Type.DYNAMIC)).unknownElements()).param("size", Type.NUMBER)
                        .body(CollectionFunctions::chunklist),
                StrictFunction.named("slice").param(ANY_COLLECTION).param("start_index", Type.NUMBER).param("end_index", Type.NUMBER)
                        .body(CollectionFunctions::slice),
                StrictFunction.named("sort").param("list", Type.list(Type.STRING)).returns(Type.list(Type.STRING)).body(a -> {
                    List<Value> sorted = new ArrayList<>(a.get(0).elements());
                    sorted.sort((x, y) -> x.asString().compareTo(y.asString()));
                    return Value.listOf(Type.STRING, sorted);
                }),
                StrictFunction.named("reverse").param(ANY_COLLECTION).body(a -> {
                    List<Value> reversed = new ArrayList<>(Args.sequence(a, 0, "can only reverse list or tuple values"));
                    java.util.Collections.reverse(reversed);
                    return a.get(0).type() instanceof TupleType ? Value.tuple(reversed) : sameKind(a.get(0), reversed);
                }),
                StrictFunction.named("alltrue").param("list", Type.list(Type.BOOL)).returns(Type.BOOL)
                        .body(a -> Value.bool(a.get(0).elements().stream().allMatch(v -> !v.isNull() && v.asBool()))),
                StrictFunction.named("anytrue").param("list", Type.list(Type.BOOL)).returns(Type.BOOL)
                        .body(a -> Value.bool(a.get(0).elements().stream().anyMatch(v -> !v.isNull() && v.asBool()))));
    }

    private static Value length(List<Value> a) {
        Value v = a.get(0);
        Type t = v.type();
        if (t == Type.STRING) {
            return Value.number(v.asString().codePointCount(0, v.asString().length()));
        }
        if (!t.isSequence() && !t.isMapping()) {
            throw FunctionException.failed("argument must be a string, a collection type, or a structural type");
        }
        if (t instanceof SetType && !v.isWhollyKnown()) {
            return Value.unknown(Type.NUMBER); // unknown elements may turn out equal and collapse
        }
        return Value.number(v.length());
    }



    private static Value concat(List<Value> a) {
        List<Value> all = new ArrayList<>();
        boolean allLists = true;
        for (int i = 0; i < a.size(); i++) {
            all.addAll(Args.sequence(a, i, "all arguments must be lists or tuples; got " + a.get(i).type().friendlyName()));
            allLists &= a.get(i).type() instanceof ListType;
        }
        if (allLists && Conversions.unify(a.stream().map(Value::type).toList()) != null) {
            return Value.list(all);
        }
        return Value.tuple(all);
    }

    private static Value coalesce(List<Value> a) {
        Type unified = Conversions.unify(a.stream().map(Value::type).toList());
        if (unified == null) {
            throw FunctionException.failed("all arguments must have the same type");
        }
        for (Value v : a) {
            if (!v.isKnown()) {
                return Value.unknown(unified); // an earlier argument decides once it is known
            }
            if (v.isNull() || v.type() == Type.STRING && v.asString().isEmpty()) {
                continue;
            }
            return v.convert(unified);
        }
        throw FunctionException.failed("no non-null, non-empty-string arguments");
    }

    private static Value range(List<Value> a) {
        if (a.isEmpty() || a.size() > 3) {
            throw FunctionException.failed("must have one, two, or three arguments");
        }
        BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : a.get(0).asNumber();
        BigDecimal end = a.size() == 1 ? a.get(0).asNumber() : a.get(1).asNumber();
        BigDecimal step = a.size() == 3 ? a.get(2).asNumber() : BigDecimal.valueOf(end.compareTo(start) < 0 ? -1 : 1);
        if (step.signum() == 0) {
            throw FunctionException.argument(2, "step must not be zero");
        }
        if (step.signum() < 0 && start.compareTo(end) < 0) {
            throw FunctionException.argument(1, "end must be less than start when step is negative");
        }
        if (step.signum() > 0 && start.compareTo(end) > 0) {
            throw FunctionException.argument(1, "end must be greater than start when step is positive");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal n = start; step.signum() > 0 ? n.compareTo(end) < 0 : n.compareTo(end) > 0; n = n.add(step)) {
            if (out.size() == 1024) {
                throw FunctionException.failed("more than 1024 values were generated; either decrease the difference "
                        + "between start and end or use a smaller step");
            }
            out.add(Value.number(n));
        }
        return Value.listOf(Type.NUMBER, out);
    }


    /** Appends the leaves of nested sequences; false when an unknown sequence hides how many there are. */
    private static boolean flatten(List<Value> elements, List<Value> out) {
        for (Value e : elements) {
            if (!e.isKnown() && (e.type().isSequence() || e.type() == Type.DYNAMIC)) {
                return false;
            }
            if (!e.isNull() && e.type().isSequence()) {
                if (!flatten(e.elements(), out)) {
                    return false;
                }
            } else {
                out.add(e);
            }
        }
        return true;
    }

    private static int indexOf(List<Value> a) {
        List<Value> elements = Args.sequence(a, 0, "argument must be list, tuple, or set");
        Value wanted = a.get(1);
        for (int i = 0; i < elements.size(); i++) {
            Value e = elements.get(i);
            if (e.isNull() ? wanted.isNull() : !wanted.isNull() && sameValue(e, wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Equality for contains() and index(): 1 and "1" differ, but a tuple element matches its converted form. */
    private static boolean sameValue(Value element, Value wanted) {
        try {
            return element.equals(wanted.convert(element.type()))
                    && (element.type().isPrimitive() == wanted.type().isPrimitive())
                    && (!element.type().isPrimitive() || element.type() == wanted.type());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Value chunklist(List<Value> a) {
        int size = Args.integer(a, 1);
        if (size < 0) {
            throw FunctionException.argument(1, "the size argument must be positive");
        }
        List<Value> elements = a.get(0).elements();
        Type listType = a.get(0).type();
        List<Value> chunks = new ArrayList<>();
        int step = size == 0 ? Math.max(1, elements.size()) : size;
        for (int i = 0; i < elements.size(); i += step) {
            chunks.add(Value.listOf(listType.elementType(), elements.subList(i, Math.min(elements.size(), i + step))));
        }
        return Value.listOf(listType, chunks);
    }

    private static Value slice(List<Value> a) {
        List<Value> elements = Args.sequence(a, 0, "must be a list or tuple value");
        int start = Args.integer(a, 1);
        int end = Args.integer(a, 2);
        if (start < 0) {
            throw FunctionException.argument(1, "start index must not be less than zero");
        }
        if (end > elements.size()) {
            throw FunctionException.argument(2, "end index must not be greater than the length of the list");
        }
        if (start > end) {
            throw FunctionException.argument(1, "start index must not be greater than end index");
        }
        List<Value> part = elements.subList(start, end);
        return a.get(0).type() instanceof TupleType ? Value.tuple(part) : sameKind(a.get(0), part);
    }

    /** A list of the same element type as the given list (or set, which becomes a list). */
    private static Value sameKind(Value original, List<Value> elements) {
        Type element = original.type().elementType();
        return element == null ? Value.tuple(elements) : Value.listOf(element, elements);
    }

}
