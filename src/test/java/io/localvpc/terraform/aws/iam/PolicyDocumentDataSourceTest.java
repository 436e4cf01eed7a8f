package io.localvpc.terraform.aws.iam;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.provider.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The document is rendered locally (the provider makes no call), so these need no server. */
class PolicyDocumentDataSourceTest {
    final PolicyDocumentDataSource documents = new PolicyDocumentDataSource();

    static Map<String, Object> ec2Trust() {
        return config("statement", List.of(Map.of(
                "actions", List.of("sts:AssumeRole"),
                "principals", List.of(Map.of("type", "Service", "identifiers", List.of("ec2.amazonaws.com"))))));
    }

    @Test
    void theHandsOnTrustPolicyIsRenderedAsTheProviderRendersIt() {
        Map<String, Object> out = documents.read(null, ec2Trust());

        String json = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": "sts:AssumeRole",
                      "Principal": {
                        "Service": "ec2.amazonaws.com"
                      }
                    }
                  ]
                }""";
        assertThat(out.get("json")).isEqualTo(json);
        assertThat(out.get("minified_json")).isEqualTo(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}");
        CRC32 crc = new CRC32();
        crc.update(json.getBytes());
        assertThat(out.get("id")).isEqualTo(Long.toString(crc.getValue()));
        assertThat(out.get("version")).isEqualTo("2012-10-17");
        assertThat(out.get("statement")).asList().singleElement().isEqualTo(Map.of(
                "actions", List.of("sts:AssumeRole"), "condition", List.of(), "effect", "Allow", "not_actions", List.of(),
                "not_principals", List.of(), "not_resources", List.of(),
                "principals", List.of(Map.of("identifiers", List.of("ec2.amazonaws.com"), "type", "Service")),
                "resources", List.of(), "sid", ""));
    }

    @Test
    void listsAreSortedInReversePrincipalsMergedAndConditionsKeyedAsGoWritesMaps() {
        Map<String, Object> out = documents.read(null, config("statement", List.of(Map.of(
                "sid", "Read",
                "effect", "Deny",
                "actions", List.of("s3:GetObject", "s3:ListBucket"),
                "resources", List.of("arn:aws:s3:::b/&{aws:username}/*", "arn:aws:s3:::b"),
                "principals", List.of(Map.of("type", "AWS", "identifiers", List.of("arn:aws:iam::111122223333:root")),
                        Map.of("type", "AWS", "identifiers", List.of("arn:aws:iam::444455556666:root"))),
                "condition", List.of(Map.of("test", "StringLike", "variable", "s3:prefix", "values", List.of("home/", "home/<x>")),
                        Map.of("test", "Bool", "variable", "aws:SecureTransport", "values", List.of("true")))))));

        assertThat(out.get("minified_json")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\","
                + "\"Effect\":\"Deny\",\"Action\":[\"s3:ListBucket\",\"s3:GetObject\"],"
                + "\"Resource\":[\"arn:aws:s3:::b/${aws:username}/*\",\"arn:aws:s3:::b\"],"
                + "\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::444455556666:root\"]},"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"StringLike\":{\"s3:prefix\":[\"home/\",\"home/\\u003cx\\u003e\"]}}}]}");
    }

    @Test
    void overrideDocumentsReplaceStatementsWithTheSameSid() {
        String override = "{\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Principal\":\"*\"}]}";
        Map<String, Object> out = documents.read(null, config(
                "statement", List.of(Map.of("sid", "A", "actions", List.of("ec2:*"), "resources", List.of("*")),
                        Map.of("sid", "B", "actions", List.of("s3:*"), "resources", List.of("*"))),
                "override_policy_documents", List.of(override)));
        assertThat(out.get("minified_json")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Principal\":\"*\"},"
                + "{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    }

    @Test
    void badArgumentsAreRefusedInTheProvidersWords() {
        assertThatThrownBy(() -> documents.read(null, config("statement", List.of(Map.of("sid", "no-dashes")))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("invalid value for statement.0.sid (must only include alphanumeric characters)");
        assertThatThrownBy(() -> documents.read(null, config("statement", List.of(Map.of("effect", "Maybe")))))
                .hasMessage("expected statement.0.effect to be one of [\"Allow\" \"Deny\"], got Maybe");
    }

    @Test
    void equivalentDocumentsAreEqualWhateverTheirLayout() {
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\"],"
                + "\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]}}]}";
        assertThat(PolicyJson.equivalent((String) documents.read(null, ec2Trust()).get("json"), compact)).isTrue();
        assertThat(PolicyJson.equivalent(compact, compact.replace("ec2", "ssm"))).isFalse();
        assertThat(PolicyJson.decoded("%7B%22a%22%3A1%7D")).isEqualTo("{\"a\":1}");
    }
}
