package io.localvpc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code POST /_localvpc/exec}: a command run on an instance's shell, as the data-plane tests check it. */
public final class ShellExec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShellExec() {}

    /** What the command printed and its exit code. */
    public record Result(String stdout, String stderr, int exitCode) {}

    /** Runs {@code command} on {@code instance} (an id or a Name tag); asserts the endpoint answers 200. */
    public static Result exec(LocalVpcServer server, String accountId, String region, String instance, String command) throws Exception {
        String body = JSON.createObjectNode().put("instance", instance).put("command", command)
                .put("accountId", accountId).put("region", region).toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.localVpc().endpoint() + "/_localvpc/exec"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        return new Result(answer.get("stdout").asText(), answer.get("stderr").asText(), answer.get("exitCode").asInt());
    }
}
