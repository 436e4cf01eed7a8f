package io.localvpc.service.ssm;

import io.localvpc.api.AwsException;

/** SSM's errors: all client faults with HTTP 400, told apart by their {@code __type}. */
public final class SsmErrors {
    private SsmErrors() {}

    public static AwsException of(String code, String message) {
        return AwsException.badRequest(code, message);
    }

    public static AwsException validation(String message) {
        return of("ValidationException", message);
    }

    public static AwsException notFound(String name) {
        return of("ParameterNotFound", "Parameter " + name + " not found.");
    }

    public static AwsException constraint(Object value, String member, String constraint) {
        return validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    public static void range(Integer value, String member, int min, int max) {
        if (value != null && value < min) {
            throw constraint(value, member, "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            throw constraint(value, member, "Member must have value less than or equal to " + max);
        }
    }
}
