package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.service.ec2.vpc.ZoneService;
import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.util.Map;

/**
 * {@code data "aws_region"}: by name, by EC2 endpoint, or the provider's own region. Like the
 * provider, it asks no API: regions and their descriptions are known in advance.
 */
public final class RegionData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("description", STRING)
            .optionalComputed("endpoint", STRING)
            .computed("id", STRING)
            .optionalComputed("name", STRING)
            .build();

    public RegionData() {
        super("aws_region", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        Map<String, String> regions = ZoneService.regionDescriptions();
        String region = null;
        String endpoint = Ec2Resource.set(config, "endpoint");
        if (endpoint != null) {
            region = regions.keySet().stream().filter(r -> endpoint(r).equals(endpoint)).findFirst()
                    .orElseThrow(() -> new ProviderException("region not found for endpoint: " + endpoint));
        }
        String name = Ec2Resource.set(config, "name");
        if (name != null) {
            if (!regions.containsKey(name)) {
                throw new ProviderException("region not found for name: " + name);
            }
            if (region != null && !region.equals(name)) {
                throw new ProviderException("multiple regions matched; use additional constraints to reduce matches to a single region");
            }
            region = name;
        }
        if (region == null) {
            region = aws.region();
        }
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        out.put("description", regions.getOrDefault(region, ""));
        out.put("endpoint", endpoint(region));
        out.put("id", region);
        out.put("name", region);
        return out;
    }

    private static String endpoint(String region) {
        return "ec2." + region + ".amazonaws.com";
    }
}
