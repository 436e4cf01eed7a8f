package io.localvpc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** How client commands ({@code localvpc exec}, {@code localvpc trace}) call a LocalVPC control endpoint. */
final class ControlClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint's answer: its status, its JSON body (null when the body is not JSON), the raw text. */
    record Answer(int status, JsonNode json, String raw) {}

    private ControlClient() {}

    /** Posts {@code body} as JSON to {@code path} (e.g. {@code /_localvpc/exec}) under the settings' endpoint. */
    static Answer post(ClientSettings settings, String path, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(settings.resolvePath(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        return new Answer(response.statusCode(), json, response.body());
    }

    static ObjectMapper json() {
        return JSON;
    }
}
