package io.localvpc.terraform.lang;

import java.util.List;
import java.util.stream.Collectors;

/** A fixed-length sequence with a type per element, the type of {@code [a, b]}. */
public record TupleType(List<Type> elements) implements Type {

    @Override
    public String friendlyName() {
        return "tuple";
    }

    @Override
    public String typeExpression() {
        return elements.stream().map(Type::typeExpression).collect(Collectors.joining(", ", "tuple([", "])"));
    }

    @Override
    public String toString() {
        return typeExpression();
    }
}
