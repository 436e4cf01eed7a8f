package io.localvpc.service.ec2.instances;

import io.localvpc.service.ec2.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;

/**
 * The instance metadata service options of a launch. Images that declare IMDSv2 support
 * (Amazon Linux 2023) launch with tokens required and a hop limit of 2, as AWS does.
 */
record LaunchMetadata(String httpTokens, int hopLimit, String httpEndpoint) {

    static LaunchMetadata of(InstanceMetadataOptionsRequest options, Images.CatalogueImage image) {
        boolean v2 = "v2.0".equals(image.imdsSupport());
        String tokens = v2 ? "required" : "optional";
        int hops = v2 ? 2 : 1;
        String endpoint = "enabled";
        if (options != null) {
            tokens = options.httpTokensAsString() == null ? tokens : options.httpTokensAsString();
            hops = options.httpPutResponseHopLimit() == null ? hops : options.httpPutResponseHopLimit();
            endpoint = options.httpEndpointAsString() == null ? endpoint : options.httpEndpointAsString();
        }
        if (!tokens.equals("optional") && !tokens.equals("required")) {
            throw Ec2Errors.invalidValue("Value (" + tokens + ") for parameter HttpTokens is invalid.");
        }
        if (hops < 1 || hops > 64) {
            throw Ec2Errors.invalidValue("Value (" + hops + ") for parameter HttpPutResponseHopLimit is invalid. Expected: 1-64.");
        }
        if (!endpoint.equals("enabled") && !endpoint.equals("disabled")) {
            throw Ec2Errors.invalidValue("Value (" + endpoint + ") for parameter HttpEndpoint is invalid.");
        }
        return new LaunchMetadata(tokens, hops, endpoint);
    }
}
