package io.localvpc.service.ec2.vpc;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.AvailabilityZones;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Where things can be: the regions LocalVPC answers for, the availability zones of the caller's
 * region (from {@link AvailabilityZones}), and the account attributes tools read before they
 * start (default VPC, supported platforms, a few quotas).
 */
public final class ZoneService {

    /** The commercial regions listed by DescribeRegions, with the names the console shows. */
    static final Map<String, String> REGIONS = orderedRegions();

    /** Region names to the descriptions the console (and the Terraform AWS provider's aws_region) shows. */
    public static Map<String, String> regionDescriptions() {
        return Collections.unmodifiableMap(REGIONS);
    }

    /** Regions an account must opt in to; LocalVPC accounts are opted in to all of them. */
    private static final Set<String> OPT_IN_REGIONS =
            Set.of("af-south-1", "ap-east-1", "eu-south-1", "eu-central-2", "me-south-1");

    private static final Filters<AvailabilityZone> ZONE_FILTERS =
            Filters.<AvailabilityZone>forResource(AvailabilityZone::zoneName)
                    .on("zone-name", AvailabilityZone::zoneName)
                    .on("zone-id", AvailabilityZone::zoneId)
                    .on("state", AvailabilityZone::stateAsString)
                    .on("region-name", AvailabilityZone::regionName)
                    .on("zone-type", AvailabilityZone::zoneType)
                    .on("opt-in-status", AvailabilityZone::optInStatusAsString)
                    .on("group-name", AvailabilityZone::groupName)
                    .on("group-long-name", AvailabilityZone::groupLongName)
                    .on("network-border-group", AvailabilityZone::networkBorderGroup)
                    .on("parent-zone-name", AvailabilityZone::parentZoneName)
                    .on("parent-zone-id", AvailabilityZone::parentZoneId)
                    .on("message", z -> z.messages().stream().map(m -> m.message()).toList());

    private static final Filters<Region> REGION_FILTERS = Filters.<Region>forResource(Region::regionName)
            .on("endpoint", Region::endpoint)
            .on("region-name", Region::regionName)
            .on("opt-in-status", Region::optInStatus);

    /** EC2's account attributes and the values every LocalVPC account has, in AWS's order. */
    private static final List<String> ATTRIBUTES = List.of(
            "vpc-max-security-groups-per-interface",
            "max-instances",
            "supported-platforms",
            "default-vpc",
            "max-elastic-ips",
            "vpc-max-elastic-ips");

    private final CloudAccess cloud;

    public ZoneService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(DescribeAvailabilityZonesRequest.class, this::describeAvailabilityZones)
                .on(DescribeRegionsRequest.class, this::describeRegions)
                .on(DescribeAccountAttributesRequest.class, this::describeAccountAttributes);
    }

    DescribeAvailabilityZonesResponse describeAvailabilityZones(
            RequestContext ctx, DescribeAvailabilityZonesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        List<AvailabilityZone> zones = AvailabilityZones.of(ctx.region()).stream().map(ZoneService::toSdk).toList();
        List<String> names = request.zoneNames();
        List<String> ids = request.zoneIds();
        List<AvailabilityZone> selected = zones;
        if (!names.isEmpty() || !ids.isEmpty()) {
            for (String name : names) {
                if (zones.stream().noneMatch(z -> z.zoneName().equals(name))) {
                    throw Ec2Errors.invalidValue("Invalid availability zone: [" + name + "]");
                }
            }
            for (String id : ids) {
                if (zones.stream().noneMatch(z -> z.zoneId().equals(id))) {
                    throw Ec2Errors.invalidValue("Invalid availability zone ID: [" + id + "]");
                }
            }
            selected = zones.stream().filter(z -> names.contains(z.zoneName()) || ids.contains(z.zoneId())).toList();
        }
        RegionState state = cloud.read(ctx);
        return DescribeAvailabilityZonesResponse.builder()
                .availabilityZones(ZONE_FILTERS.apply(selected, request.filters(), state))
                .build();
    }

    DescribeRegionsResponse describeRegions(RequestContext ctx, DescribeRegionsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        List<Region> regions = new ArrayList<>();
        Set<String> known = new java.util.LinkedHashSet<>(REGIONS.keySet());
        known.add(ctx.region());
        for (String name : known) {
            regions.add(Region.builder()
                    .regionName(name)
                    .endpoint("ec2." + name + ".amazonaws.com")
                    .optInStatus(OPT_IN_REGIONS.contains(name) ? "opted-in" : "opt-in-not-required")
                    .build());
        }
        List<String> wanted = request.regionNames();
        if (!wanted.isEmpty()) {
            for (String name : wanted) {
                if (!known.contains(name)) {
                    throw Ec2Errors.invalidValue("Invalid region: " + name);
                }
            }
            regions = regions.stream().filter(r -> wanted.contains(r.regionName())).toList();
        }
        RegionState state = cloud.read(ctx);
        return DescribeRegionsResponse.builder().regions(REGION_FILTERS.apply(regions, request.filters(), state)).build();
    }

    DescribeAccountAttributesResponse describeAccountAttributes(
            RequestContext ctx, DescribeAccountAttributesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        List<String> wanted = request.attributeNamesAsStrings();
        for (String name : wanted) {
            if (!ATTRIBUTES.contains(name)) {
                throw Ec2Errors.invalidValue("Value (" + name + ") for parameter attributeName is invalid. Valid values: "
                        + String.join(", ", ATTRIBUTES) + ".");
            }
        }
        RegionState state = cloud.read(ctx);
        String defaultVpc = state.all(Vpc.class).stream().filter(Vpc::isDefault).map(Vpc::id).findFirst().orElse("none");
        List<AccountAttribute> attributes = new ArrayList<>();
        for (String name : ATTRIBUTES) {
            if (!wanted.isEmpty() && !wanted.contains(name)) {
                continue;
            }
            String value = switch (name) {
                case "vpc-max-security-groups-per-interface", "max-elastic-ips", "vpc-max-elastic-ips" -> "5";
                case "max-instances" -> "20";
                case "supported-platforms" -> "VPC";
                case "default-vpc" -> defaultVpc;
                default -> throw new IllegalStateException(name);
            };
            attributes.add(AccountAttribute.builder()
                    .attributeName(name)
                    .attributeValues(AccountAttributeValue.builder().attributeValue(value).build())
                    .build());
        }
        return DescribeAccountAttributesResponse.builder().accountAttributes(attributes).build();
    }

    private static AvailabilityZone toSdk(AvailabilityZones.Zone zone) {
        String longName = REGIONS.getOrDefault(zone.region(), zone.region());
        return AvailabilityZone.builder()
                .zoneName(zone.name())
                .zoneId(zone.zoneId())
                .regionName(zone.region())
                .state("available")
                .zoneType("availability-zone")
                .optInStatus("opt-in-not-required")
                .groupName(zone.region() + "-zg-1")
                .groupLongName(longName + " 1")
                .networkBorderGroup(zone.region())
                .messages(List.of())
                .build();
    }

    private static Map<String, String> orderedRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("ap-south-1", "Asia Pacific (Mumbai)");
        regions.put("eu-north-1", "Europe (Stockholm)");
        regions.put("eu-west-3", "Europe (Paris)");
        regions.put("eu-south-1", "Europe (Milan)");
        regions.put("eu-west-2", "Europe (London)");
        regions.put("eu-west-1", "Europe (Ireland)");
        regions.put("ap-northeast-3", "Asia Pacific (Osaka)");
        regions.put("ap-northeast-2", "Asia Pacific (Seoul)");
        regions.put("me-south-1", "Middle East (Bahrain)");
        regions.put("ap-northeast-1", "Asia Pacific (Tokyo)");
        regions.put("ca-central-1", "Canada (Central)");
        regions.put("sa-east-1", "South America (Sao Paulo)");
        regions.put("ap-east-1", "Asia Pacific (Hong Kong)");
        regions.put("ap-southeast-1", "Asia Pacific (Singapore)");
        regions.put("ap-southeast-2", "Asia Pacific (Sydney)");
        regions.put("eu-central-1", "Europe (Frankfurt)");
        regions.put("eu-central-2", "Europe (Zurich)");
        regions.put("af-south-1", "Africa (Cape Town)");
        regions.put("us-east-1", "US East (N. Virginia)");
        regions.put("us-east-2", "US East (Ohio)");
        regions.put("us-west-1", "US West (N. California)");
        regions.put("us-west-2", "US West (Oregon)");
        return java.util.Collections.unmodifiableMap(regions);
    }
}
