package io.localvpc.service.iam;

import static io.localvpc.service.iam.IamPolicyApiTest.SSM_CORE;
import static io.localvpc.service.iam.IamRoleApiTest.TRUST;
import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/** The calls the Terraform AWS provider makes, in its order, for the IAM resources of a typical config. */
class IamTerraformConversationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 500000000;
    private String account;

    private IamClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.iam(account);
    }

    @Test
    void configure_learns_the_account_from_get_caller_identity() {
        freshAccount();
        var identity = server.sts(account).getCallerIdentity();
        assertThat(identity.account()).isEqualTo(account);
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + account + ":root");
    }

    @Test
    void configure_with_skip_credentials_validation_uses_get_user_then_list_roles() {
        IamClient iam = freshAccount();
        assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::" + account + ":root");
        iam.createRole(r -> r.roleName("any").assumeRolePolicyDocument(TRUST));
        iam.createRole(r -> r.roleName("other").assumeRolePolicyDocument(TRUST));
        var roles = iam.listRoles(r -> r.maxItems(1));
        assertThat(roles.roles()).singleElement().satisfies(r ->
                assertThat(r.arn()).startsWith("arn:aws:iam::" + account + ":role/"));
        assertThat(roles.isTruncated()).isTrue();
    }

    @Test
    void aws_iam_role_create_read_and_destroy() {
        IamClient iam = freshAccount();
        Role created = iam.createRole(r -> r.roleName("tf-role").path("/").maxSessionDuration(3600)
                .assumeRolePolicyDocument(TRUST)).role();
        assertThat(created.roleName()).isEqualTo("tf-role");

        Role read = iam.getRole(r -> r.roleName("tf-role")).role();
        assertThat(read.arn()).isEqualTo("arn:aws:iam::" + account + ":role/tf-role");
        assertThat(read.createDate()).isNotNull();
        assertThat(read.path()).isEqualTo("/");
        assertThat(read.maxSessionDuration()).isEqualTo(3600);
        assertThat(read.roleId()).startsWith("AROA");
        assertThat(IamRoleApiTest.decoded(read.assumeRolePolicyDocument())).isEqualTo(TRUST);
        assertThat(iam.listRolePolicies(r -> r.roleName("tf-role")).policyNames()).isEmpty();
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("tf-role")).attachedPolicies()).isEmpty();

        iam.attachRolePolicy(r -> r.roleName("tf-role").policyArn(SSM_CORE));
        // destroy
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("tf-role")).instanceProfiles()).isEmpty();
        for (AttachedPolicy p : iam.listAttachedRolePolicies(r -> r.roleName("tf-role")).attachedPolicies()) {
            iam.detachRolePolicy(r -> r.roleName("tf-role").policyArn(p.policyArn()));
        }
        iam.deleteRole(r -> r.roleName("tf-role"));
        assertAwsError(() -> iam.getRole(r -> r.roleName("tf-role")), "NoSuchEntity");
    }

    @Test
    void aws_iam_instance_profile_create_read_and_destroy() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("tf-role").path("/").maxSessionDuration(3600).assumeRolePolicyDocument(TRUST));
        InstanceProfile created = iam.createInstanceProfile(r -> r.instanceProfileName("tf-profile").path("/"))
                .instanceProfile();
        assertThat(created.instanceProfileName()).isEqualTo("tf-profile");
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("tf-profile")).instanceProfile()).isNotNull();
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("tf-profile").roleName("tf-role"));

        InstanceProfile read = iam.getInstanceProfile(r -> r.instanceProfileName("tf-profile")).instanceProfile();
        assertThat(read.arn()).isEqualTo("arn:aws:iam::" + account + ":instance-profile/tf-profile");
        assertThat(read.createDate()).isNotNull();
        assertThat(read.path()).isEqualTo("/");
        assertThat(read.instanceProfileId()).startsWith("AIPA");
        assertThat(read.roles()).extracting(Role::roleName).containsExactly("tf-role");
        assertThat(iam.getRole(r -> r.roleName(read.roles().get(0).roleName())).role().roleName()).isEqualTo("tf-role");

        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("tf-profile").roleName("tf-role"));
        iam.deleteInstanceProfile(r -> r.instanceProfileName("tf-profile"));
        assertAwsError(() -> iam.getInstanceProfile(r -> r.instanceProfileName("tf-profile")), "NoSuchEntity");
        // The role's destroy then finds no profile left to leave.
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("tf-role")).instanceProfiles()).isEmpty();
        iam.deleteRole(r -> r.roleName("tf-role"));
    }

    @Test
    void aws_iam_role_policy_attachment_create_read_and_destroy() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("tf-role").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("tf-role").policyArn(SSM_CORE));
        var attached = iam.listAttachedRolePolicies(r -> r.roleName("tf-role")).attachedPolicies();
        assertThat(attached).filteredOn(p -> p.policyArn().equals(SSM_CORE)).hasSize(1);
        iam.detachRolePolicy(r -> r.roleName("tf-role").policyArn(SSM_CORE));
        // A second destroy finds it gone: NoSuchEntity, which the provider takes as done.
        assertAwsError(() -> iam.detachRolePolicy(r -> r.roleName("tf-role").policyArn(SSM_CORE)), "NoSuchEntity");
    }
}
