package io.localvpc.service.iam;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.iam.ManagedPolicy;
import io.localvpc.model.iam.Role;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/**
 * Managed policies, AWS's and the account's own, and their attachment to roles. Attachment counts
 * are derived from the roles, so they can never drift from what is really attached.
 */
public final class PolicyService {
    static final int POLICIES_PER_ACCOUNT = 1500;
    static final int POLICIES_PER_ROLE = 10;
    static final int VERSIONS_PER_POLICY = 5;
    /** AWS's quota on a managed policy document, counted without white space. */
    static final int POLICY_SIZE = 6144;

    private final CloudAccess cloud;

    public PolicyService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(AttachRolePolicyRequest.class, this::attachRolePolicy)
                .on(DetachRolePolicyRequest.class, this::detachRolePolicy)
                .on(ListAttachedRolePoliciesRequest.class, this::listAttachedRolePolicies)
                .on(CreatePolicyRequest.class, this::createPolicy)
                .on(GetPolicyRequest.class, this::getPolicy)
                .on(ListPoliciesRequest.class, this::listPolicies)
                .on(DeletePolicyRequest.class, this::deletePolicy)
                .on(CreatePolicyVersionRequest.class, this::createPolicyVersion)
                .on(GetPolicyVersionRequest.class, this::getPolicyVersion)
                .on(ListPolicyVersionsRequest.class, this::listPolicyVersions)
                .on(DeletePolicyVersionRequest.class, this::deletePolicyVersion)
                .on(SetDefaultPolicyVersionRequest.class, this::setDefaultPolicyVersion)
                .on(ListEntitiesForPolicyRequest.class, this::listEntitiesForPolicy)
                .on(TagPolicyRequest.class, this::tagPolicy)
                .on(UntagPolicyRequest.class, this::untagPolicy)
                .on(ListPolicyTagsRequest.class, this::listPolicyTags);
    }

    AttachRolePolicyResponse attachRolePolicy(RequestContext ctx, AttachRolePolicyRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            Role role = RoleService.require(tx, request.roleName());
            ManagedPolicy policy = AwsManagedPolicies.findAny(tx, IamInput.required(request.policyArn(), "policyArn"))
                    .orElseThrow(() -> IamErrors.notAttachable(request.policyArn()));
            if (!role.attachedPolicyArns().contains(policy.arn())) {
                if (role.attachedPolicyArns().size() >= POLICIES_PER_ROLE) {
                    throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: " + POLICIES_PER_ROLE);
                }
                List<String> attached = new ArrayList<>(role.attachedPolicyArns());
                attached.add(policy.arn());
                tx.put(role.withAttachedPolicyArns(attached));
            }
            // Attaching an attached policy again succeeds and changes nothing, as on AWS.
            return AttachRolePolicyResponse.builder().build();
        });
    }

    DetachRolePolicyResponse detachRolePolicy(RequestContext ctx, DetachRolePolicyRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            Role role = RoleService.require(tx, request.roleName());
            if (!role.attachedPolicyArns().contains(IamInput.required(request.policyArn(), "policyArn"))) {
                throw IamErrors.noSuchPolicy(request.policyArn());
            }
            tx.put(role.withAttachedPolicyArns(
                    role.attachedPolicyArns().stream().filter(a -> !a.equals(request.policyArn())).toList()));
            return DetachRolePolicyResponse.builder().build();
        });
    }

    ListAttachedRolePoliciesResponse listAttachedRolePolicies(
            RequestContext ctx, ListAttachedRolePoliciesRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        Role role = RoleService.require(account, request.roleName());
        String prefix = IamInput.pathPrefix(request.pathPrefix());
        List<AttachedPolicy> attached = role.attachedPolicyArns().stream()
                .flatMap(arn -> AwsManagedPolicies.findAny(account, arn).stream())
                .filter(p -> p.path().startsWith(prefix))
                .map(p -> AttachedPolicy.builder().policyArn(p.arn()).policyName(p.policyName()).build())
                .toList();
        var page = IamPages.of(attached, request.maxItems(), request.marker());
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(page.items())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    CreatePolicyResponse createPolicy(RequestContext ctx, CreatePolicyRequest request) {
        IamInput.name(request.policyName(), "policyName", 128);
        String path = IamInput.path(request.path());
        checkDocument(request.policyDocument());
        if (request.description() != null) {
            IamInput.length(request.description(), "description", 0, 1000);
        }
        var tags = IamTags.fromSdk(request.tags());
        String arn = "arn:aws:iam::" + ctx.accountId() + ":policy" + path + request.policyName();
        return cloud.writeGlobal(ctx, tx -> {
            // Policy names are unique in the account whatever their path.
            if (tx.all(ManagedPolicy.class).stream().anyMatch(p -> p.policyName().equalsIgnoreCase(request.policyName()))) {
                throw IamErrors.alreadyExists("A policy called " + request.policyName()
                        + " already exists. Duplicate names are not allowed.");
            }
            if (tx.all(ManagedPolicy.class).size() >= POLICIES_PER_ACCOUNT) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerAccount: " + POLICIES_PER_ACCOUNT);
            }
            var version = new ManagedPolicy.Version("v1", request.policyDocument(), true, ctx.now());
            ManagedPolicy policy = new ManagedPolicy(arn, request.policyName(), Ids.iam("ANPA"), path,
                    request.description(), ctx.now(), ctx.now(), List.of(version), tags);
            tx.put(policy);
            return CreatePolicyResponse.builder().policy(summary(tx, policy, false)).build();
        });
    }

    GetPolicyResponse getPolicy(RequestContext ctx, GetPolicyRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        ManagedPolicy policy = requireAny(account, request.policyArn());
        return GetPolicyResponse.builder().policy(summary(account, policy, true)).build();
    }

    ListPoliciesResponse listPolicies(RequestContext ctx, ListPoliciesRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        String scope = request.scopeAsString() == null ? "All" : request.scopeAsString();
        String prefix = IamInput.pathPrefix(request.pathPrefix());
        Stream<ManagedPolicy> candidates = switch (scope) {
            case "All" -> Stream.concat(AwsManagedPolicies.all().stream(), account.all(ManagedPolicy.class).stream());
            case "AWS" -> AwsManagedPolicies.all().stream();
            case "Local" -> account.all(ManagedPolicy.class).stream();
            default -> throw IamErrors.validation("1 validation error detected: Value '" + scope
                    + "' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
        };
        boolean onlyAttached = Boolean.TRUE.equals(request.onlyAttached());
        List<ManagedPolicy> matching = candidates
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !onlyAttached || attachmentCount(account, p.arn()) > 0)
                .toList();
        var page = IamPages.of(matching, request.maxItems(), request.marker());
        return ListPoliciesResponse.builder()
                .policies(page.items().stream().map(p -> summary(account, p, false)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    DeletePolicyResponse deletePolicy(RequestContext ctx, DeletePolicyRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            if (attachmentCount(tx, policy.arn()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy,"
                        + " you must delete the policy's versions. The default version is deleted with the policy.");
            }
            tx.remove(policy);
            return DeletePolicyResponse.builder().build();
        });
    }

    CreatePolicyVersionResponse createPolicyVersion(RequestContext ctx, CreatePolicyVersionRequest request) {
        checkDocument(request.policyDocument());
        boolean makeDefault = Boolean.TRUE.equals(request.setAsDefault());
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            if (policy.versions().size() >= VERSIONS_PER_POLICY) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + VERSIONS_PER_POLICY
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            int next = policy.versions().stream().mapToInt(PolicyService::versionNumber).max().orElse(0) + 1;
            var created = new ManagedPolicy.Version("v" + next, request.policyDocument(), makeDefault, ctx.now());
            List<ManagedPolicy.Version> versions = new ArrayList<>(makeDefault
                    ? policy.versions().stream().map(v -> withDefault(v, false)).toList()
                    : policy.versions());
            versions.add(created);
            tx.put(policy.withVersions(versions, ctx.now()));
            return CreatePolicyVersionResponse.builder().policyVersion(toSdk(created, false)).build();
        });
    }

    GetPolicyVersionResponse getPolicyVersion(RequestContext ctx, GetPolicyVersionRequest request) {
        ManagedPolicy policy = requireAny(cloud.readGlobal(ctx), request.policyArn());
        ManagedPolicy.Version version = requireVersion(policy, request.versionId());
        return GetPolicyVersionResponse.builder().policyVersion(toSdk(version, true)).build();
    }

    ListPolicyVersionsResponse listPolicyVersions(RequestContext ctx, ListPolicyVersionsRequest request) {
        ManagedPolicy policy = requireAny(cloud.readGlobal(ctx), request.policyArn());
        // Newest first, as AWS lists them.
        List<ManagedPolicy.Version> newestFirst = new ArrayList<>(policy.versions());
        java.util.Collections.reverse(newestFirst);
        var page = IamPages.of(newestFirst, request.maxItems(), request.marker());
        return ListPolicyVersionsResponse.builder()
                .versions(page.items().stream().map(v -> toSdk(v, false)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    DeletePolicyVersionResponse deletePolicyVersion(RequestContext ctx, DeletePolicyVersionRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            ManagedPolicy.Version version = requireVersion(policy, request.versionId());
            if (version.isDefault()) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            tx.put(policy.withVersions(
                    policy.versions().stream().filter(v -> v != version).toList(), policy.updateDate()));
            return DeletePolicyVersionResponse.builder().build();
        });
    }

    SetDefaultPolicyVersionResponse setDefaultPolicyVersion(RequestContext ctx, SetDefaultPolicyVersionRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            ManagedPolicy.Version chosen = requireVersion(policy, request.versionId());
            tx.put(policy.withVersions(
                    policy.versions().stream().map(v -> withDefault(v, v == chosen)).toList(), ctx.now()));
            return SetDefaultPolicyVersionResponse.builder().build();
        });
    }

    ListEntitiesForPolicyResponse listEntitiesForPolicy(RequestContext ctx, ListEntitiesForPolicyRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        ManagedPolicy policy = requireAny(account, request.policyArn());
        String filter = request.entityFilterAsString();
        // LocalVPC has roles only; users and groups are always none.
        boolean rolesWanted = filter == null || filter.equals("Role");
        String prefix = IamInput.pathPrefix(request.pathPrefix());
        List<PolicyRole> roles = !rolesWanted ? List.of() : attachedRoles(account, policy.arn())
                .filter(r -> r.path().startsWith(prefix))
                .map(r -> PolicyRole.builder().roleName(r.name()).roleId(r.roleId()).build())
                .toList();
        var page = IamPages.of(roles, request.maxItems(), request.marker());
        return ListEntitiesForPolicyResponse.builder()
                .policyRoles(page.items())
                .policyUsers(List.of())
                .policyGroups(List.of())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    TagPolicyResponse tagPolicy(RequestContext ctx, TagPolicyRequest request) {
        var added = IamTags.fromSdk(request.tags());
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            tx.put(policy.withTags(IamTags.merge(policy.tags(), added)));
            return TagPolicyResponse.builder().build();
        });
    }

    UntagPolicyResponse untagPolicy(RequestContext ctx, UntagPolicyRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            ManagedPolicy policy = requireCustomer(tx, request.policyArn());
            tx.put(policy.withTags(IamTags.remove(policy.tags(), request.tagKeys())));
            return UntagPolicyResponse.builder().build();
        });
    }

    ListPolicyTagsResponse listPolicyTags(RequestContext ctx, ListPolicyTagsRequest request) {
        ManagedPolicy policy = requireAny(cloud.readGlobal(ctx), request.policyArn());
        var page = IamPages.of(policy.tags(), request.maxItems(), request.marker());
        return ListPolicyTagsResponse.builder()
                .tags(IamTags.toSdk(page.items()))
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    private static Stream<Role> attachedRoles(StateView account, String arn) {
        return account.all(Role.class).stream().filter(r -> r.attachedPolicyArns().contains(arn));
    }

    private static int attachmentCount(StateView account, String arn) {
        return (int) attachedRoles(account, arn).count();
    }

    private static ManagedPolicy requireAny(StateView account, String arn) {
        return AwsManagedPolicies.findAny(account, IamInput.required(arn, "policyArn")).orElseThrow(() -> IamErrors.noSuchPolicy(arn));
    }

    /** A policy the account may change: its own. AWS managed policies are read-only to everyone. */
    private static ManagedPolicy requireCustomer(Tx tx, String arn) {
        if (AwsManagedPolicies.isAwsManaged(IamInput.required(arn, "policyArn"))) {
            throw new AwsException("AccessDenied",
                    "The caller is not authorized to change the AWS managed policy " + arn + ".", 403);
        }
        return tx.find(ManagedPolicy.class, arn).orElseThrow(() -> IamErrors.noSuchPolicy(arn));
    }

    private static ManagedPolicy.Version requireVersion(ManagedPolicy policy, String versionId) {
        IamInput.required(versionId, "versionId");
        return policy.versions().stream().filter(v -> v.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> IamErrors.noSuchEntity("Policy " + policy.arn() + " version " + versionId
                        + " does not exist or is not attachable."));
    }

    private static void checkDocument(String document) {
        IamInput.policyDocument(document, "policyDocument");
        if (document.chars().filter(c -> !Character.isWhitespace(c)).count() > POLICY_SIZE) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + POLICY_SIZE);
        }
    }

    private static int versionNumber(ManagedPolicy.Version version) {
        return Integer.parseInt(version.versionId().substring(1));
    }

    private static ManagedPolicy.Version withDefault(ManagedPolicy.Version v, boolean isDefault) {
        return new ManagedPolicy.Version(v.versionId(), v.document(), isDefault, v.createDate());
    }

    private static Policy summary(StateView account, ManagedPolicy policy, boolean withDescription) {
        var builder = Policy.builder()
                .policyName(policy.policyName())
                .policyId(policy.policyId())
                .arn(policy.arn())
                .path(policy.path())
                .defaultVersionId(policy.defaultVersion().versionId())
                .attachmentCount(attachmentCount(account, policy.arn()))
                .permissionsBoundaryUsageCount((int) account.all(Role.class).stream()
                        .filter(r -> policy.arn().equals(r.permissionsBoundaryArn())).count())
                .isAttachable(true)
                .createDate(policy.createDate())
                .updateDate(policy.updateDate());
        if (withDescription) {
            builder.description(policy.description());
        }
        if (!policy.tags().isEmpty()) {
            builder.tags(IamTags.toSdk(policy.tags()));
        }
        return builder.build();
    }

    private static PolicyVersion toSdk(ManagedPolicy.Version version, boolean withDocument) {
        return PolicyVersion.builder()
                .versionId(version.versionId())
                .isDefaultVersion(version.isDefault())
                .createDate(version.createDate())
                .document(withDocument ? version.document() : null)
                .build();
    }
}
