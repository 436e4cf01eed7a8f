package io.localvpc.dataplane.internet;

import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import java.util.List;
import java.util.Optional;

/**
 * Where each region's AWS service endpoints live on the simulated internet, and the AWS-managed
 * prefix lists that gateway endpoints route to. One place decides both, so the prefix list of
 * {@code com.amazonaws.<region>.s3} always contains the address {@code s3.<region>.amazonaws.com}
 * resolves to. Addresses are a pure function of the region name: they survive restarts and agree
 * between the API (DescribePrefixLists) and the data plane.
 */
public final class AwsPublicRanges {
    /** The services with a regional endpoint on the simulated internet, in a fixed order (it picks their addresses). */
    public static final List<String> SERVICES = List.of(
            "ssm", "ssmmessages", "ec2messages", "sts", "s3", "ec2", "logs", "kms", "secretsmanager", "dynamodb");

    /** The services gateway endpoints serve; their addresses come from their prefix lists. */
    public static final List<String> GATEWAY_SERVICES = List.of("s3", "dynamodb");

    /** Interface-only services: one address each in the region's /24 of this block. */
    private static final Cidr API_BLOCK = Cidr.parse("52.94.0.0/16");

    /** An AWS-managed prefix list: {@code pl-…}, named after its service. */
    public record PrefixList(String id, String name, List<Cidr> cidrs) {
        public boolean contains(Ipv4 address) {
            return cidrs.stream().anyMatch(c -> c.contains(address));
        }
    }

    /** The regions LocalVPC knows, sorted by name: their positions number them. */
    private static final List<String> KNOWN_REGIONS = List.copyOf(RoundTripTimes.regions());
    /** Each region's prefix lists, made once: the router reads them for every packet a prefix-list route might take. */
    private static final java.util.Map<String, List<PrefixList>> PREFIX_LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    private AwsPublicRanges() {}

    /**
     * A region's number, 0–255: its place among the regions LocalVPC knows (sorted by name), or a
     * hash of the name in the upper range for any other region.
     */
    static int regionIndex(String region) {
        int index = KNOWN_REGIONS.indexOf(region);
        return index >= 0 ? index : 128 + Math.floorMod(region.hashCode(), 128);
    }

    /** The public address of {@code <service>.<region>.amazonaws.com}, if the service is one LocalVPC knows. */
    public static Optional<Ipv4> endpointAddress(String region, String service) {
        int position = SERVICES.indexOf(service);
        if (position < 0) {
            return Optional.empty();
        }
        Optional<PrefixList> list = prefixList(region, service);
        if (list.isPresent()) {
            return Optional.of(list.get().cidrs().get(0).base().plus(10));
        }
        return Optional.of(API_BLOCK.base().plus(regionIndex(region) * 256L + 10 + position));
    }

    /** The prefix list of a gateway service ({@code s3}, {@code dynamodb}) in a region. */
    public static Optional<PrefixList> prefixList(String region, String service) {
        String name = "com.amazonaws." + region + "." + service;
        return prefixLists(region).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static PrefixList make(String region, String service) {
        int index = regionIndex(region);
        List<Cidr> cidrs = switch (service) {
            case "s3" -> List.of(Cidr.parse("52.216." + index + ".0/24"), Cidr.parse("54.231." + index + ".0/24"));
            case "dynamodb" -> List.of(Cidr.parse("3.218." + index + ".0/24"));
            default -> throw new IllegalArgumentException("no gateway service " + service);
        };
        String name = "com.amazonaws." + region + "." + service;
        return new PrefixList(String.format("pl-%08x", name.hashCode()), name, cidrs);
    }

    /** Every AWS-managed prefix list of a region. */
    public static List<PrefixList> prefixLists(String region) {
        return PREFIX_LISTS.computeIfAbsent(region,
                r -> GATEWAY_SERVICES.stream().map(s -> make(r, s)).toList());
    }

    /**
     * An AWS-managed prefix list by id in any region LocalVPC knows or has seen (ids are unique
     * across regions): for a security group rule, which names the list without its region.
     */
    public static Optional<PrefixList> managedPrefixList(String id) {
        for (String region : KNOWN_REGIONS) {
            Optional<PrefixList> found = prefixListById(region, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return PREFIX_LISTS.values().stream().flatMap(List::stream).filter(p -> p.id().equals(id)).findFirst();
    }

    /** A region's prefix list by id. */
    public static Optional<PrefixList> prefixListById(String region, String id) {
        return prefixLists(region).stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
