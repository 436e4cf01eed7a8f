package io.localvpc.terraform.aws.iam;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.localvpc.terraform.aws.ProviderHarness;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.testing.LocalVpcServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IamResourcesTest {
    static final String SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    @RegisterExtension
    static final LocalVpcServer server = ProviderHarness.server();

    static ProviderHarness tf;
    final RoleResource roles = new RoleResource();
    final InstanceProfileResource profiles = new InstanceProfileResource();
    final RolePolicyAttachmentResource attachments = new RolePolicyAttachmentResource();
    final RolePolicyResource rolePolicies = new RolePolicyResource();
    final PolicyResource policies = new PolicyResource();

    @BeforeAll
    static void setUp() {
        tf = new ProviderHarness(server);
    }

    static String trust() {
        return (String) new PolicyDocumentDataSource().read(null, PolicyDocumentDataSourceTest.ec2Trust()).get("json");
    }

    @Test
    void theHandsOnRoleProfileAndAttachmentRoundTrip() {
        Map<String, Object> roleConfig = config("name", "ssm-role", "assume_role_policy", trust());
        Map<String, Object> role = tf.create(roles, roleConfig);
        assertThat(role).containsEntry("id", "ssm-role")
                .containsEntry("arn", "arn:aws:iam::000000000000:role/ssm-role")
                .containsEntry("assume_role_policy", trust())
                .containsEntry("path", "/")
                .containsEntry("max_session_duration", number(3600))
                .containsEntry("description", "")
                .containsEntry("permissions_boundary", "")
                .containsEntry("force_detach_policies", false)
                .containsEntry("name_prefix", "")
                .containsEntry("inline_policy", List.of())
                .containsEntry("managed_policy_arns", List.of())
                .containsEntry("tags", null)
                .containsEntry("tags_all", Map.of());
        assertThat((String) role.get("unique_id")).startsWith("AROA");
        assertThat((String) role.get("create_date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Map<String, Object> attachmentConfig = config("role", "ssm-role", "policy_arn", SSM_CORE);
        Map<String, Object> attachment = tf.create(attachments, attachmentConfig);
        assertThat((String) attachment.get("id")).matches("ssm-role-\\d{18}[0-9a-f]{8}");
        assertThat(tf.changes(attachments, attachment, attachmentConfig)).isEmpty();

        Map<String, Object> profileConfig = config("name", "ssm-profile", "role", "ssm-role");
        Map<String, Object> profile = tf.create(profiles, profileConfig);
        assertThat(profile).containsEntry("arn", "arn:aws:iam::000000000000:instance-profile/ssm-profile")
                .containsEntry("role", "ssm-role").containsEntry("path", "/").containsEntry("id", "ssm-profile");
        assertThat((String) profile.get("unique_id")).startsWith("AIPA");
        assertThat(tf.changes(profiles, profile, profileConfig)).isEmpty();

        // The attachment shows in the role's computed managed_policy_arns without a planned change.
        Map<String, Object> refreshed = tf.refresh(roles, role).orElseThrow();
        assertThat(refreshed.get("managed_policy_arns")).isEqualTo(List.of(SSM_CORE));
        assertThat(tf.changes(roles, refreshed, roleConfig)).isEmpty();

        tf.delete(profiles, profile);
        tf.delete(attachments, attachment);
        assertThat(tf.refresh(attachments, attachment)).isEmpty();
        tf.delete(roles, refreshed);
        assertThat(tf.refresh(roles, refreshed)).isEmpty();
        assertThat(tf.refresh(profiles, profile)).isEmpty();
    }

    @Test
    void anEquivalentTrustPolicyPlansNoChangeAndARealChangeUpdatesInPlace() {
        Map<String, Object> role = tf.create(roles, config("name_prefix", "app-", "assume_role_policy", trust(),
                "tags", Map.of("Team", "net")));
        String name = (String) role.get("name");
        assertThat(name).startsWith("app-").hasSize(4 + 26);
        assertThat(role).containsEntry("name_prefix", "app-").containsEntry("tags_all", Map.of("Team", "net"));

        String reworded = "{\"Statement\":[{\"Principal\":{\"Service\":[\"ec2.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"],"
                + "\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}";
        Map<String, Object> same = config("name_prefix", "app-", "assume_role_policy", reworded, "tags", Map.of("Team", "net"));
        assertThat(tf.changes(roles, role, same)).isEmpty();

        String lambda = trust().replace("ec2.amazonaws.com", "lambda.amazonaws.com");
        Map<String, Object> changed = config("name_prefix", "app-", "assume_role_policy", lambda, "description", "runs things",
                "max_session_duration", number(7200), "tags", Map.of("Team", "apps"));
        var changes = tf.changes(roles, role, changed);
        assertThat(changes).contains("assume_role_policy", "description", "max_session_duration", "tags");
        assertThat(tf.replaces(roles, role, changed)).isFalse();
        Map<String, Object> updated = tf.update(roles, role, changed);
        assertThat(updated).containsEntry("assume_role_policy", lambda).containsEntry("description", "runs things")
                .containsEntry("max_session_duration", number(7200)).containsEntry("tags_all", Map.of("Team", "apps"));
        assertThat(server.iam().getRole(r -> r.roleName(name)).role().description()).isEqualTo("runs things");
        assertThat(tf.changes(roles, updated, changed)).isEmpty();
        assertThat(tf.replaces(roles, updated, config("name", "renamed", "assume_role_policy", lambda))).isTrue();
        tf.delete(roles, updated);
    }

    @Test
    void aPermissionsBoundaryIsSetChangedAndRemovedInPlace() {
        String readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        Map<String, Object> config = config("name", "bounded", "assume_role_policy", trust(), "permissions_boundary", SSM_CORE);
        Map<String, Object> role = tf.create(roles, config);
        assertThat(role).containsEntry("permissions_boundary", SSM_CORE);

        Map<String, Object> other = config("name", "bounded", "assume_role_policy", trust(), "permissions_boundary", readOnly);
        var changes = tf.changes(roles, role, other);
        assertThat(changes).containsExactly("permissions_boundary");
        assertThat(tf.replaces(roles, role, other)).isFalse();
        Map<String, Object> updated = tf.update(roles, role, other);
        assertThat(updated).containsEntry("permissions_boundary", readOnly);
        assertThat(server.iam().getRole(r -> r.roleName("bounded")).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(readOnly);
        assertThat(tf.changes(roles, updated, other)).isEmpty();

        Map<String, Object> unbounded = config("name", "bounded", "assume_role_policy", trust());
        Map<String, Object> removed = tf.update(roles, updated, unbounded);
        assertThat(removed).containsEntry("permissions_boundary", "");
        assertThat(server.iam().getRole(r -> r.roleName("bounded")).role().permissionsBoundary()).isNull();
        assertThat(tf.changes(roles, removed, unbounded)).isEmpty();
        tf.delete(roles, removed);
    }

    @Test
    void policyTagsChangeInPlace() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";
        Map<String, Object> config = config("name", "tagged", "policy", document, "tags", Map.of("Team", "net", "Env", "dev"));
        Map<String, Object> policy = tf.create(policies, config);
        String arn = (String) policy.get("arn");

        Map<String, Object> retagged = config("name", "tagged", "policy", document, "tags", Map.of("Team", "ops"));
        var changes = tf.changes(policies, policy, retagged);
        assertThat(changes).contains("tags");
        assertThat(tf.replaces(policies, policy, retagged)).isFalse();
        Map<String, Object> updated = tf.update(policies, policy, retagged);
        assertThat(updated).containsEntry("arn", arn).containsEntry("tags", Map.of("Team", "ops"));
        assertThat(server.iam().listPolicyTags(r -> r.policyArn(arn)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("Team=ops");
        assertThat(tf.changes(policies, updated, retagged)).isEmpty();
        tf.delete(policies, updated);
    }

    @Test
    void inlineAndManagedPoliciesOfTheirOwn() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";
        Map<String, Object> role = tf.create(roles, config("name", "worker", "assume_role_policy", trust(), "force_detach_policies", true));

        Map<String, Object> inlineConfig = config("name", "describe", "role", "worker", "policy", document);
        Map<String, Object> inline = tf.create(rolePolicies, inlineConfig);
        assertThat(inline).containsEntry("id", "worker:describe").containsEntry("policy", document).containsEntry("name_prefix", "");
        assertThat(tf.changes(rolePolicies, inline, inlineConfig)).isEmpty();
        String wider = document.replace("ec2:Describe*", "ec2:*");
        Map<String, Object> widened = tf.update(rolePolicies, inline, config("name", "describe", "role", "worker", "policy", wider));
        assertThat(widened).containsEntry("policy", wider);

        Map<String, Object> policyConfig = config("name", "describe-all", "policy", document, "description", "reads");
        Map<String, Object> policy = tf.create(policies, policyConfig);
        String arn = "arn:aws:iam::000000000000:policy/describe-all";
        assertThat(policy).containsEntry("id", arn).containsEntry("arn", arn).containsEntry("path", "/")
                .containsEntry("attachment_count", number(0)).containsEntry("description", "reads");
        assertThat((String) policy.get("policy_id")).startsWith("ANPA");
        tf.create(attachments, config("role", "worker", "policy_arn", arn));
        Map<String, Object> attached = tf.refresh(policies, policy).orElseThrow();
        assertThat(attached).containsEntry("attachment_count", number(1));
        assertThat(tf.changes(policies, attached, policyConfig)).isEmpty();

        for (int i = 0; i < 6; i++) {
            String version = document.replace("Describe*", "Describe" + i);
            attached = tf.update(policies, attached, config("name", "describe-all", "policy", version, "description", "reads"));
            assertThat(attached).containsEntry("policy", version);
        }
        assertThat(server.iam().listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(5);

        // force_detach_policies lets the role go with its inline and managed policies still on it.
        tf.delete(roles, tf.refresh(roles, role).orElseThrow());
        assertThat(tf.refresh(rolePolicies, widened)).isEmpty();
        tf.delete(policies, attached);
        assertThat(tf.refresh(policies, attached)).isEmpty();
    }

    @Test
    void inlinePolicyBlocksAndManagedArnsConfiguredOnTheRoleItself() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        Map<String, Object> config = config("name", "owner", "assume_role_policy", trust(),
                "inline_policy", List.of(Map.of("name", "s3", "policy", document)), "managed_policy_arns", List.of(SSM_CORE));
        Map<String, Object> role = tf.create(roles, config);
        assertThat(role.get("inline_policy")).isEqualTo(List.of(Map.of("name", "s3", "policy", document)));
        assertThat(role.get("managed_policy_arns")).isEqualTo(List.of(SSM_CORE));
        assertThat(tf.changes(roles, role, config)).isEmpty();

        Map<String, Object> fewer = config("name", "owner", "assume_role_policy", trust(),
                "inline_policy", List.of(Map.of("name", "s3", "policy", document.replace("s3:*", "s3:Get*"))),
                "managed_policy_arns", List.of());
        Map<String, Object> updated = tf.update(roles, role, fewer);
        assertThat(updated.get("managed_policy_arns")).isEqualTo(List.of());
        assertThat(PolicyJson.decoded(server.iam().getRolePolicy(r -> r.roleName("owner").policyName("s3")).policyDocument()))
                .contains("s3:Get*");
        tf.delete(roles, updated);
        assertThat(tf.refresh(roles, updated)).isEmpty();
    }

    @Test
    void badArgumentsGetTheProvidersWordsAndApiErrors() {
        assertThatThrownBy(() -> tf.create(roles, config("name", "bad", "assume_role_policy", " {}")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("\"assume_role_policy\" contains an invalid JSON policy: leading space characters are not allowed");
        assertThatThrownBy(() -> tf.create(roles, config("name", "bad", "assume_role_policy", "[]")))
                .hasMessage("\"assume_role_policy\" contains an invalid JSON policy: not a JSON object");
        assertThatThrownBy(() -> tf.create(attachments, config("role", "nobody", "policy_arn", SSM_CORE)))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("attaching IAM Policy (" + SSM_CORE + ") to IAM Role (nobody): operation error IAM: AttachRolePolicy, "
                        + "https response error StatusCode: 404")
                .hasMessageContaining("api error NoSuchEntity");
    }
}
