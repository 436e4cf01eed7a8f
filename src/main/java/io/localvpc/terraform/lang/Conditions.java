package io.localvpc.terraform.lang;

/**
 * Reading a condition (of a conditional, a template "if" or a for expression's "if" clause): it must
 * be a bool or convert to one, and never null. Each construct words its errors its own way.
 */
record Conditions(String nullSummary, String nullDetail, String typeSummary, String typeDetail) {

    static final Conditions CONDITIONAL = new Conditions("Null condition",
            "The condition value is null. Conditions must either be true or false.",
            "Incorrect condition type", "The condition expression must be of type bool.");
    static final Conditions TEMPLATE_IF = new Conditions("Invalid template if condition",
            "The condition value is null. Conditions must either be true or false.",
            "Invalid template if condition", "The condition expression must be of type bool.");
    static final Conditions FOR_IF = new Conditions("Condition is null", "The value of the 'if' clause must not be null.",
            "Invalid 'for' condition", "The 'if' clause value is invalid: a bool is required.");

    /** The condition as a bool value (possibly unknown). */
    Value check(Value v, Expression condition) {
        if (v.isNull()) {
            throw new HclException(nullSummary, nullDetail, condition.range());
        }
        try {
            return v.convert(Type.BOOL);
        } catch (IllegalArgumentException e) {
            throw new HclException(typeSummary, typeDetail, condition.range());
        }
    }
}
