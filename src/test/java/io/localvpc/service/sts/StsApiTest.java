package io.localvpc.service.sts;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

class StsApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void get_caller_identity_is_the_access_keys_account() {
        var identity = server.sts("123456789012").getCallerIdentity();
        assertThat(identity.account()).isEqualTo("123456789012");
        assertThat(identity.userId()).isEqualTo("123456789012");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(server.sts("AKIAEXAMPLE").getCallerIdentity().account()).isEqualTo("000000000000");
    }

    @Test
    void assume_role_returns_temporary_credentials_for_an_existing_role() {
        String account = "700000000001";
        server.iam(account).createRole(r -> r.roleName("deployer").path("/ci/").assumeRolePolicyDocument(TRUST)
                .maxSessionDuration(7200));
        StsClient sts = server.sts(account);
        var response = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ci/deployer")
                .roleSessionName("build-42").durationSeconds(7200));
        assertThat(response.credentials().accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(response.credentials().secretAccessKey()).hasSize(40);
        assertThat(response.credentials().sessionToken()).isNotBlank();
        assertThat(response.credentials().expiration()).isEqualTo(LocalVpcServer.START.plus(Duration.ofHours(2)));
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::" + account + ":assumed-role/deployer/build-42");
        assertThat(response.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]{17}:build-42");

        // A role of another account can be assumed by its ARN.
        assertThat(server.sts("700000000002").assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ci/deployer")
                .roleSessionName("x1")).assumedRoleUser().arn()).contains(account);

        var denied = assertAwsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ghost")
                .roleSessionName("s1")), "AccessDenied");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/deployer")
                .roleSessionName("s1")), "AccessDenied"); // wrong path
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ci/deployer")
                .roleSessionName("s1").durationSeconds(7201)), "ValidationError");
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/ci/deployer")
                .roleSessionName("bad name")), "ValidationError");
        assertAwsError(() -> sts.assumeRole(r -> r.roleArn("not-an-arn").roleSessionName("s1")), "ValidationError");
        assertAwsError(() -> sts.assumeRole(r -> r.roleSessionName("s1")), "ValidationError");
    }

    @Test
    void get_session_token_gives_root_at_most_an_hour() {
        StsClient sts = server.sts("700000000003");
        var credentials = sts.getSessionToken().credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.expiration()).isEqualTo(LocalVpcServer.START.plus(Duration.ofHours(1)));
        assertAwsError(() -> sts.getSessionToken(r -> r.durationSeconds(60)), "ValidationError");
    }
}
