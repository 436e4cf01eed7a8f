package io.localvpc.service.iam;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.model.iam.ManagedPolicy;
import io.localvpc.model.iam.Role;
import io.localvpc.service.CloudAccess;
import io.localvpc.wire.ServiceDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.User;

/**
 * AWS IAM (awsQuery): roles, instance profiles and managed policies, account-wide. Every access key
 * is its account's root user, which is what GetUser answers.
 */
public final class IamApi {
    /** Response members AWS percent-encodes: IAM's policy documents. */
    private static final Set<String> URL_ENCODED = Set.of("AssumeRolePolicyDocument", "PolicyDocument", "Document");
    /** LocalVPC accounts have no sign-up date; a fixed one keeps the root user's CreateDate stable. */
    static final Instant ACCOUNT_CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private final CloudAccess cloud;

    private IamApi(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public static ServiceDescriptor create(CloudAccess cloud) {
        IamApi account = new IamApi(cloud);
        ServiceRoutes routes = new ServiceRoutes()
                .on(GetUserRequest.class, account::getUser)
                .on(GetAccountSummaryRequest.class, account::getAccountSummary)
                .include(new RoleService(cloud).routes())
                .include(new InstanceProfileService(cloud).routes())
                .include(new PolicyService(cloud).routes());
        return ServiceDescriptor.query(
                "iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/", URL_ENCODED, routes);
    }

    GetUserResponse getUser(RequestContext ctx, GetUserRequest request) {
        if (request.userName() != null) {
            // LocalVPC has no IAM users: only the root identity behind each access key.
            throw IamErrors.noSuchEntity("The user with name " + request.userName() + " cannot be found.");
        }
        return GetUserResponse.builder()
                .user(User.builder()
                        .userId(ctx.accountId())
                        .arn("arn:aws:iam::" + ctx.accountId() + ":root")
                        .createDate(ACCOUNT_CREATED)
                        .build())
                .build();
    }

    GetAccountSummaryResponse getAccountSummary(RequestContext ctx, GetAccountSummaryRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Roles", account.all(Role.class).size());
        summary.put("RolesQuota", RoleService.ROLES_PER_ACCOUNT);
        summary.put("InstanceProfiles", account.all(InstanceProfile.class).size());
        summary.put("InstanceProfilesQuota", InstanceProfileService.PROFILES_PER_ACCOUNT);
        summary.put("Policies", account.all(ManagedPolicy.class).size());
        summary.put("PoliciesQuota", PolicyService.POLICIES_PER_ACCOUNT);
        summary.put("AttachedPoliciesPerRoleQuota", PolicyService.POLICIES_PER_ROLE);
        summary.put("PolicyVersionsInUseQuota", 10000);
        summary.put("PolicySizeQuota", PolicyService.POLICY_SIZE);
        summary.put("AssumeRolePolicySizeQuota", RoleService.TRUST_POLICY_SIZE);
        summary.put("Users", 0);
        summary.put("Groups", 0);
        summary.put("AccountMFAEnabled", 0);
        return GetAccountSummaryResponse.builder().summaryMapWithStrings(summary).build();
    }
}
