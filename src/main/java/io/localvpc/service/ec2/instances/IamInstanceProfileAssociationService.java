package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AssociateIamInstanceProfileRequest;
import software.amazon.awssdk.services.ec2.model.AssociateIamInstanceProfileResponse;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateIamInstanceProfileRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateIamInstanceProfileResponse;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.ReplaceIamInstanceProfileAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceIamInstanceProfileAssociationResponse;

/**
 * Which instance profile an instance has, changed after launch. An instance holds at most one
 * association; the change takes effect at once, so the transitional states ("associating",
 * "disassociating") appear only in the responses of the changing calls, as AWS returns them.
 */
public final class IamInstanceProfileAssociationService {
    private static final Filters<Instance> FILTERS = Filters.forResource(Instance::id)
            .on("instance-id", Instance::id)
            .on("state", i -> "associated");

    private final CloudAccess cloud;

    public IamInstanceProfileAssociationService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(AssociateIamInstanceProfileRequest.class, this::associate)
                .on(DescribeIamInstanceProfileAssociationsRequest.class, this::describe)
                .on(ReplaceIamInstanceProfileAssociationRequest.class, this::replace)
                .on(DisassociateIamInstanceProfileRequest.class, this::disassociate);
    }

    AssociateIamInstanceProfileResponse associate(RequestContext ctx, AssociateIamInstanceProfileRequest request) {
        InstanceProfile profile = profile(ctx, request.iamInstanceProfile());
        return cloud.write(ctx, tx -> {
            Instance instance = InstanceService.select(tx, List.of(request.instanceId())).get(0);
            if (!instance.state().equals("running") && !instance.state().equals("stopped")
                    && !instance.state().equals("pending")) {
                throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + instance.id()
                        + "' is not in a state from which an instance profile can be associated.");
            }
            if (instance.iamInstanceProfile() != null) {
                throw AwsException.badRequest("IncorrectState",
                        "There is an existing association for instance " + instance.id());
            }
            Instance associated = instance.withIamInstanceProfile(InstanceLauncher.iamProfile(ctx, profile));
            tx.put(associated);
            return AssociateIamInstanceProfileResponse.builder()
                    .iamInstanceProfileAssociation(toSdk(associated, "associating"))
                    .build();
        });
    }

    DescribeIamInstanceProfileAssociationsResponse describe(
            RequestContext ctx, DescribeIamInstanceProfileAssociationsRequest request) {
        Pages.refuseIdsWithMaxResults(request.associationIds(), request.maxResults(), "associationIds");
        RegionState state = cloud.read(ctx);
        List<Instance> associated = state.all(Instance.class).stream()
                .filter(i -> i.iamInstanceProfile() != null && !i.state().equals("terminated"))
                .toList();
        for (String id : request.associationIds()) {
            find(state, id);
        }
        List<Instance> selected = associated.stream()
                .filter(i -> request.associationIds().isEmpty()
                        || request.associationIds().contains(i.iamInstanceProfile().associationId()))
                .toList();
        Pages<Instance> page = Pages.of(FILTERS.apply(selected, request.filters(), state), request.maxResults(),
                request.nextToken());
        return DescribeIamInstanceProfileAssociationsResponse.builder()
                .iamInstanceProfileAssociations(page.items().stream().map(i -> toSdk(i, "associated")).toList())
                .nextToken(page.nextToken())
                .build();
    }

    ReplaceIamInstanceProfileAssociationResponse replace(
            RequestContext ctx, ReplaceIamInstanceProfileAssociationRequest request) {
        InstanceProfile profile = profile(ctx, request.iamInstanceProfile());
        return cloud.write(ctx, tx -> {
            Instance instance = find(tx, request.associationId());
            Instance replaced = instance.withIamInstanceProfile(InstanceLauncher.iamProfile(ctx, profile));
            tx.put(replaced);
            return ReplaceIamInstanceProfileAssociationResponse.builder()
                    .iamInstanceProfileAssociation(toSdk(replaced, "associating"))
                    .build();
        });
    }

    DisassociateIamInstanceProfileResponse disassociate(RequestContext ctx, DisassociateIamInstanceProfileRequest request) {
        return cloud.write(ctx, tx -> {
            Instance instance = find(tx, request.associationId());
            tx.put(instance.withIamInstanceProfile(null));
            return DisassociateIamInstanceProfileResponse.builder()
                    .iamInstanceProfileAssociation(toSdk(instance, "disassociating"))
                    .build();
        });
    }

    private InstanceProfile profile(RequestContext ctx, IamInstanceProfileSpecification spec) {
        if (spec == null || (spec.name() == null && spec.arn() == null)) {
            throw Ec2Errors.missing("IamInstanceProfile");
        }
        return InstanceLauncher.resolveProfile(cloud.readGlobal(ctx), ctx.accountId(), spec).orElseThrow();
    }

    /** The live instance holding an association. */
    private static Instance find(StateView state, String associationId) {
        return state.all(Instance.class).stream()
                .filter(i -> i.iamInstanceProfile() != null && !i.state().equals("terminated")
                        && associationId.equals(i.iamInstanceProfile().associationId()))
                .findFirst()
                .orElseThrow(() -> Ec2Errors.associationNotFound(associationId));
    }

    private static IamInstanceProfileAssociation toSdk(Instance instance, String state) {
        Instance.IamProfile profile = instance.iamInstanceProfile();
        return IamInstanceProfileAssociation.builder()
                .associationId(profile.associationId())
                .instanceId(instance.id())
                .iamInstanceProfile(IamInstanceProfile.builder().arn(profile.arn()).id(profile.id()).build())
                .state(state)
                .timestamp(profile.associatedAt())
                .build();
    }
}
