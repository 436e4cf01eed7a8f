package io.localvpc.terraform.lang.functions;

/**
 * A function's own failure. With an argument index it is reported as "Invalid function argument"
 * pointing at that argument; without, as "Error in function call" pointing at the call.
 */
public final class FunctionException extends RuntimeException {

    private final int argument;

    private FunctionException(int argument, String message) {
        super(message);
        this.argument = argument;
    }

    /** The argument at {@code index} is not acceptable (the message completes "Invalid value for "x" parameter: ..."). */
    public static FunctionException argument(int index, String message) {
        return new FunctionException(index, message);
    }

    /** The call failed as a whole. */
    public static FunctionException failed(String message) {
        return new FunctionException(-1, message);
    }

    int argumentIndex() {
        return argument;
    }
}
