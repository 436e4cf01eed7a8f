package io.localvpc.terraform.config;

import io.localvpc.terraform.lang.Block;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.Type;
import java.util.List;

/** A {@code variable} block. {@code defaultValue} is null when there is no default (the variable is then required). */
public record VariableConfig(String name, Type type, Expression defaultValue, String description, boolean sensitive,
        boolean nullable, List<Validation> validations, Block block) {

    /** One {@code validation { condition, error_message }}. */
    public record Validation(Expression condition, Expression errorMessage) {}
}
