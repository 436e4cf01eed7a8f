package io.localvpc.service.iam;

import static io.localvpc.service.iam.IamRoleApiTest.TRUST;
import static io.localvpc.service.iam.IamRoleApiTest.decoded;
import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

class IamPolicyApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    static final String SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    static final String DOC = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"ec2:Describe*\", \"Resource\": \"*\"}}";

    private static int accounts = 400000000;
    private String account;

    private IamClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.iam(account);
    }

    @Test
    void aws_managed_policies_are_in_every_account() {
        IamClient iam = freshAccount();
        for (String name : new String[] {"AmazonSSMManagedInstanceCore", "AmazonEC2ReadOnlyAccess",
                "AmazonS3ReadOnlyAccess", "AdministratorAccess", "ReadOnlyAccess", "CloudWatchAgentServerPolicy",
                "AmazonSSMFullAccess", "AmazonVPCFullAccess"}) {
            Policy policy = iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/" + name)).policy();
            assertThat(policy.policyName()).isEqualTo(name);
            assertThat(policy.policyId()).startsWith("ANPA");
            assertThat(policy.isAttachable()).isTrue();
        }
        Policy core = iam.getPolicy(r -> r.policyArn(SSM_CORE)).policy();
        PolicyVersion version = iam.getPolicyVersion(r -> r.policyArn(SSM_CORE)
                .versionId(core.defaultVersionId())).policyVersion();
        assertThat(version.isDefaultVersion()).isTrue();
        assertThat(decoded(version.document())).contains("ssm:UpdateInstanceInformation", "ssmmessages:");
        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.AWS)).policies()).hasSize(8);
        var missing = assertAwsError(() -> iam.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/Nope")),
                "NoSuchEntity");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void attach_list_and_detach_keep_attachment_counts_right() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("a").assumeRolePolicyDocument(TRUST));
        iam.createRole(r -> r.roleName("b").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("a").policyArn(SSM_CORE));
        iam.attachRolePolicy(r -> r.roleName("a").policyArn(SSM_CORE)); // again: no change
        iam.attachRolePolicy(r -> r.roleName("b").policyArn(SSM_CORE));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("a")).attachedPolicies()).containsExactly(
                AttachedPolicy.builder().policyArn(SSM_CORE).policyName("AmazonSSMManagedInstanceCore").build());
        assertThat(iam.getPolicy(r -> r.policyArn(SSM_CORE)).policy().attachmentCount()).isEqualTo(2);
        assertThat(iam.listEntitiesForPolicy(r -> r.policyArn(SSM_CORE)).policyRoles())
                .extracting(PolicyRole::roleName).containsExactly("a", "b");
        assertThat(iam.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::arn)
                .containsExactly(SSM_CORE);

        var unknown = assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName("a")
                .policyArn("arn:aws:iam::aws:policy/Nope")), "NoSuchEntity");
        assertThat(unknown.awsErrorDetails().errorMessage())
                .isEqualTo("Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.");
        assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName("ghost").policyArn(SSM_CORE)), "NoSuchEntity");
        assertAwsError(() -> iam.detachRolePolicy(r -> r.roleName("a")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess")), "NoSuchEntity");
        assertAwsError(() -> iam.listAttachedRolePolicies(r -> r.roleName("ghost")), "NoSuchEntity");
        assertAwsError(() -> iam.deleteRole(r -> r.roleName("a")), "DeleteConflict");

        iam.detachRolePolicy(r -> r.roleName("a").policyArn(SSM_CORE));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("a")).attachedPolicies()).isEmpty();
        assertThat(iam.getPolicy(r -> r.policyArn(SSM_CORE)).policy().attachmentCount()).isEqualTo(1);
        iam.deleteRole(r -> r.roleName("a"));
    }

    @Test
    void a_role_takes_at_most_ten_managed_policies() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("full").assumeRolePolicyDocument(TRUST));
        for (int i = 0; i < 10; i++) {
            String name = "p" + i;
            String arn = iam.createPolicy(r -> r.policyName(name).policyDocument(DOC)).policy().arn();
            iam.attachRolePolicy(r -> r.roleName("full").policyArn(arn));
        }
        assertThat(assertAwsError(() -> iam.attachRolePolicy(r -> r.roleName("full").policyArn(SSM_CORE)),
                "LimitExceeded").statusCode()).isEqualTo(409);
    }

    @Test
    void customer_policies_with_versions() {
        IamClient iam = freshAccount();
        Policy created = iam.createPolicy(r -> r.policyName("mine").path("/team/").description("d")
                .policyDocument(DOC)).policy();
        String arn = "arn:aws:iam::" + account + ":policy/team/mine";
        assertThat(created.arn()).isEqualTo(arn);
        assertThat(created.defaultVersionId()).isEqualTo("v1");
        assertThat(created.attachmentCount()).isZero();
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().description()).isEqualTo("d");
        assertThat(decoded(iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v1")).policyVersion().document()))
                .isEqualTo(DOC);
        assertAwsError(() -> iam.createPolicy(r -> r.policyName("mine").policyDocument(DOC)), "EntityAlreadyExists");
        assertAwsError(() -> iam.createPolicy(r -> r.policyName("bad").policyDocument("{}")), "MalformedPolicyDocument");

        PolicyVersion v2 = iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(DOC).setAsDefault(true))
                .policyVersion();
        assertThat(v2.versionId()).isEqualTo("v2");
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v2");
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(DOC));
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v3", "v2", "v1");
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(DOC));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(DOC));
        assertAwsError(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(DOC)), "LimitExceeded");
        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v2")), "DeleteConflict");
        assertAwsError(() -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v9")), "NoSuchEntity");
        assertAwsError(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v9")), "NoSuchEntity");
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict");
        for (String v : new String[] {"v1", "v3", "v4", "v5"}) {
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v));
        }
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v2");

        assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).extracting(Policy::arn)
                .containsExactly(arn);
        assertThat(iam.listPolicies(r -> r.pathPrefix("/team/")).policies()).extracting(Policy::arn)
                .containsExactly(arn);
        assertThat(iam.listPolicies().policies()).hasSize(9);
        var page = iam.listPolicies(r -> r.maxItems(5));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listPolicies(r -> r.marker(page.marker())).policies()).hasSize(4);

        iam.createRole(r -> r.roleName("user").assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName("user").policyArn(arn));
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
        var attached = assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(arn)), "DeleteConflict");
        assertThat(attached.statusCode()).isEqualTo(409);
        iam.detachRolePolicy(r -> r.roleName("user").policyArn(arn));
        iam.deletePolicy(r -> r.policyArn(arn));
        assertAwsError(() -> iam.getPolicy(r -> r.policyArn(arn)), "NoSuchEntity");
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(arn)), "NoSuchEntity");
        assertAwsError(() -> iam.deletePolicy(r -> r.policyArn(SSM_CORE)), "AccessDenied");
    }
}
