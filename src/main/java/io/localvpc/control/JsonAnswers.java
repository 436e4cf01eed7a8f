package io.localvpc.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localvpc.wire.AwsHttpResponse;
import java.util.Map;

/** How every {@code /_localvpc/…} endpoint answers: a JSON body, errors as {@code {"error", "message"}}. */
final class JsonAnswers {
    private final ObjectMapper mapper;

    JsonAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    AwsHttpResponse json(int status, JsonNode body) {
        try {
            return new AwsHttpResponse(status, "application/json", Map.of(), mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    AwsHttpResponse error(int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", code);
        body.put("message", message);
        return json(status, body);
    }
}
