package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.AvailabilityZones;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

/** The instance type catalogue: DescribeInstanceTypes and where each type is offered. */
public final class InstanceTypeService {
    private static final Filters<InstanceTypes.Spec> FILTERS = Filters.forResource(InstanceTypes.Spec::name)
            .on("instance-type", InstanceTypes.Spec::name)
            .on("current-generation", t -> true)
            .on("burstable-performance-supported", InstanceTypes.Spec::burstable)
            .on("free-tier-eligible", InstanceTypes.Spec::freeTierEligible)
            .on("hypervisor", InstanceTypes.Spec::hypervisor)
            .on("bare-metal", t -> false)
            .on("hibernation-supported", t -> true)
            .on("instance-storage-supported", t -> false)
            .on("vcpu-info.default-vcpus", InstanceTypes.Spec::vcpus)
            .on("vcpu-info.default-cores", InstanceTypes.Spec::cores)
            .on("vcpu-info.default-threads-per-core", InstanceTypes.Spec::threadsPerCore)
            .on("memory-info.size-in-mib", InstanceTypes.Spec::memoryMiB)
            .on("processor-info.supported-architecture", InstanceTypes.Spec::supportedArchitectures)
            .on("network-info.network-performance", InstanceTypes.Spec::networkPerformance)
            .on("network-info.maximum-network-interfaces", InstanceTypes.Spec::maxNetworkInterfaces)
            .on("network-info.ipv4-addresses-per-interface", InstanceTypes.Spec::ipv4PerInterface)
            .on("network-info.ena-support", t -> t.nitro() ? "required" : "unsupported")
            .on("ebs-info.ebs-optimized-support", InstanceTypes.Spec::ebsOptimizedSupport)
            .on("supported-usage-class", t -> List.of("on-demand", "spot"))
            .on("supported-root-device-type", t -> "ebs")
            .on("supported-virtualization-type", t -> "hvm")
            .on("supported-boot-mode", InstanceTypes.Spec::supportedBootModes);

    private static final Filters<InstanceTypeOffering> OFFERING_FILTERS =
            Filters.<InstanceTypeOffering>forResource(InstanceTypeOffering::instanceTypeAsString)
                    .on("instance-type", InstanceTypeOffering::instanceTypeAsString)
                    .on("location", InstanceTypeOffering::location);

    private final CloudAccess cloud;

    public InstanceTypeService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(DescribeInstanceTypesRequest.class, this::describeInstanceTypes)
                .on(DescribeInstanceTypeOfferingsRequest.class, this::describeInstanceTypeOfferings);
    }

    DescribeInstanceTypesResponse describeInstanceTypes(RequestContext ctx, DescribeInstanceTypesRequest request) {
        List<String> names = request.instanceTypesAsStrings();
        List<String> unknown = names.stream().filter(n -> InstanceTypes.find(n).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw AwsException.badRequest("InvalidInstanceType",
                    "The following supplied instance types do not exist: [" + String.join(", ", unknown) + "]");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<InstanceTypes.Spec> selected = InstanceTypes.all().stream()
                .filter(t -> names.isEmpty() || names.contains(t.name()))
                .toList();
        Pages<InstanceTypes.Spec> page = Pages.of(
                FILTERS.apply(selected, request.filters(), state), request.maxResults(), request.nextToken(), 5, 100);
        return DescribeInstanceTypesResponse.builder()
                .instanceTypes(page.items().stream().map(InstanceTypes.Spec::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Every type is offered in the region and in each of its zones. */
    DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(
            RequestContext ctx, DescribeInstanceTypeOfferingsRequest request) {
        String locationType = request.locationTypeAsString() == null ? "region" : request.locationTypeAsString();
        List<String> locations = switch (locationType) {
            case "region" -> List.of(ctx.region());
            case "availability-zone" -> AvailabilityZones.of(ctx.region()).stream().map(AvailabilityZones.Zone::name).toList();
            case "availability-zone-id" ->
                    AvailabilityZones.of(ctx.region()).stream().map(AvailabilityZones.Zone::zoneId).toList();
            default -> throw Ec2Errors.invalidValue(
                    "Value (" + locationType + ") for parameter locationType is invalid. Unknown location type.");
        };
        Ec2Requests.checkDryRun(request.dryRun());
        List<InstanceTypeOffering> offerings = new ArrayList<>();
        for (String location : locations) {
            for (InstanceTypes.Spec type : InstanceTypes.all()) {
                offerings.add(InstanceTypeOffering.builder()
                        .instanceType(type.name())
                        .locationType(LocationType.fromValue(locationType))
                        .location(location)
                        .build());
            }
        }
        Pages<InstanceTypeOffering> page = Pages.of(OFFERING_FILTERS.apply(offerings, request.filters(), cloud.read(ctx)),
                request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeInstanceTypeOfferingsResponse.builder()
                .instanceTypeOfferings(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
