package io.localvpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP response produced by the wire layer. */
public record AwsHttpResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static AwsHttpResponse of(int status, String contentType, String body) {
        return new AwsHttpResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public AwsHttpResponse withHeader(String name, String value) {
        var all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new AwsHttpResponse(status, contentType, Map.copyOf(all), body);
    }
}
