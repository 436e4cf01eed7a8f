package io.localvpc.service;

import java.util.Locale;

/**
 * Service quotas that AWS lets an account raise, with AWS's defaults for a new account. A school
 * or a benchmark raises them with {@code --quota instances=1000,vpcs=20}.
 */
public record Quotas(int vpcsPerRegion, int elasticIpsPerRegion, int natGatewaysPerZone, int instancesPerRegion) {
    public static final Quotas DEFAULT = new Quotas(5, 5, 5, 20);

    public Quotas {
        if (vpcsPerRegion < 1 || elasticIpsPerRegion < 1 || natGatewaysPerZone < 1 || instancesPerRegion < 1) {
            throw new IllegalArgumentException("quotas must be at least 1");
        }
    }

    /** Applies {@code name=value,...} (names: vpcs, elastic-ips, nat-gateways, instances) to these quotas. */
    public Quotas with(String settings) {
        Quotas q = this;
        for (String setting : settings.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            String[] pair = setting.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected name=value, got " + setting);
            }
            int value = Integer.parseInt(pair[1].trim());
            q = switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
                case "vpcs" -> new Quotas(value, q.elasticIpsPerRegion, q.natGatewaysPerZone, q.instancesPerRegion);
                case "elastic-ips" -> new Quotas(q.vpcsPerRegion, value, q.natGatewaysPerZone, q.instancesPerRegion);
                case "nat-gateways" -> new Quotas(q.vpcsPerRegion, q.elasticIpsPerRegion, value, q.instancesPerRegion);
                case "instances" -> new Quotas(q.vpcsPerRegion, q.elasticIpsPerRegion, q.natGatewaysPerZone, value);
                default -> throw new IllegalArgumentException(
                        "unknown quota " + pair[0] + " (known: vpcs, elastic-ips, nat-gateways, instances)");
            };
        }
        return q;
    }
}
