package io.localvpc.service.iam;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.model.iam.Role;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;

/** Instance profiles: the one-role containers EC2 instances are launched with. */
public final class InstanceProfileService {
    static final int PROFILES_PER_ACCOUNT = 1000;
    /** AWS's fixed quota: an instance profile holds one role. */
    static final int ROLES_PER_PROFILE = 1;

    private final CloudAccess cloud;

    public InstanceProfileService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateInstanceProfileRequest.class, this::createInstanceProfile)
                .on(GetInstanceProfileRequest.class, this::getInstanceProfile)
                .on(ListInstanceProfilesRequest.class, this::listInstanceProfiles)
                .on(ListInstanceProfilesForRoleRequest.class, this::listInstanceProfilesForRole)
                .on(AddRoleToInstanceProfileRequest.class, this::addRoleToInstanceProfile)
                .on(RemoveRoleFromInstanceProfileRequest.class, this::removeRoleFromInstanceProfile)
                .on(DeleteInstanceProfileRequest.class, this::deleteInstanceProfile)
                .on(TagInstanceProfileRequest.class, this::tagInstanceProfile)
                .on(UntagInstanceProfileRequest.class, this::untagInstanceProfile)
                .on(ListInstanceProfileTagsRequest.class, this::listInstanceProfileTags);
    }

    /** The profiles that hold the role, in creation order. */
    static List<InstanceProfile> profilesOf(StateView account, String roleName) {
        return account.all(InstanceProfile.class).stream().filter(p -> p.roleNames().contains(roleName)).toList();
    }

    static InstanceProfile require(StateView account, String name) {
        return account.find(InstanceProfile.class, IamInput.required(name, "instanceProfileName")).orElseThrow(() -> IamErrors.noSuchInstanceProfile(name));
    }

    CreateInstanceProfileResponse createInstanceProfile(RequestContext ctx, CreateInstanceProfileRequest request) {
        IamInput.name(request.instanceProfileName(), "instanceProfileName", 128);
        String path = IamInput.path(request.path());
        var tags = IamTags.fromSdk(request.tags());
        return cloud.writeGlobal(ctx, tx -> {
            String name = request.instanceProfileName();
            if (tx.all(InstanceProfile.class).stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
                throw IamErrors.alreadyExists("Instance Profile " + name + " already exists.");
            }
            if (tx.all(InstanceProfile.class).size() >= PROFILES_PER_ACCOUNT) {
                throw IamErrors.limitExceeded(
                        "Cannot exceed quota for InstanceProfilesPerAccount: " + PROFILES_PER_ACCOUNT);
            }
            InstanceProfile profile = new InstanceProfile(name, Ids.iam("AIPA"), path, ctx.now(), List.of(), tags);
            tx.put(profile);
            return CreateInstanceProfileResponse.builder().instanceProfile(toSdk(ctx, tx, profile)).build();
        });
    }

    GetInstanceProfileResponse getInstanceProfile(RequestContext ctx, GetInstanceProfileRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        InstanceProfile profile = require(account, request.instanceProfileName());
        return GetInstanceProfileResponse.builder().instanceProfile(toSdk(ctx, account, profile)).build();
    }

    ListInstanceProfilesResponse listInstanceProfiles(RequestContext ctx, ListInstanceProfilesRequest request) {
        String prefix = IamInput.pathPrefix(request.pathPrefix());
        RegionState account = cloud.readGlobal(ctx);
        var matching = account.all(InstanceProfile.class).stream().filter(p -> p.path().startsWith(prefix)).toList();
        var page = IamPages.of(matching, request.maxItems(), request.marker());
        return ListInstanceProfilesResponse.builder()
                .instanceProfiles(page.items().stream().map(p -> toSdk(ctx, account, p)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    ListInstanceProfilesForRoleResponse listInstanceProfilesForRole(
            RequestContext ctx, ListInstanceProfilesForRoleRequest request) {
        RegionState account = cloud.readGlobal(ctx);
        RoleService.require(account, request.roleName());
        var page = IamPages.of(profilesOf(account, request.roleName()), request.maxItems(), request.marker());
        return ListInstanceProfilesForRoleResponse.builder()
                .instanceProfiles(page.items().stream().map(p -> toSdk(ctx, account, p)).toList())
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    AddRoleToInstanceProfileResponse addRoleToInstanceProfile(
            RequestContext ctx, AddRoleToInstanceProfileRequest request) {
        return change(ctx, request.instanceProfileName(), (tx, profile) -> {
            RoleService.require(tx, request.roleName());
            if (profile.roleNames().size() >= ROLES_PER_PROFILE) {
                throw IamErrors.limitExceeded(
                        "Cannot exceed quota for InstanceSessionsPerInstanceProfile: " + ROLES_PER_PROFILE);
            }
            return profile.withRoleNames(List.of(request.roleName()));
        }, p -> AddRoleToInstanceProfileResponse.builder().build());
    }

    RemoveRoleFromInstanceProfileResponse removeRoleFromInstanceProfile(
            RequestContext ctx, RemoveRoleFromInstanceProfileRequest request) {
        return change(ctx, request.instanceProfileName(), (tx, profile) -> {
            RoleService.require(tx, request.roleName());
            if (!profile.roleNames().contains(request.roleName())) {
                throw IamErrors.noSuchEntity("The role with name " + request.roleName()
                        + " cannot be found in instance profile " + profile.name() + ".");
            }
            return profile.withRoleNames(
                    profile.roleNames().stream().filter(r -> !r.equals(request.roleName())).toList());
        }, p -> RemoveRoleFromInstanceProfileResponse.builder().build());
    }

    DeleteInstanceProfileResponse deleteInstanceProfile(RequestContext ctx, DeleteInstanceProfileRequest request) {
        return cloud.writeGlobal(ctx, tx -> {
            InstanceProfile profile = require(tx, request.instanceProfileName());
            if (!profile.roleNames().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            tx.remove(profile);
            return DeleteInstanceProfileResponse.builder().build();
        });
    }

    TagInstanceProfileResponse tagInstanceProfile(RequestContext ctx, TagInstanceProfileRequest request) {
        var added = IamTags.fromSdk(request.tags());
        return change(ctx, request.instanceProfileName(),
                (tx, profile) -> profile.withTags(IamTags.merge(profile.tags(), added)),
                p -> TagInstanceProfileResponse.builder().build());
    }

    UntagInstanceProfileResponse untagInstanceProfile(RequestContext ctx, UntagInstanceProfileRequest request) {
        return change(ctx, request.instanceProfileName(),
                (tx, profile) -> profile.withTags(IamTags.remove(profile.tags(), request.tagKeys())),
                p -> UntagInstanceProfileResponse.builder().build());
    }

    ListInstanceProfileTagsResponse listInstanceProfileTags(RequestContext ctx, ListInstanceProfileTagsRequest request) {
        InstanceProfile profile = require(cloud.readGlobal(ctx), request.instanceProfileName());
        var page = IamPages.of(profile.tags(), request.maxItems(), request.marker());
        return ListInstanceProfileTagsResponse.builder()
                .tags(IamTags.toSdk(page.items()))
                .isTruncated(page.isTruncated())
                .marker(page.marker())
                .build();
    }

    /** A change to one profile that may consult the rest of the account (its role). */
    @FunctionalInterface
    private interface ProfileEdit {
        InstanceProfile apply(Tx tx, InstanceProfile profile);
    }

    private <R> R change(RequestContext ctx, String name, ProfileEdit edit, Function<InstanceProfile, R> response) {
        return cloud.writeGlobal(ctx, tx -> {
            InstanceProfile changed = edit.apply(tx, require(tx, name));
            tx.put(changed);
            return response.apply(changed);
        });
    }

    /** The profile with its roles in full, as every IAM call that returns a profile shows it. */
    static software.amazon.awssdk.services.iam.model.InstanceProfile toSdk(
            RequestContext ctx, StateView account, InstanceProfile profile) {
        var builder = software.amazon.awssdk.services.iam.model.InstanceProfile.builder()
                .path(profile.path())
                .instanceProfileName(profile.name())
                .instanceProfileId(profile.instanceProfileId())
                .arn(profile.arn(ctx.accountId()))
                .createDate(profile.createDate())
                .roles(profile.roleNames().stream()
                        .flatMap(name -> account.find(Role.class, name).stream())
                        .map(role -> RoleService.summary(ctx, role))
                        .toList());
        if (!profile.tags().isEmpty()) {
            builder.tags(IamTags.toSdk(profile.tags()));
        }
        return builder.build();
    }
}
