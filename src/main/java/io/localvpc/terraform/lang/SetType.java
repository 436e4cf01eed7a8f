package io.localvpc.terraform.lang;

/** The set type: elements all of one type. */
public record SetType(Type element) implements Type {

    @Override
    public Type elementType() {
        return element;
    }

    @Override
    public String friendlyName() {
        return "set of " + element.friendlyName();
    }

    @Override
    public String typeExpression() {
        return "set(" + element.typeExpression() + ")";
    }

    @Override
    public String toString() {
        return typeExpression();
    }
}
