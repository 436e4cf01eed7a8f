package io.localvpc.service.ec2.securitygroups;

import io.localvpc.api.AwsException;
import io.localvpc.service.ec2.Ec2Errors;

/** The errors of security groups and their rules, worded as EC2 words them. */
final class SecurityGroupErrors {
    /** The characters EC2 allows in VPC group names and descriptions and in rule descriptions. */
    static final String ALLOWED_CHARACTERS = "a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*";

    private SecurityGroupErrors() {}

    static AwsException nameNotFoundInVpc(String name, String vpcId) {
        return Ec2Errors.notFound("InvalidGroup.NotFound",
                "The security group '" + name + "' does not exist in default VPC '" + vpcId + "'");
    }

    static AwsException noDefaultVpc() {
        return AwsException.badRequest("VPCIdNotSpecified", "No default VPC for this user");
    }

    static AwsException duplicateName(String name, String vpcId) {
        return AwsException.badRequest("InvalidGroup.Duplicate",
                "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
    }

    static AwsException reservedName(String name) {
        return AwsException.badRequest("InvalidGroup.Reserved", "The security group '" + name + "' is reserved");
    }

    static AwsException groupLimit() {
        return AwsException.badRequest("SecurityGroupLimitExceeded",
                "The maximum number of security groups has been reached.");
    }

    static AwsException cannotDeleteDefault(String groupId) {
        return AwsException.badRequest("CannotDelete",
                "the specified group: \"" + groupId + "\" name: \"default\" cannot be deleted by a user");
    }

    static AwsException hasDependents(String groupId) {
        return Ec2Errors.dependencyViolation("resource " + groupId + " has a dependent object");
    }

    static AwsException differentNetworks() {
        return Ec2Errors.notFound("InvalidGroup.NotFound",
                "You have specified two resources that belong to different networks.");
    }

    static AwsException malformedGroupId(String id) {
        return AwsException.badRequest("InvalidGroupId.Malformed", "Invalid id: \"" + id + "\" (expecting \"sg-...\")");
    }

    static AwsException ruleNotFound(String ruleId) {
        return Ec2Errors.notFound("InvalidSecurityGroupRuleId.NotFound",
                "The security group rule ID '" + ruleId + "' does not exist");
    }

    static AwsException malformedRuleId(String id) {
        return AwsException.badRequest("InvalidSecurityGroupRuleId.Malformed",
                "Invalid id: \"" + id + "\" (expecting \"sgr-...\")");
    }

    static AwsException permissionNotFound() {
        return AwsException.badRequest("InvalidPermission.NotFound",
                "The specified rule does not exist in this security group.");
    }

    static AwsException duplicatePermission(String ruleText) {
        return AwsException.badRequest("InvalidPermission.Duplicate",
                "the specified rule \"" + ruleText + "\" already exists");
    }

    static AwsException malformedPermission(String message) {
        return AwsException.badRequest("InvalidPermission.Malformed", message);
    }

    static AwsException ruleLimit() {
        return AwsException.badRequest("RulesPerSecurityGroupLimitExceeded",
                "The maximum number of rules per security group has been reached.");
    }

    static AwsException invalidRuleDescription() {
        return Ec2Errors.invalidValue("Invalid rule description. Valid descriptions are strings less than 256 "
                + "characters from the following set:  " + ALLOWED_CHARACTERS);
    }
}
