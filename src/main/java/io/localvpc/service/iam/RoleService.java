package io.localvpc.service.iam;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.iam.Role;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleDescriptionResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;

/** Roles: their trust policy, settings, tags and inline policies. Managed attachments are in {@link PolicyService}. */
public final class RoleService {
    static final int ROLES_PER_ACCOUNT = 1000;
    /** AWS's default quota on a trust policy, counted without white space. */
    static final int TRUST_POLICY_SIZE = 2048;
    /** AWS's quota on all of a role's inline policies together, counted without white space. */
    static final int INLINE_POLICIES_SIZE = 10240;
    private static final int DEFAULT_SESSION = 3600;

    private final CloudAccess cloud;

    public RoleService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateRoleRequest.class, this::createRole)
                .on(GetRoleRequest.class, this::getRole)
                .on(ListRolesRequest.class, this::listRoles)
                .on(UpdateRoleRequest.class, this::updateRole)
                .on(UpdateRoleDescriptionRequest.class, this::updateRoleDescription)
                .on(UpdateAssumeRolePolicyRequest.class, this::updateAssumeRolePolicy)
                .on(DeleteRoleRequest.class, this::deleteRole)
                .on(TagRoleRequest.class, this::tagRole)
                .on(UntagRoleRequest.class, this::untagRole)
                .on(ListRoleTagsRequest.class, this::listRoleTags)
                .on(PutRolePolicyRequest.class, this::putRolePolicy)
                .on(GetRolePolicyRequest.class, this::getRolePolicy)
                .on(DeleteRolePolicyRequest.class, this::deleteRolePolicy)
                .on(ListRolePoliciesRequest.class, this::listRolePolicies)
                .on(PutRolePermissionsBoundaryRequest.class, this::putRolePermissionsBoundary)
                .on(DeleteRolePermissionsBoundaryRequest.class, this::deleteRolePermissionsBoundary);
    }

    /** The role or AWS's NoSuchEntity. */
    static Role require(StateView account, String roleName) {
        return account.find(Role.class, IamInput.required(roleName, "roleName")).orElseThrow(() -> IamErrors.noSuchRole(roleName));
    }

    CreateRoleResponse createRole(RequestContext ctx, CreateRoleRequest request) {
        IamInput.name(request.roleName(), "roleName", 64);
        String path = IamInput.path(request.path());
        checkTrustPolicy(request.assumeRolePolicyDocument(), "assumeRolePolicyDocument");
        if (request.description() != null) {
            IamInput.length(request.description(), "description", 0, 1000);
        }
        int maxSession = request.maxSessionDuration() == null ? DEFAULT_SESSION : request.maxSessionDuration();
        checkMaxSession(maxSession);
        var tags = IamTags.fromSdk(request.tags());
        return cloud.writeGlobal(ctx, tx -> {
            // Role names are unique regardless of case.
            if (tx.all(Role.class).stream().anyMatch(r -> r.name().equalsIgnoreCase(request.roleName()))) {
                throw IamErrors.alreadyExists("Role with name " + request.roleName() + " already exists.");
            }
            if (tx.all(Role.class).size() >= ROLES_PER_ACCOUNT) {
                throw IamErrors.limitExceeded("Cannot exceed quota for RolesPerAccount: " + ROLES_PER_ACCOUNT);
            }
            String boundary = request.permissionsBoundary();
            if (boundary != null) {
                requireBoundaryPolicy(tx, boundary);
            }
            Role role = new Role(request.roleName(), Ids.iam("AROA"), path, request.assumeRolePolicyDocument(),
                    request.description(), maxSession, boundary, ctx.now(), List.of(), Map.of(), tags);
            tx.put(role);
            return CreateRoleResponse.builder().role(detail(ctx, role)).build();
        });
    }

    GetRoleResponse getRole(RequestContext ctx, GetRoleRequest request) {
        Role role = require(cloud.readGlobal(ctx), request.roleName());
        return GetRoleResponse.builder().role(detail(ctx, role)).build();
    }

    ListRolesResponse listRoles(RequestContext ctx, ListRolesRequest request) {
        String prefix = IamInput.pathPrefix(request.pathPrefix());
        List<Role> matching = cloud.readGlobal(ctx).all(Role.class).stream()
                .filter(r -> r.path().startsWith(prefix))
                .toList();
        IamPages<Role> page = IamPages.of(matching, request.maxItems(), request.marker());
        return ListRolesResponse.builder()
                .roles(page.items().stream().map(r -> summary(ctx, r)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    UpdateRoleResponse updateRole(RequestContext ctx, UpdateRoleRequest request) {
        if (request.description() != null) {
            IamInput.length(request.description(), "description", 0, 1000);
        }
        if (request.maxSessionDuration() != null) {
            checkMaxSession(request.maxSessionDuration());
        }
        return change(ctx, request.roleName(), role -> {
            Role changed = request.description() == null ? role : role.withDescription(request.description());
            return request.maxSessionDuration() == null ? changed
                    : changed.withMaxSessionDuration(request.maxSessionDuration());
        }, role -> UpdateRoleResponse.builder().build());
    }

    UpdateRoleDescriptionResponse updateRoleDescription(RequestContext ctx, UpdateRoleDescriptionRequest request) {
        IamInput.length(IamInput.required(request.description(), "description"), "description", 0, 1000);
        return change(ctx, request.roleName(), role -> role.withDescription(request.description()),
                role -> UpdateRoleDescriptionResponse.builder().role(detail(ctx, role)).build());
    }

    UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(RequestContext ctx, UpdateAssumeRolePolicyRequest request) {
        checkTrustPolicy(request.policyDocument(), "policyDocument");
        return change(ctx, request.roleName(), role -> role.withAssumeRolePolicyDocument(request.policyDocument()),
                role -> UpdateAssumeRolePolicyResponse.builder().build());
    }

    DeleteRoleResponse deleteRole(RequestContext ctx, DeleteRoleRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            Role role = require(tx, request.roleName());
            if (!role.attachedPolicyArns().isEmpty() || !role.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!InstanceProfileService.profilesOf(tx, role.name()).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            tx.remove(role);
            return DeleteRoleResponse.builder().build();
        });
    }

    TagRoleResponse tagRole(RequestContext ctx, TagRoleRequest request) {
        var added = IamTags.fromSdk(request.tags());
        return change(ctx, request.roleName(), role -> role.withTags(IamTags.merge(role.tags(), added)),
                role -> TagRoleResponse.builder().build());
    }

    UntagRoleResponse untagRole(RequestContext ctx, UntagRoleRequest request) {
        return change(ctx, request.roleName(), role -> role.withTags(IamTags.remove(role.tags(), request.tagKeys())),
                role -> UntagRoleResponse.builder().build());
    }

    ListRoleTagsResponse listRoleTags(RequestContext ctx, ListRoleTagsRequest request) {
        Role role = require(cloud.readGlobal(ctx), request.roleName());
        var page = IamPages.of(role.tags(), request.maxItems(), request.marker());
        return ListRoleTagsResponse.builder()
                .tags(IamTags.toSdk(page.items()))
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    PutRolePolicyResponse putRolePolicy(RequestContext ctx, PutRolePolicyRequest request) {
        IamInput.name(request.policyName(), "policyName", 128);
        IamInput.policyDocument(request.policyDocument(), "policyDocument");
        return change(ctx, request.roleName(), role -> {
            Role changed = role.withInlinePolicy(request.policyName(), request.policyDocument());
            int size = changed.inlinePolicies().values().stream().mapToInt(RoleService::sizeWithoutWhitespace).sum();
            if (size > INLINE_POLICIES_SIZE) {
                throw IamErrors.limitExceeded(
                        "Maximum policy size of " + INLINE_POLICIES_SIZE + " bytes exceeded for role " + role.name());
            }
            return changed;
        }, role -> PutRolePolicyResponse.builder().build());
    }

    GetRolePolicyResponse getRolePolicy(RequestContext ctx, GetRolePolicyRequest request) {
        Role role = require(cloud.readGlobal(ctx), request.roleName());
        String document = role.inlinePolicies().get(request.policyName());
        if (document == null) {
            throw noSuchInlinePolicy(request.policyName());
        }
        return GetRolePolicyResponse.builder()
                .roleName(role.name())
                .policyName(request.policyName())
                .policyDocument(document)
                .build();
    }

    DeleteRolePolicyResponse deleteRolePolicy(RequestContext ctx, DeleteRolePolicyRequest request) {
        return change(ctx, request.roleName(), role -> {
            if (!role.inlinePolicies().containsKey(request.policyName())) {
                throw noSuchInlinePolicy(request.policyName());
            }
            return role.withoutInlinePolicy(request.policyName());
        }, role -> DeleteRolePolicyResponse.builder().build());
    }

    ListRolePoliciesResponse listRolePolicies(RequestContext ctx, ListRolePoliciesRequest request) {
        Role role = require(cloud.readGlobal(ctx), request.roleName());
        var page = IamPages.of(List.copyOf(role.inlinePolicies().keySet()), request.maxItems(), request.marker());
        return ListRolePoliciesResponse.builder()
                .policyNames(page.items())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    PutRolePermissionsBoundaryResponse putRolePermissionsBoundary(
            RequestContext ctx, PutRolePermissionsBoundaryRequest request) {
        String boundary = IamInput.required(request.permissionsBoundary(), "permissionsBoundary");
        IamInput.length(boundary, "permissionsBoundary", 20, 2048);
        return cloud.writeGlobal(ctx, tx -> {
            Role role = require(tx, request.roleName());
            requireBoundaryPolicy(tx, boundary);
            tx.put(role.withPermissionsBoundaryArn(boundary));
            return PutRolePermissionsBoundaryResponse.builder().build();
        });
    }

    /** Removing a boundary the role does not have succeeds and changes nothing. */
    DeleteRolePermissionsBoundaryResponse deleteRolePermissionsBoundary(
            RequestContext ctx, DeleteRolePermissionsBoundaryRequest request) {
        return change(ctx, request.roleName(), role -> role.withPermissionsBoundaryArn(null),
                role -> DeleteRolePermissionsBoundaryResponse.builder().build());
    }

    /** A boundary must be an existing managed policy, the account's own or AWS's. */
    private static void requireBoundaryPolicy(StateView account, String arn) {
        if (AwsManagedPolicies.findAny(account, arn).isEmpty()) {
            throw IamErrors.notAttachable(arn);
        }
    }

    /** Reads, changes and stores one role atomically, then builds the response from the stored role. */
    private <R> R change(RequestContext ctx, String roleName,
            UnaryOperator<Role> edit, Function<Role, R> response) {
        return cloud.writeGlobal(ctx, (Tx tx) -> {
            Role changed = edit.apply(require(tx, roleName));
            tx.put(changed);
            return response.apply(changed);
        });
    }

    private static void checkTrustPolicy(String document, String member) {
        IamInput.policyDocument(document, member);
        if (sizeWithoutWhitespace(document) > TRUST_POLICY_SIZE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_SIZE);
        }
    }

    private static void checkMaxSession(int seconds) {
        IamInput.range(seconds, "maxSessionDuration", 3600, 43200);
    }

    private static int sizeWithoutWhitespace(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    private static AwsException noSuchInlinePolicy(String policyName) {
        return IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
    }

    /** The role as ListRoles shows it: no tags, boundary or last use. */
    static software.amazon.awssdk.services.iam.model.Role summary(RequestContext ctx, Role role) {
        return software.amazon.awssdk.services.iam.model.Role.builder()
                .path(role.path())
                .roleName(role.name())
                .roleId(role.roleId())
                .arn(role.arn(ctx.accountId()))
                .createDate(role.createDate())
                .assumeRolePolicyDocument(role.assumeRolePolicyDocument())
                .description(role.description())
                .maxSessionDuration(role.maxSessionDuration())
                .build();
    }

    /** The role as GetRole and CreateRole show it. */
    static software.amazon.awssdk.services.iam.model.Role detail(RequestContext ctx, Role role) {
        var builder = summary(ctx, role).toBuilder()
                .roleLastUsed(RoleLastUsed.builder().build());
        if (!role.tags().isEmpty()) {
            builder.tags(IamTags.toSdk(role.tags()));
        }
        if (role.permissionsBoundaryArn() != null) {
            builder.permissionsBoundary(AttachedPermissionsBoundary.builder()
                    .permissionsBoundaryType("PermissionsBoundaryPolicy")
                    .permissionsBoundaryArn(role.permissionsBoundaryArn())
                    .build());
        }
        return builder.build();
    }
}
