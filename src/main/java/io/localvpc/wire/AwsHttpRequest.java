package io.localvpc.wire;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** An HTTP request as the wire layer sees it, free of any server library. Header names are lower case. */
public record AwsHttpRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
