package io.localvpc.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.api.AwsException;
import io.localvpc.api.ServiceRoutes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * AWS JSON 1.0/1.1 (SSM): the operation in {@code X-Amz-Target: Prefix.Action}, the body a JSON
 * object, errors as {@code __type} + {@code message} in the body and {@code X-Amzn-ErrorType} in a
 * header (boto3 and the CLIs read only the body; Java reads either).
 */
public final class JsonProtocol implements WireProtocol {
    private final ServiceDescriptor service;
    private final ObjectMapper mapper;
    private final JsonShapeCodec codec;
    private final String contentType;

    public JsonProtocol(ServiceDescriptor service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
        this.codec = new JsonShapeCodec(mapper);
        this.contentType = service.protocol() == ServiceDescriptor.Protocol.JSON_1_0
                ? "application/x-amz-json-1.0"
                : "application/x-amz-json-1.1";
    }

    @Override
    public String actionOf(AwsHttpRequest http, FormParams form) {
        String target = http.header("x-amz-target");
        if (target == null) {
            return null;
        }
        int dot = target.lastIndexOf('.');
        return dot < 0 ? target : target.substring(dot + 1);
    }

    @Override
    public Call parse(AwsHttpRequest http, FormParams form) {
        String target = http.header("x-amz-target");
        if (target == null || !target.startsWith(service.jsonTargetPrefix() + ".")) {
            throw unknownOperation(target);
        }
        String action = target.substring(service.jsonTargetPrefix().length() + 1);
        ServiceRoutes.Route route = service.routes().find(action).orElseThrow(() -> unknownOperation(target));
        return new Call(route, codec.read(route.requestType(), http.body()));
    }

    private static AwsException unknownOperation(String target) {
        return AwsException.badRequest("UnknownOperationException", "Unknown operation " + target);
    }

    @Override
    public AwsHttpResponse success(String action, Object response, String requestId) {
        return json(200, codec.write((SdkPojo) response), Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public AwsHttpResponse error(AwsException error, String requestId) {
        ObjectNode body = mapper.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        return json(error.status(), body, Map.of("x-amzn-RequestId", requestId, "X-Amzn-ErrorType", error.code()));
    }

    private AwsHttpResponse json(int status, ObjectNode body, Map<String, String> headers) {
        try {
            return new AwsHttpResponse(status, contentType, headers, mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public AwsException invalidValue(QueryShapeReader.InvalidValueException e) {
        return AwsException.badRequest("SerializationException", "Cannot read " + e.parameter() + ": " + e.value());
    }

    @Override
    public AwsException missingParameter(String name) {
        return AwsException.badRequest(
                "ValidationException",
                "1 validation error detected: Value null at '" + AwsQueryProtocol.lowerFirst(name)
                        + "' failed to satisfy constraint: Member must not be null");
    }

    @Override
    public AwsException malformed(String message) {
        return AwsException.badRequest("SerializationException", message);
    }
}
