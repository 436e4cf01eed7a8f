package io.localvpc.service.iam;

import static io.localvpc.service.iam.IamPolicyApiTest.SSM_CORE;
import static io.localvpc.service.iam.IamRoleApiTest.TRUST;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.RegionState;
import io.localvpc.testing.LocalVpcServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;

/** The helper other services use, fed with roles made through the real IAM API. */
class IamPermissionsTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 600000000;
    private String account;

    private IamClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.iam(account);
    }

    private RegionState accountState() {
        return server.localVpc().cloud().global(account, LocalVpcServer.START).read(LocalVpcServer.START);
    }

    @Test
    void the_ssm_core_policy_allows_what_the_agent_needs() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("ec2").assumeRolePolicyDocument(TRUST));
        assertThat(IamPermissions.roleAllows(accountState(), "ec2", "ssm:UpdateInstanceInformation")).isFalse();
        iam.attachRolePolicy(r -> r.roleName("ec2").policyArn(SSM_CORE));
        RegionState state = accountState();
        assertThat(IamPermissions.roleAllows(state, "ec2", "ssm:UpdateInstanceInformation")).isTrue();
        assertThat(IamPermissions.roleAllows(state, "ec2", "ssmmessages:OpenDataChannel")).isTrue();
        assertThat(IamPermissions.roleAllows(state, "ec2", "ec2messages:GetMessages")).isTrue();
        assertThat(IamPermissions.roleAllows(state, "ec2", "ssm:DeleteParameter")).isFalse();
        assertThat(IamPermissions.roleAllows(state, "ghost", "ssm:GetParameter")).isFalse();
    }

    @Test
    void wildcards_not_action_and_deny_wins() {
        IamClient iam = freshAccount();
        iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("r").policyName("all-but-iam").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":[\"ec2:Terminate?nstances\"],\"Resource\":\"*\"}]}"));
        RegionState state = accountState();
        assertThat(IamPermissions.roleAllows(state, "r", "s3:GetObject")).isTrue();
        assertThat(IamPermissions.roleAllows(state, "r", "SSM:getparameter")).isTrue();
        assertThat(IamPermissions.roleAllows(state, "r", "iam:CreateRole")).isFalse();
        assertThat(IamPermissions.roleAllows(state, "r", "ec2:TerminateInstances")).isFalse();
        assertThat(IamPermissions.roleAllows(state, "r", "ec2:RunInstances")).isTrue();

        iam.attachRolePolicy(r -> r.roleName("r").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        // An explicit Deny still wins over AdministratorAccess.
        assertThat(IamPermissions.roleAllows(accountState(), "r", "ec2:TerminateInstances")).isFalse();
        assertThat(IamPermissions.roleAllows(accountState(), "r", "iam:CreateRole")).isTrue();
    }

    @Test
    void a_permissions_boundary_caps_what_the_policies_grant() {
        IamClient iam = freshAccount();
        String onlySsm = iam.createPolicy(r -> r.policyName("only-ssm").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ssm:*\",\"Resource\":\"*\"}]}"))
                .policy().arn();
        iam.createRole(r -> r.roleName("capped").assumeRolePolicyDocument(TRUST).permissionsBoundary(onlySsm));
        iam.attachRolePolicy(r -> r.roleName("capped").policyArn(SSM_CORE));
        RegionState state = accountState();
        // Granted by the policy and inside the boundary.
        assertThat(IamPermissions.roleAllows(state, "capped", "ssm:UpdateInstanceInformation")).isTrue();
        // Granted by the policy, outside the boundary.
        assertThat(IamPermissions.roleAllows(state, "capped", "ssmmessages:OpenDataChannel")).isFalse();
        // Inside the boundary, granted by no policy.
        assertThat(IamPermissions.roleAllows(state, "capped", "ssm:DeleteParameter")).isFalse();

        iam.deleteRolePermissionsBoundary(r -> r.roleName("capped"));
        assertThat(IamPermissions.roleAllows(accountState(), "capped", "ssmmessages:OpenDataChannel")).isTrue();
        iam.putRolePermissionsBoundary(r -> r.roleName("capped").permissionsBoundary(onlySsm));
        assertThat(IamPermissions.roleAllows(accountState(), "capped", "ssmmessages:OpenDataChannel")).isFalse();
    }
}
