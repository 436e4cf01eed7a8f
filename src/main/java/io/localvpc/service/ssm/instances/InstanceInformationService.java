package io.localvpc.service.ssm.instances;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.instances.Images;
import io.localvpc.service.ssm.SsmErrors;
import io.localvpc.service.ssm.SsmPages;
import io.localvpc.service.ssm.agent.SsmAgents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationFilter;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;

/** {@code DescribeInstanceInformation}: the managed instances of a region, as the SSM console's fleet shows them. */
public final class InstanceInformationService {
    private static final List<String> LIST_KEYS = List.of("InstanceIds", "AgentVersion", "PingStatus", "PlatformTypes",
            "ActivationIds", "IamRole", "ResourceType", "AssociationStatus");

    private final CloudAccess cloud;
    private final ManagedInstances fleet;

    public InstanceInformationService(CloudAccess cloud, ManagedInstances fleet) {
        this.cloud = cloud;
        this.fleet = fleet;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes().on(DescribeInstanceInformationRequest.class, this::describeInstanceInformation);
    }

    DescribeInstanceInformationResponse describeInstanceInformation(RequestContext ctx, DescribeInstanceInformationRequest request) {
        List<Predicate<InstanceInformation>> tests = new ArrayList<>();
        RegionState state = cloud.read(ctx);
        int position = 1;
        for (InstanceInformationFilter filter : request.instanceInformationFilterList()) {
            String key = filter.keyAsString();
            if (key == null || !LIST_KEYS.contains(key)) {
                throw SsmErrors.constraint(key, "instanceInformationFilterList." + position + ".member.key",
                        "Member must satisfy enum value set: " + LIST_KEYS);
            }
            tests.add(test(key, filter.valueSet(), state));
            position++;
        }
        for (InstanceInformationStringFilter filter : request.filters()) {
            String key = filter.key();
            if (key == null || !(LIST_KEYS.contains(key) || TagSelectors.of(key, List.of(), state).isPresent())) {
                throw SsmErrors.of("InvalidInstanceInformationFilterValue", "The filter key " + key + " is not valid."
                        + " Valid filter keys include: " + String.join(", ", LIST_KEYS) + ", tag-key, tag:{keyname}.");
            }
            tests.add(test(key, filter.values(), state));
        }
        List<InstanceInformation> matching = fleet.all(ctx).stream()
                .map(m -> toSdk(ctx, m))
                .filter(info -> tests.stream().allMatch(t -> t.test(info)))
                .toList();
        var page = SsmPages.of(matching, request.maxResults(), 5, 50, 50, request.nextToken());
        return DescribeInstanceInformationResponse.builder()
                .instanceInformationList(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    private static Predicate<InstanceInformation> test(String key, List<String> values, RegionState state) {
        if (values == null || values.isEmpty()) {
            throw SsmErrors.of("InvalidInstanceInformationFilterValue", "The filter " + key + " needs at least one value.");
        }
        Optional<Predicate<String>> byTag = TagSelectors.of(key, values, state);
        if (byTag.isPresent()) {
            return info -> byTag.get().test(info.instanceId());
        }
        Set<String> wanted = new java.util.HashSet<>(values); // some fields may be null (a profile without a role)
        return switch (key) {
            case "InstanceIds" -> info -> wanted.contains(info.instanceId());
            case "AgentVersion" -> info -> wanted.contains(info.agentVersion());
            case "PingStatus" -> info -> wanted.contains(info.pingStatusAsString());
            case "PlatformTypes" -> info -> wanted.contains(info.platformTypeAsString());
            case "IamRole" -> info -> wanted.contains(info.iamRole());
            case "ResourceType" -> info -> wanted.contains(info.resourceTypeAsString());
            case "ActivationIds" -> info -> info.activationId() != null && wanted.contains(info.activationId());
            case "AssociationStatus" -> info -> info.associationStatus() != null && wanted.contains(info.associationStatus());
            default -> throw new IllegalStateException(key);
        };
    }

    private InstanceInformation toSdk(RequestContext ctx, ManagedInstances.Managed managed) {
        Instance instance = managed.instance();
        return InstanceInformation.builder()
                .instanceId(instance.id())
                .pingStatus(managed.pingStatus())
                .lastPingDateTime(managed.lastPing(ctx.now()))
                .agentVersion(SsmAgents.AGENT_VERSION)
                .isLatestVersion(false)
                .platformType("Linux")
                .platformName("Amazon Linux")
                .platformVersion(Images.find(ctx.region(), instance.imageId()).map(Images.CatalogueImage::osVersion)
                        .orElse("2"))
                .iamRole(managed.presence().roleName())
                .registrationDate(managed.registration().registeredAt())
                .resourceType("EC2Instance")
                .ipAddress(instance.privateIp() == null ? null : instance.privateIp().toString())
                .computerName(managed.registration().computerName())
                .sourceId(instance.id())
                .sourceType("AWS::EC2::Instance")
                .build();
    }
}
