package io.localvpc.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as IAM applies it to policy documents in responses. Spaces must be
 * {@code %20}: botocore's decoder does not turn {@code +} into a space.
 */
public final class PercentEncoding {
    private PercentEncoding() {}

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
