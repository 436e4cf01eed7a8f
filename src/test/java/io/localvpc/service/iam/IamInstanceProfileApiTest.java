package io.localvpc.service.iam;

import static io.localvpc.service.iam.IamRoleApiTest.TRUST;
import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

class IamInstanceProfileApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 300000000;
    private String account;

    private IamClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.iam(account);
    }

    @Test
    void create_get_list_and_delete_an_instance_profile() {
        IamClient iam = freshAccount();
        InstanceProfile created = iam.createInstanceProfile(r -> r.instanceProfileName("web").path("/apps/")
                .tags(Tag.builder().key("env").value("dev").build())).instanceProfile();
        assertThat(created.instanceProfileId()).matches("AIPA[A-Z2-7]{17}");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":instance-profile/apps/web");
        assertThat(created.createDate()).isEqualTo(LocalVpcServer.START);
        assertThat(created.roles()).isEmpty();

        InstanceProfile got = iam.getInstanceProfile(r -> r.instanceProfileName("web")).instanceProfile();
        assertThat(got.path()).isEqualTo("/apps/");
        assertThat(got.tags()).extracting(Tag::key).containsExactly("env");
        iam.createInstanceProfile(r -> r.instanceProfileName("other"));
        assertThat(iam.listInstanceProfiles().instanceProfiles()).extracting(InstanceProfile::instanceProfileName)
                .containsExactly("web", "other");
        assertThat(iam.listInstanceProfiles(r -> r.pathPrefix("/apps")).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName).containsExactly("web");
        var page = iam.listInstanceProfiles(r -> r.maxItems(1));
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listInstanceProfiles(r -> r.marker(page.marker())).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName).containsExactly("other");

        var dup = assertAwsError(() -> iam.createInstanceProfile(r -> r.instanceProfileName("web")), "EntityAlreadyExists");
        assertThat(dup.statusCode()).isEqualTo(409);
        assertAwsError(() -> iam.createInstanceProfile(r -> r.instanceProfileName("bad/name")), "ValidationError");
        iam.deleteInstanceProfile(r -> r.instanceProfileName("web"));
        var gone = assertAwsError(() -> iam.getInstanceProfile(r -> r.instanceProfileName("web")), "NoSuchEntity");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertAwsError(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("web")), "NoSuchEntity");
    }

    @Test
    void a_profile_holds_one_role() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("a").assumeRolePolicyDocument(TRUST));
        iam.createRole(r -> r.roleName("b").assumeRolePolicyDocument(TRUST));
        iam.createInstanceProfile(r -> r.instanceProfileName("p"));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("a"));

        InstanceProfile profile = iam.getInstanceProfile(r -> r.instanceProfileName("p")).instanceProfile();
        assertThat(profile.roles()).extracting(Role::roleName).containsExactly("a");
        assertThat(profile.roles().get(0).arn()).isEqualTo("arn:aws:iam::" + account + ":role/a");
        assertThat(IamRoleApiTest.decoded(profile.roles().get(0).assumeRolePolicyDocument())).isEqualTo(TRUST);

        var full = assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("b")),
                "LimitExceeded");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("ghost")),
                "NoSuchEntity");
        assertAwsError(() -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("ghost").roleName("a")),
                "NoSuchEntity");

        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("a")).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName).containsExactly("p");
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("b")).instanceProfiles()).isEmpty();
        assertAwsError(() -> iam.listInstanceProfilesForRole(r -> r.roleName("ghost")), "NoSuchEntity");

        var roleConflict = assertAwsError(() -> iam.deleteRole(r -> r.roleName("a")), "DeleteConflict");
        assertThat(roleConflict.awsErrorDetails().errorMessage())
                .isEqualTo("Cannot delete entity, must remove roles from instance profile first.");
        var profileConflict = assertAwsError(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("p")),
                "DeleteConflict");
        assertThat(profileConflict.statusCode()).isEqualTo(409);

        assertAwsError(() -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("p").roleName("b")),
                "NoSuchEntity");
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("p").roleName("a"));
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("p")).instanceProfile().roles()).isEmpty();
        iam.deleteRole(r -> r.roleName("a"));
        iam.deleteInstanceProfile(r -> r.instanceProfileName("p"));
    }

    @Test
    void tag_untag_and_list_instance_profile_tags() {
        IamClient iam = freshAccount();
        iam.createInstanceProfile(r -> r.instanceProfileName("t"));
        iam.tagInstanceProfile(r -> r.instanceProfileName("t").tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        iam.untagInstanceProfile(r -> r.instanceProfileName("t").tagKeys("a"));
        assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName("t")).tags())
                .containsExactly(Tag.builder().key("b").value("2").build());
        assertAwsError(() -> iam.tagInstanceProfile(r -> r.instanceProfileName("ghost")
                .tags(Tag.builder().key("a").value("1").build())), "NoSuchEntity");
        assertAwsError(() -> iam.untagInstanceProfile(r -> r.instanceProfileName("ghost").tagKeys("a")), "NoSuchEntity");
        assertAwsError(() -> iam.listInstanceProfileTags(r -> r.instanceProfileName("ghost")), "NoSuchEntity");
    }
}
