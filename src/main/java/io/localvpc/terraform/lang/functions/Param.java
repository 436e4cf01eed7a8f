package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;

/**
 * A function parameter: its type (arguments are converted to it), whether null is accepted, and
 * how much of an unknown argument the function can work with. By default an argument with any
 * unknown inside makes the call's result unknown without calling the function.
 */
public record Param(String name, Type type, boolean allowNull, Unknowns unknowns) {

    public enum Unknowns {
        /** The argument must be wholly known, else the result is unknown. */
        NONE,
        /** The argument itself must be known; elements inside it may be unknown (length(), concat()). */
        ELEMENTS,
        /** Anything; the function handles unknowns itself. */
        ANY
    }

    public static Param of(String name, Type type) {
        return new Param(name, type, false, Unknowns.NONE);
    }

    public Param nullable() {
        return new Param(name, type, true, unknowns);
    }

    public Param unknownElements() {
        return new Param(name, type, allowNull, Unknowns.ELEMENTS);
    }

    public Param anyUnknown() {
        return new Param(name, type, allowNull, Unknowns.ANY);
    }
}
