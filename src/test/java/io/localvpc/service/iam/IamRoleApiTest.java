package io.localvpc.service.iam;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamRoleApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static final String TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";
    static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/a+b%c\"}]}";

    private static int accounts = 200000000;
    private String account;

    private IamClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.iam(account);
    }

    static String decoded(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    @Test
    void create_and_get_a_role_with_every_field() {
        IamClient iam = freshAccount();
        Role created = iam.createRole(r -> r.roleName("app").path("/service/").assumeRolePolicyDocument(TRUST)
                .description("the app").maxSessionDuration(7200).tags(Tag.builder().key("team").value("net").build()))
                .role();
        assertThat(created.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":role/service/app");
        assertThat(created.createDate()).isEqualTo(LocalVpcServer.START);

        Role got = iam.getRole(r -> r.roleName("app")).role();
        assertThat(got.roleName()).isEqualTo("app");
        assertThat(got.path()).isEqualTo("/service/");
        assertThat(got.roleId()).isEqualTo(created.roleId());
        assertThat(got.description()).isEqualTo("the app");
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.tags()).containsExactly(Tag.builder().key("team").value("net").build());
        assertThat(got.roleLastUsed()).isNotNull();
        // The Java SDK hands back IAM's percent-encoded document as it came over the wire.
        assertThat(got.assumeRolePolicyDocument()).startsWith("%7B%22Version%22").doesNotContain("+");
        assertThat(decoded(got.assumeRolePolicyDocument())).isEqualTo(TRUST);
    }

    @Test
    void defaults_are_path_slash_and_one_hour_sessions() {
        IamClient iam = freshAccount();
        Role role = iam.createRole(r -> r.roleName("plain").assumeRolePolicyDocument(TRUST)).role();
        assertThat(role.path()).isEqualTo("/");
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + account + ":role/plain");
    }

    @Test
    void bad_create_requests_get_aws_errors() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("taken").assumeRolePolicyDocument(TRUST));
        var dup = assertAwsError(() -> iam.createRole(r -> r.roleName("TAKEN").assumeRolePolicyDocument(TRUST)),
                "EntityAlreadyExists");
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(dup.awsErrorDetails().errorMessage()).isEqualTo("Role with name TAKEN already exists.");

        assertThat(assertAwsError(() -> iam.createRole(r -> r.roleName("bad name").assumeRolePolicyDocument(TRUST)),
                "ValidationError").statusCode()).isEqualTo(400);
        assertAwsError(() -> iam.createRole(r -> r.roleName("x".repeat(65)).assumeRolePolicyDocument(TRUST)),
                "ValidationError");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").path("noslash").assumeRolePolicyDocument(TRUST)),
                "ValidationError");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").path("/a").assumeRolePolicyDocument(TRUST)),
                "ValidationError");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p")), "ValidationError");
        var malformed = assertAwsError(() -> iam.createRole(r -> r.roleName("p").assumeRolePolicyDocument("{nope")),
                "MalformedPolicyDocument");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}")),
                "MalformedPolicyDocument");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").assumeRolePolicyDocument(TRUST).maxSessionDuration(60)),
                "ValidationError");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").assumeRolePolicyDocument(TRUST).maxSessionDuration(43201)),
                "ValidationError");
        assertAwsError(() -> iam.createRole(r -> r.roleName("p").assumeRolePolicyDocument(TRUST).tags(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("A").value("2").build())), "InvalidInput");
        var missing = assertAwsError(() -> iam.getRole(r -> r.roleName("ghost")), "NoSuchEntity");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The role with name ghost cannot be found.");
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).containsExactly("taken");
    }

    @Test
    void list_roles_pages_with_marker_and_filters_by_path_prefix() {
        IamClient iam = freshAccount();
        for (int i = 0; i < 5; i++) {
            String name = "r" + i;
            String path = i % 2 == 0 ? "/even/" : "/";
            iam.createRole(r -> r.roleName(name).path(path).assumeRolePolicyDocument(TRUST));
        }
        List<String> names = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            var page = iam.listRoles(r -> r.maxItems(2).marker(from));
            names.addAll(page.roles().stream().map(Role::roleName).toList());
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(names).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(pages).isEqualTo(3);
        assertThat(iam.listRoles(r -> r.pathPrefix("/even/")).roles()).extracting(Role::roleName)
                .containsExactly("r0", "r2", "r4");
        assertThat(iam.listRoles(r -> r.maxItems(10)).isTruncated()).isFalse();
        assertAwsError(() -> iam.listRoles(r -> r.marker("garbage")), "ValidationError");
        assertAwsError(() -> iam.listRoles(r -> r.maxItems(0)), "ValidationError");
    }

    @Test
    void update_role_description_and_trust_policy() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("u").assumeRolePolicyDocument(TRUST));
        iam.updateRole(r -> r.roleName("u").maxSessionDuration(10800).description("first"));
        assertThat(iam.getRole(r -> r.roleName("u")).role().maxSessionDuration()).isEqualTo(10800);
        Role described = iam.updateRoleDescription(r -> r.roleName("u").description("second")).role();
        assertThat(described.description()).isEqualTo("second");
        String newTrust = TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
        iam.updateAssumeRolePolicy(r -> r.roleName("u").policyDocument(newTrust));
        assertThat(decoded(iam.getRole(r -> r.roleName("u")).role().assumeRolePolicyDocument())).isEqualTo(newTrust);

        assertAwsError(() -> iam.updateRole(r -> r.roleName("u").maxSessionDuration(100)), "ValidationError");
        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName("u").policyDocument("[]")),
                "MalformedPolicyDocument");
        assertAwsError(() -> iam.updateRole(r -> r.roleName("ghost").description("x")), "NoSuchEntity");
        assertAwsError(() -> iam.updateRoleDescription(r -> r.roleName("ghost").description("x")), "NoSuchEntity");
        assertAwsError(() -> iam.updateAssumeRolePolicy(r -> r.roleName("ghost").policyDocument(TRUST)), "NoSuchEntity");
    }

    @Test
    void tag_untag_and_list_role_tags() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("t").assumeRolePolicyDocument(TRUST)
                .tags(Tag.builder().key("env").value("dev").build()));
        iam.tagRole(r -> r.roleName("t").tags(Tag.builder().key("ENV").value("prod").build(),
                Tag.builder().key("team").value("net").build()));
        assertThat(iam.listRoleTags(r -> r.roleName("t")).tags()).containsExactly(
                Tag.builder().key("env").value("prod").build(), Tag.builder().key("team").value("net").build());
        iam.untagRole(r -> r.roleName("t").tagKeys("env", "absent"));
        assertThat(iam.listRoleTags(r -> r.roleName("t")).tags()).extracting(Tag::key).containsExactly("team");

        List<Tag> tooMany = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tooMany.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertThat(assertAwsError(() -> iam.tagRole(r -> r.roleName("t").tags(tooMany)), "LimitExceeded").statusCode())
                .isEqualTo(409);
        assertAwsError(() -> iam.tagRole(r -> r.roleName("ghost").tags(Tag.builder().key("a").value("b").build())),
                "NoSuchEntity");
        assertAwsError(() -> iam.untagRole(r -> r.roleName("ghost").tagKeys("a")), "NoSuchEntity");
        assertAwsError(() -> iam.listRoleTags(r -> r.roleName("ghost")), "NoSuchEntity");
    }

    @Test
    void inline_policies_put_get_list_delete() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("i").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("i").policyName("read").policyDocument(INLINE));
        iam.putRolePolicy(r -> r.roleName("i").policyName("write").policyDocument(INLINE));
        assertThat(iam.listRolePolicies(r -> r.roleName("i")).policyNames()).containsExactly("read", "write");
        var got = iam.getRolePolicy(r -> r.roleName("i").policyName("read"));
        assertThat(got.roleName()).isEqualTo("i");
        assertThat(decoded(got.policyDocument())).isEqualTo(INLINE);

        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName("i").policyName("bad").policyDocument("nope")),
                "MalformedPolicyDocument");
        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName("ghost").policyName("p").policyDocument(INLINE)),
                "NoSuchEntity");
        assertAwsError(() -> iam.getRolePolicy(r -> r.roleName("i").policyName("ghost")), "NoSuchEntity");
        var conflict = assertAwsError(() -> iam.deleteRole(r -> r.roleName("i")), "DeleteConflict");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot delete entity, must detach all policies first.");

        iam.deleteRolePolicy(r -> r.roleName("i").policyName("read"));
        iam.deleteRolePolicy(r -> r.roleName("i").policyName("write"));
        assertAwsError(() -> iam.deleteRolePolicy(r -> r.roleName("i").policyName("read")), "NoSuchEntity");
        assertThat(iam.listRolePolicies(r -> r.roleName("i")).policyNames()).isEmpty();
        iam.deleteRole(r -> r.roleName("i"));
        assertAwsError(() -> iam.deleteRole(r -> r.roleName("i")), "NoSuchEntity");
    }

    @Test
    void inline_policies_of_a_role_are_limited_in_total_size() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("big").assumeRolePolicyDocument(TRUST));
        String large = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(6000) + "\"}]}";
        iam.putRolePolicy(r -> r.roleName("big").policyName("one").policyDocument(large));
        assertAwsError(() -> iam.putRolePolicy(r -> r.roleName("big").policyName("two").policyDocument(large)),
                "LimitExceeded");
        assertThat(iam.listRolePolicies(r -> r.roleName("big")).policyNames()).containsExactly("one");
    }

    @Test
    void accounts_do_not_see_each_others_roles() {
        IamClient first = freshAccount();
        first.createRole(r -> r.roleName("mine").assumeRolePolicyDocument(TRUST));
        IamClient second = freshAccount();
        assertAwsError(() -> second.getRole(r -> r.roleName("mine")), "NoSuchEntity");
        second.createRole(r -> r.roleName("mine").assumeRolePolicyDocument(TRUST));
        assertThat(second.getRole(r -> r.roleName("mine")).role().arn()).contains(account);
    }

    @Test
    void get_user_without_a_name_is_the_accounts_root() {
        IamClient iam = freshAccount();
        var user = iam.getUser().user();
        assertThat(user.arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(user.userId()).isEqualTo(account);
        assertThat(user.createDate()).isNotNull();
        assertAwsError(() -> iam.getUser(r -> r.userName("alice")), "NoSuchEntity");
    }

    @Test
    void account_summary_counts_roles_profiles_and_policies() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("s").assumeRolePolicyDocument(TRUST));
        iam.createInstanceProfile(r -> r.instanceProfileName("s"));
        var summary = iam.getAccountSummary().summaryMapAsStrings();
        assertThat(summary).containsEntry("Roles", 1).containsEntry("InstanceProfiles", 1)
                .containsEntry("Policies", 0).containsEntry("RolesQuota", 1000);
    }
}
