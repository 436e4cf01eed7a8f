package io.localvpc.terraform.lang;

/** The primitive types, and DYNAMIC ("any"), which stands for a type not known yet. */
enum BasicType implements Type {
    STRING("string"), NUMBER("number"), BOOL("bool"), DYNAMIC("any");

    private final String keyword;

    BasicType(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String friendlyName() {
        return this == DYNAMIC ? "dynamic" : keyword;
    }

    @Override
    public String typeExpression() {
        return keyword;
    }

    @Override
    public String toString() {
        return keyword;
    }
}
