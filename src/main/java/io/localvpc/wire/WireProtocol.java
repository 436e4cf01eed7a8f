package io.localvpc.wire;

import io.localvpc.api.AwsException;
import io.localvpc.api.ServiceRoutes;

/**
 * One AWS wire protocol: reads the operation and its typed request from HTTP, and renders a typed
 * response or an error in the protocol's envelope.
 */
public interface WireProtocol {

    /** The operation a request names and its typed input. */
    record Call(ServiceRoutes.Route route, Object request) {}

    /** The action a request names, before its body is read (for logs and errors). */
    String actionOf(AwsHttpRequest http, FormParams form);

    Call parse(AwsHttpRequest http, FormParams form);

    AwsHttpResponse success(String action, Object response, String requestId);

    AwsHttpResponse error(AwsException error, String requestId);

    /** The error this protocol gives for a value that does not fit its declared type. */
    AwsException invalidValue(QueryShapeReader.InvalidValueException e);

    /** The error this protocol gives for a missing required member. */
    AwsException missingParameter(String name);

    /** The error this protocol gives for a request it cannot read at all. */
    AwsException malformed(String message);
}
