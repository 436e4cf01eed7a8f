package io.localvpc.service.ec2.endpoints;

import io.localvpc.api.AwsException;
import io.localvpc.dataplane.internet.AwsPublicRanges;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.ec2.AvailabilityZones;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The AWS services a VPC endpoint can connect to in a region, as DescribeVpcEndpointServices lists
 * them: each region's {@code com.amazonaws.<region>.<service>}, offered as an interface endpoint
 * (PrivateLink), a gateway endpoint (S3, DynamoDB), or both (S3).
 */
public final class EndpointServices {
    /** Services offered through interface endpoints. */
    static final List<String> INTERFACE = List.of(
            "ec2", "ec2messages", "kms", "logs", "s3", "secretsmanager", "ssm", "ssmmessages", "sts");
    /** Services offered through gateway endpoints. */
    static final List<String> GATEWAY = AwsPublicRanges.GATEWAY_SERVICES;

    /** One service offered as one endpoint type. */
    public record Offer(String region, String shortName, String type) {
        public String serviceName() {
            return "com.amazonaws." + region + "." + shortName;
        }

        /** The name private DNS makes resolve to the endpoint (interface endpoints only). */
        public String privateDnsName() {
            return shortName + "." + region + ".amazonaws.com";
        }

        /** {@code vpce-svc-…}: a stable id per region, service and type. */
        public String serviceId() {
            long mixed = (long) serviceName().hashCode() << 32 | (type.hashCode() & 0xffffffffL);
            return "vpce-svc-0" + String.format("%016x", mixed);
        }

        public List<String> zones() {
            return AvailabilityZones.of(region).stream().map(AvailabilityZones.Zone::name).sorted().toList();
        }
    }

    private EndpointServices() {}

    /** Every offer of a region, sorted by service name as AWS lists them. */
    public static List<Offer> all(String region) {
        List<Offer> offers = new ArrayList<>();
        for (String service : AwsPublicRanges.SERVICES.stream().sorted().toList()) {
            if (GATEWAY.contains(service)) {
                offers.add(new Offer(region, service, VpcEndpoint.GATEWAY));
            }
            if (INTERFACE.contains(service)) {
                offers.add(new Offer(region, service, VpcEndpoint.INTERFACE));
            }
        }
        return offers;
    }

    /** The offers of one service name in the caller's region (none for another region's or an unknown name). */
    public static List<Offer> named(String region, String serviceName) {
        return all(region).stream().filter(o -> o.serviceName().equals(serviceName)).toList();
    }

    /**
     * The offer a CreateVpcEndpoint asks for: an unknown name is InvalidServiceName, a known
     * service asked for as a type it is not offered as is InvalidParameter, as EC2 answers.
     */
    static Offer forCreate(String region, String serviceName, String type) {
        List<Offer> offers = named(region, serviceName);
        if (offers.isEmpty()) {
            throw serviceNotFound(serviceName);
        }
        Optional<Offer> offer = offers.stream().filter(o -> o.type().equals(type)).findFirst();
        return offer.orElseThrow(() -> AwsException.badRequest("InvalidParameter", "The VPC endpoint service "
                + serviceName + " does not support the VPC endpoint type " + type + "."));
    }

    static AwsException serviceNotFound(String serviceName) {
        return AwsException.badRequest("InvalidServiceName",
                "The Vpc Endpoint Service '" + serviceName + "' does not exist");
    }
}
