package io.localvpc.service.ec2.instances;

import io.localvpc.model.ec2.Instance.MetadataOptions;
import io.localvpc.service.ec2.Ec2Errors;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;

/**
 * Instance metadata service options as RunInstances and ModifyInstanceMetadataOptions take them:
 * members left out keep their value, each given one is checked as EC2 checks it. Images that
 * declare IMDSv2 support (Amazon Linux 2023) launch with tokens required and a hop limit of 2, as AWS does.
 */
final class MetadataOptionsInput {
    private static final List<String> SWITCH = List.of("enabled", "disabled");

    private MetadataOptionsInput() {}

    static MetadataOptions forLaunch(InstanceMetadataOptionsRequest options, Images.CatalogueImage image) {
        boolean v2 = "v2.0".equals(image.imdsSupport());
        var defaults = new MetadataOptions(v2 ? "required" : "optional", v2 ? 2 : 1, "enabled", "disabled", "disabled", null);
        if (options == null) {
            return defaults;
        }
        return changed(defaults, options.httpTokensAsString(), options.httpPutResponseHopLimit(),
                options.httpEndpointAsString(), options.httpProtocolIpv6AsString(),
                options.instanceMetadataTagsAsString(), null);
    }

    /** {@code current} with the given members (null: unchanged), reported pending until {@code appliedAt}. */
    static MetadataOptions changed(MetadataOptions current, String tokens, Integer hops, String endpoint, String ipv6,
            String tags, Instant appliedAt) {
        if (tokens != null && !tokens.equals("optional") && !tokens.equals("required")) {
            throw Ec2Errors.invalidValue("Value (" + tokens + ") for parameter HttpTokens is invalid.");
        }
        if (hops != null && (hops < 1 || hops > 64)) {
            throw Ec2Errors.invalidValue("Value (" + hops + ") for parameter HttpPutResponseHopLimit is invalid. Expected: 1-64.");
        }
        checkSwitch(endpoint, "HttpEndpoint");
        checkSwitch(ipv6, "HttpProtocolIpv6");
        checkSwitch(tags, "InstanceMetadataTags");
        return new MetadataOptions(
                tokens == null ? current.httpTokens() : tokens,
                hops == null ? current.httpPutResponseHopLimit() : hops,
                endpoint == null ? current.httpEndpoint() : endpoint,
                ipv6 == null ? current.httpProtocolIpv6() : ipv6,
                tags == null ? current.instanceMetadataTags() : tags,
                appliedAt);
    }

    private static void checkSwitch(String value, String parameter) {
        if (value != null && !SWITCH.contains(value)) {
            throw Ec2Errors.invalidValue("Value (" + value + ") for parameter " + parameter + " is invalid.");
        }
    }
}
