package io.localvpc.terraform.provider;

/** The type of an attribute, as the provider's schema declares it. */
public sealed interface AttributeType {
    AttributeType STRING = new Primitive("string");
    AttributeType NUMBER = new Primitive("number");
    AttributeType BOOL = new Primitive("bool");

    /** {@code string}, {@code number} or {@code bool}. */
    record Primitive(String name) implements AttributeType {}

    record ListOf(AttributeType element) implements AttributeType {}

    record SetOf(AttributeType element) implements AttributeType {}

    record MapOf(AttributeType element) implements AttributeType {}

    static AttributeType listOf(AttributeType element) {
        return new ListOf(element);
    }

    static AttributeType setOf(AttributeType element) {
        return new SetOf(element);
    }

    static AttributeType mapOf(AttributeType element) {
        return new MapOf(element);
    }
}
