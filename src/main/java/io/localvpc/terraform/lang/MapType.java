package io.localvpc.terraform.lang;

/** The map type: elements all of one type. */
public record MapType(Type element) implements Type {

    @Override
    public Type elementType() {
        return element;
    }

    @Override
    public String friendlyName() {
        return "map of " + element.friendlyName();
    }

    @Override
    public String typeExpression() {
        return "map(" + element.typeExpression() + ")";
    }

    @Override
    public String toString() {
        return typeExpression();
    }
}
