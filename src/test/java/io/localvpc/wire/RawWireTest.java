package io.localvpc.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What goes over the wire, byte for byte where it matters: envelopes, element names and error
 * answers for requests no SDK would send (missing members, unknown actions, malformed bodies).
 */
class RawWireTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCOPE =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/ap-northeast-1/%s/aws4_request, SignedHeaders=host, Signature=0";

    private HttpResponse<String> post(String service, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localVpc().endpoint().resolve("/"))
                .header("Authorization", String.format(SCOPE, service))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String service, String body) throws Exception {
        return post(service, body, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
    }

    @Test
    void ec2_success_has_the_namespace_and_request_id_first() throws Exception {
        HttpResponse<String> response = form("ec2", "Action=DescribeVpcs&Version=2016-11-15");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>")
                .contains("<vpcSet><item>")
                .contains("<vpcId>vpc-")
                .contains("<isDefault>true</isDefault>");
    }

    @Test
    void ec2_operations_without_output_answer_return_true() throws Exception {
        String vpcId = server.ec2().describeVpcs().vpcs().get(0).vpcId();
        HttpResponse<String> response = form("ec2", "Action=CreateTags&Version=2016-11-15&ResourceId.1=" + vpcId
                + "&Tag.1.Key=k&Tag.1.Value=v");
        assertThat(response.body()).contains("<return>true</return>");
    }

    @Test
    void ec2_errors_use_the_response_errors_envelope_with_request_id_in_capitals() throws Exception {
        HttpResponse<String> response = form("ec2", "Action=DeleteVpc&Version=2016-11-15&VpcId=vpc-0123456789abcdef0");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>")
                .contains("<Message>The vpc ID 'vpc-0123456789abcdef0' does not exist</Message>")
                .contains("<RequestID>");
    }

    @Test
    void a_missing_required_member_is_missing_parameter() throws Exception {
        HttpResponse<String> response = form("ec2", "Action=DeleteVpc&Version=2016-11-15");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingParameter</Code>")
                .contains("The request must contain the parameter VpcId");
    }

    @Test
    void a_value_of_the_wrong_type_is_invalid_parameter_value() throws Exception {
        HttpResponse<String> response = form("ec2", "Action=DescribeVpcs&Version=2016-11-15&MaxResults=lots");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidParameterValue</Code>");
    }

    @Test
    void unknown_and_missing_actions_are_refused() throws Exception {
        assertThat(form("ec2", "Action=LaunchRockets&Version=2016-11-15").body())
                .contains("<Code>InvalidAction</Code>");
        assertThat(form("ec2", "Version=2016-11-15").body()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void sts_answers_in_the_aws_query_envelope() throws Exception {
        HttpResponse<String> response = form("sts", "Action=GetCallerIdentity&Version=2011-06-15");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult>")
                .contains("<Account>000000000000</Account>")
                .contains("<ResponseMetadata><RequestId>");
    }

    @Test
    void aws_query_errors_carry_type_code_and_message() throws Exception {
        HttpResponse<String> response = form("iam", "Action=GetRole&Version=2010-05-08&RoleName=nobody");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<ErrorResponse").contains("<Type>Sender</Type><Code>NoSuchEntity</Code>")
                .contains("<RequestId>");
    }

    @Test
    void json_errors_name_the_code_in_the_body_and_a_header() throws Exception {
        HttpResponse<String> response = post("ssm", "{\"Name\":\"/nope\"}",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AmazonSSM.GetParameter"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"ParameterNotFound\"");
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("ParameterNotFound");
    }

    @Test
    void malformed_json_is_a_serialization_exception() throws Exception {
        HttpResponse<String> response = post("ssm", "{not json",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "AmazonSSM.GetParameter"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("SerializationException");
    }

    @Test
    void unsigned_requests_are_routed_by_version() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.localVpc().endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeVpcs&Version=2016-11-15"))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).contains("<DescribeVpcsResponse");
    }

    @Test
    void health_names_the_services() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.localVpc().endpoint() + "/_localvpc/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ec2\"", "\"iam\"", "\"sts\"", "\"ssm\"");
    }

    @Test
    void advancing_the_clock_beyond_what_it_holds_is_400_and_leaves_it() throws Exception {
        java.time.Instant before = server.clock().now();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.localVpc().endpoint()
                        + "/_localvpc/clock/advance?seconds=1e300")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidParameterValue");
        assertThat(server.clock().now()).isEqualTo(before);
    }
}
