package io.localvpc.service.ec2;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The availability zones of each region, names and zone ids as a new account sees them. Zone ids
 * are the same physical zone in every account; names are what users type. Unknown regions get
 * zones a, b and c.
 */
public final class AvailabilityZones {

    /** One zone: {@code ap-northeast-1a} is {@code apne1-az4}. */
    public record Zone(String name, String zoneId, String region) {}

    private static final Map<String, String> LAYOUT = Map.ofEntries(
            Map.entry("us-east-1", "use1:a=az1,b=az2,c=az3,d=az4,e=az5,f=az6"),
            Map.entry("us-east-2", "use2:a=az1,b=az2,c=az3"),
            Map.entry("us-west-1", "usw1:a=az1,c=az3"),
            Map.entry("us-west-2", "usw2:a=az1,b=az2,c=az3,d=az4"),
            Map.entry("ca-central-1", "cac1:a=az1,b=az2,d=az4"),
            Map.entry("sa-east-1", "sae1:a=az1,b=az2,c=az3"),
            Map.entry("eu-west-1", "euw1:a=az1,b=az2,c=az3"),
            Map.entry("eu-west-2", "euw2:a=az2,b=az3,c=az1"),
            Map.entry("eu-west-3", "euw3:a=az1,b=az2,c=az3"),
            Map.entry("eu-central-1", "euc1:a=az2,b=az3,c=az1"),
            Map.entry("eu-central-2", "euc2:a=az1,b=az2,c=az3"),
            Map.entry("eu-north-1", "eun1:a=az1,b=az2,c=az3"),
            Map.entry("eu-south-1", "eus1:a=az1,b=az2,c=az3"),
            Map.entry("ap-northeast-1", "apne1:a=az4,c=az1,d=az2"),
            Map.entry("ap-northeast-2", "apne2:a=az1,b=az2,c=az3,d=az4"),
            Map.entry("ap-northeast-3", "apne3:a=az3,b=az1,c=az2"),
            Map.entry("ap-southeast-1", "apse1:a=az1,b=az2,c=az3"),
            Map.entry("ap-southeast-2", "apse2:a=az1,b=az3,c=az2"),
            Map.entry("ap-south-1", "aps1:a=az1,b=az3,c=az2"),
            Map.entry("ap-east-1", "ape1:a=az1,b=az2,c=az3"),
            Map.entry("me-south-1", "mes1:a=az1,b=az2,c=az3"),
            Map.entry("af-south-1", "afs1:a=az1,b=az2,c=az3"));

    private AvailabilityZones() {}

    public static List<Zone> of(String region) {
        String layout = LAYOUT.get(region);
        if (layout == null) {
            String prefix = shortName(region);
            return List.of(new Zone(region + "a", prefix + "-az1", region), new Zone(region + "b", prefix + "-az2", region),
                    new Zone(region + "c", prefix + "-az3", region));
        }
        String prefix = layout.substring(0, layout.indexOf(':'));
        return java.util.Arrays.stream(layout.substring(layout.indexOf(':') + 1).split(","))
                .map(pair -> new Zone(region + pair.substring(0, 1), prefix + "-" + pair.substring(2), region))
                .toList();
    }

    /** A zone of the region by name ({@code ap-northeast-1a}) or id ({@code apne1-az4}). */
    public static Optional<Zone> find(String region, String nameOrId) {
        return of(region).stream()
                .filter(z -> z.name().equals(nameOrId) || z.zoneId().equals(nameOrId))
                .findFirst();
    }

    private static String shortName(String region) {
        String[] parts = region.split("-");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(part.chars().allMatch(Character::isDigit) ? part : part.substring(0, 1));
        }
        return out.toString();
    }
}
