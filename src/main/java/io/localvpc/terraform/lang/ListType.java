package io.localvpc.terraform.lang;

/** The list type: elements all of one type. */
public record ListType(Type element) implements Type {

    @Override
    public Type elementType() {
        return element;
    }

    @Override
    public String friendlyName() {
        return "list of " + element.friendlyName();
    }

    @Override
    public String typeExpression() {
        return "list(" + element.typeExpression() + ")";
    }

    @Override
    public String toString() {
        return typeExpression();
    }
}
