package io.localvpc.terraform.provider;

/** The marker for a value that will only be known after apply: plans print it as {@code (known after apply)}. */
public enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "(known after apply)";
    }
}
