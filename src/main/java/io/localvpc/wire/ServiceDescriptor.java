package io.localvpc.wire;

import io.localvpc.api.ServiceRoutes;
import java.util.Set;

/**
 * What the wire layer must know about one AWS service beyond the SDK metadata: its signing name,
 * protocol, API version, XML namespace or JSON target prefix, and which response members AWS
 * percent-encodes. The routes are the service's operations.
 */
public record ServiceDescriptor(
        String signingName,
        Protocol protocol,
        String apiVersion,
        String xmlNamespace,
        String jsonTargetPrefix,
        Set<String> urlEncodedMembers,
        ServiceRoutes routes) {

    /** The wire protocols LocalVPC speaks. */
    public enum Protocol {
        EC2_QUERY,
        AWS_QUERY,
        JSON_1_1,
        JSON_1_0
    }

    public static ServiceDescriptor ec2(ServiceRoutes routes) {
        return new ServiceDescriptor(
                "ec2", Protocol.EC2_QUERY, "2016-11-15", "http://ec2.amazonaws.com/doc/2016-11-15/", null, Set.of(), routes);
    }

    public static ServiceDescriptor query(
            String signingName, String version, String namespace, Set<String> urlEncoded, ServiceRoutes routes) {
        return new ServiceDescriptor(signingName, Protocol.AWS_QUERY, version, namespace, null, urlEncoded, routes);
    }

    public static ServiceDescriptor json11(String signingName, String targetPrefix, ServiceRoutes routes) {
        return new ServiceDescriptor(signingName, Protocol.JSON_1_1, null, null, targetPrefix, Set.of(), routes);
    }
}
