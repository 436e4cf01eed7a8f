package io.localvpc.service.iam;

import static io.localvpc.service.iam.IamPolicyApiTest.DOC;
import static io.localvpc.service.iam.IamPolicyApiTest.SSM_CORE;
import static io.localvpc.service.iam.IamRoleApiTest.TRUST;
import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.Tag;

/** Permissions boundaries set and removed on existing roles; tags on customer managed policies. */
class IamBoundaryAndPolicyTagsTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 410000000;

    private IamClient freshAccount() {
        return server.iam(String.format("%012d", ++accounts));
    }

    @Test
    void a_boundary_is_put_replaced_and_deleted_on_an_existing_role() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST));
        String own = iam.createPolicy(r -> r.policyName("limit").policyDocument(DOC)).policy().arn();

        iam.putRolePermissionsBoundary(r -> r.roleName("app").permissionsBoundary(own));
        var boundary = iam.getRole(r -> r.roleName("app")).role().permissionsBoundary();
        assertThat(boundary.permissionsBoundaryType()).isEqualTo(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY);
        assertThat(boundary.permissionsBoundaryArn()).isEqualTo(own);
        assertThat(iam.getPolicy(r -> r.policyArn(own)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);

        iam.putRolePermissionsBoundary(r -> r.roleName("app").permissionsBoundary(SSM_CORE));
        assertThat(iam.getRole(r -> r.roleName("app")).role().permissionsBoundary().permissionsBoundaryArn())
                .isEqualTo(SSM_CORE);

        iam.deleteRolePermissionsBoundary(r -> r.roleName("app"));
        assertThat(iam.getRole(r -> r.roleName("app")).role().permissionsBoundary()).isNull();
        iam.deleteRolePermissionsBoundary(r -> r.roleName("app")); // none left: still fine
    }

    @Test
    void a_boundary_must_name_an_existing_policy_and_role() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(TRUST));
        String ghost = "arn:aws:iam::" + String.format("%012d", accounts) + ":policy/ghost";
        var missing = assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName("app")
                .permissionsBoundary(ghost)), "NoSuchEntity");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(iam.getRole(r -> r.roleName("app")).role().permissionsBoundary()).isNull();
        assertAwsError(() -> iam.putRolePermissionsBoundary(r -> r.roleName("nobody")
                .permissionsBoundary(SSM_CORE)), "NoSuchEntity");
        assertAwsError(() -> iam.deleteRolePermissionsBoundary(r -> r.roleName("nobody")), "NoSuchEntity");
    }

    @Test
    void policy_tags_are_added_replaced_listed_and_removed() {
        IamClient iam = freshAccount();
        String arn = iam.createPolicy(r -> r.policyName("p").policyDocument(DOC)
                .tags(Tag.builder().key("team").value("net").build())).policy().arn();

        iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("TEAM").value("ops").build(),
                Tag.builder().key("env").value("dev").build()));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags()).containsExactly(
                Tag.builder().key("team").value("ops").build(), Tag.builder().key("env").value("dev").build());
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().tags()).hasSize(2);

        iam.untagPolicy(r -> r.policyArn(arn).tagKeys("Team", "absent"));
        assertThat(iam.listPolicyTags(r -> r.policyArn(arn)).tags())
                .containsExactly(Tag.builder().key("env").value("dev").build());
        var page = iam.listPolicyTags(r -> r.policyArn(arn).maxItems(1));
        assertThat(page.isTruncated()).isFalse();

        String ghost = arn + "-gone";
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(ghost).tags(Tag.builder().key("a").value("b").build())),
                "NoSuchEntity");
        assertAwsError(() -> iam.untagPolicy(r -> r.policyArn(ghost).tagKeys("a")), "NoSuchEntity");
        assertAwsError(() -> iam.listPolicyTags(r -> r.policyArn(ghost)), "NoSuchEntity");
        assertAwsError(() -> iam.tagPolicy(r -> r.policyArn(arn).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("A").value("2").build())), "InvalidInput");
    }
}
