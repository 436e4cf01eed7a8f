package io.localvpc.terraform.provider;

/**
 * One argument or attribute of a resource type.
 *
 * @param mode whether configuration must, may or cannot set it
 * @param forceNew a change to it replaces the resource ({@code -/+} in a plan) instead of updating it
 * @param defaultValue what the provider assumes when configuration leaves an optional argument out
 *     (plain Java, see the package description), or null for none
 * @param sensitive plans print {@code (sensitive value)} instead of the value
 */
public record Attribute(String name, AttributeType type, Mode mode, boolean forceNew, Object defaultValue, boolean sensitive) {

    /** Who sets the attribute. */
    public enum Mode {
        /** Configuration must set it. */
        REQUIRED,
        /** Configuration may set it; absent means null or {@link Attribute#defaultValue()}. */
        OPTIONAL,
        /** Only the provider sets it. */
        COMPUTED,
        /** Configuration may set it; when it does not, the provider computes it. */
        OPTIONAL_COMPUTED
    }

    public boolean settable() {
        return mode != Mode.COMPUTED;
    }

    public boolean computed() {
        return mode == Mode.COMPUTED || mode == Mode.OPTIONAL_COMPUTED;
    }
}
