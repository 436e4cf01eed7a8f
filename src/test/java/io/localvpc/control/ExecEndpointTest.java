package io.localvpc.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.dataplane.shell.FakeNetwork;
import io.localvpc.dataplane.shell.ScenarioAccess;
import io.localvpc.testing.LocalVpcServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

class ExecEndpointTest {
    static final String ACCOUNT = "222233334444";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static final FakeNetwork net = ScenarioAccess.natHandsOn();
    static String web;
    static String stopped;
    static String terminated;

    @BeforeAll
    static void launch() {
        Ec2Client ec2 = server.ec2(ACCOUNT);
        web = launch(ec2, "web");
        stopped = launch(ec2, "stopped-one");
        terminated = launch(ec2, "gone");
        server.advance(Duration.ofSeconds(2));
        ec2.stopInstances(r -> r.instanceIds(stopped));
        ec2.terminateInstances(r -> r.instanceIds(terminated));
        server.advance(Duration.ofSeconds(2));
        for (String id : new String[] {web, stopped, terminated}) {
            net.withHost(FakeNetwork.host(id, true));
        }
        server.localVpc().attachNetwork(net);
    }

    static String launch(Ec2Client ec2, String name) {
        String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("amzn2-*-x86_64-gp2")))
                .images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1).instanceType("t3.micro"))
                .instances().get(0).instanceId();
        ec2.createTags(r -> r.resources(id).tags(Tag.builder().key("Name").value(name).build()));
        return id;
    }

    record Answer(int status, JsonNode body) {}

    static Answer post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.localVpc().endpoint() + "/_localvpc/exec"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    static Answer exec(String instance, String command) throws Exception {
        return post(JSON.writeValueAsString(java.util.Map.of("instance", instance, "command", command,
                "accountId", ACCOUNT, "region", "ap-northeast-1")), null);
    }

    @Test
    void runs_a_command_on_an_instance_by_id() throws Exception {
        Answer a = exec(web, "curl -s https://checkip.amazonaws.com");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("stdout").asText()).isEqualTo("203.0.113.10\n");
        assertThat(a.body().get("stderr").asText()).isEmpty();
        assertThat(a.body().get("exitCode").asInt()).isZero();
        assertThat(a.body().get("instanceId").asText()).isEqualTo(web);
    }

    @Test
    void by_name_tag_with_account_and_region_from_the_signature() throws Exception {
        Answer a = post("{\"instance\": \"web\", \"command\": \"ping -c 1 10.9.9.9\"}",
                "AWS4-HMAC-SHA256 Credential=" + ACCOUNT + "/20260101/ap-northeast-1/ec2/aws4_request, SignedHeaders=host, Signature=00");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("exitCode").asInt()).isEqualTo(1);
        assertThat(a.body().get("stdout").asText()).contains("1 packets transmitted, 0 received, 100% packet loss");
        assertThat(a.body().get("instanceId").asText()).isEqualTo(web);
    }

    @Test
    void a_command_as_an_array_of_words_keeps_them() throws Exception {
        Answer a = post("{\"instance\": \"" + web + "\", \"accountId\": \"" + ACCOUNT + "\", \"region\": \"ap-northeast-1\","
                + " \"command\": [\"curl\", \"-s\", \"-o\", \"/dev/null\", \"-w\", \"%{http_code} it's\\n\", \"https://example.com\"]}", null);
        assertThat(a.body().get("stdout").asText()).isEqualTo("200 it's\n");
    }

    @Test
    void unknown_and_terminated_instances_are_404() throws Exception {
        assertThat(exec("i-0000000000000dead", "hostname").status()).isEqualTo(404);
        Answer gone = exec(terminated, "hostname");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("error").asText()).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(exec("gone", "hostname").status()).isEqualTo(404);
        Answer elsewhere = post("{\"instance\": \"" + web + "\", \"command\": \"hostname\"}", null);
        assertThat(elsewhere.status()).as("the default account has no such instance").isEqualTo(404);
    }

    @Test
    void asking_an_unused_region_does_not_create_it() throws Exception {
        Answer a = post(JSON.writeValueAsString(java.util.Map.of("instance", "web", "command", "hostname",
                "accountId", ACCOUNT, "region", "eu-west-3")), null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().get("error").asText()).isEqualTo("InvalidInstanceId.NotFound");
        assertThat(server.localVpc().cloud().existing(ACCOUNT, "eu-west-3")).isEmpty();
    }

    @Test
    void a_stopped_instance_is_409() throws Exception {
        Answer a = exec("stopped-one", "hostname");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.body().get("error").asText()).isEqualTo("InvalidInstanceState");
        assertThat(a.body().get("message").asText()).contains(stopped, "stopped", "not in a valid state");
    }

    @Test
    void bad_requests_are_400() throws Exception {
        assertThat(post("not json", null).status()).isEqualTo(400);
        assertThat(post("{\"command\": \"hostname\"}", null).body().get("error").asText()).isEqualTo("MissingParameter");
        assertThat(post("{\"instance\": \"web\"}", null).status()).isEqualTo(400);
    }

    @Test
    void without_a_network_the_endpoint_is_503() throws Exception {
        server.localVpc().attachNetwork(null);
        try {
            Answer a = exec(web, "hostname");
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.body().get("message").asText()).contains("No simulated network");
        } finally {
            server.localVpc().attachNetwork(net);
        }
    }
}
