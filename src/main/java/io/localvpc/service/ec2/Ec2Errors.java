package io.localvpc.service.ec2;

import io.localvpc.api.AwsException;

/** EC2's error codes and messages, worded as AWS words them (ids in single quotes). */
public final class Ec2Errors {
    private Ec2Errors() {}

    public static AwsException notFound(String code, String message) {
        return AwsException.badRequest(code, message);
    }

    public static AwsException invalidValue(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    public static AwsException invalidCombination(String message) {
        return AwsException.badRequest("InvalidParameterCombination", message);
    }

    public static AwsException missing(String parameter) {
        return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + parameter);
    }

    public static AwsException dependencyViolation(String message) {
        return AwsException.badRequest("DependencyViolation", message);
    }

    public static AwsException dryRun() {
        return new AwsException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }

    public static AwsException malformedId(String code, String id) {
        return AwsException.badRequest(code, "Invalid id: \"" + id + "\"");
    }

    public static AwsException vpcNotFound(String id) {
        return notFound("InvalidVpcID.NotFound", "The vpc ID '" + id + "' does not exist");
    }

    public static AwsException subnetNotFound(String id) {
        return notFound("InvalidSubnetID.NotFound", "The subnet ID '" + id + "' does not exist");
    }

    public static AwsException routeTableNotFound(String id) {
        return notFound("InvalidRouteTableID.NotFound", "The routeTable ID '" + id + "' does not exist");
    }

    public static AwsException internetGatewayNotFound(String id) {
        return notFound("InvalidInternetGatewayID.NotFound", "The internetGateway ID '" + id + "' does not exist");
    }

    public static AwsException securityGroupNotFound(String id) {
        return notFound("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    }

    public static AwsException networkInterfaceNotFound(String id) {
        return notFound("InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '" + id + "' does not exist");
    }

    public static AwsException instanceNotFound(String id) {
        return notFound("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
    }

    public static AwsException natGatewayNotFound(String id) {
        return notFound("NatGatewayNotFound", "NAT gateway " + id + " was not found");
    }

    public static AwsException allocationNotFound(String id) {
        return notFound("InvalidAllocationID.NotFound", "The allocation ID '" + id + "' does not exist");
    }

    public static AwsException associationNotFound(String id) {
        return notFound("InvalidAssociationID.NotFound", "The association ID '" + id + "' does not exist");
    }

    public static AwsException networkAclNotFound(String id) {
        return notFound("InvalidNetworkAclID.NotFound", "The networkAcl ID '" + id + "' does not exist");
    }
}
