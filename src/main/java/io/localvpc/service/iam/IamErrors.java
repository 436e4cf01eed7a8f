package io.localvpc.service.iam;

import io.localvpc.api.AwsException;

/** IAM's error codes with the HTTP statuses AWS sends them with. */
public final class IamErrors {
    private IamErrors() {}

    public static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", message, 404);
    }

    public static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", message, 409);
    }

    public static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", message, 409);
    }

    public static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", message, 409);
    }

    public static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocument", message, 400);
    }

    public static AwsException validation(String message) {
        return new AwsException("ValidationError", message, 400);
    }

    public static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", message, 400);
    }

    public static AwsException noSuchRole(String roleName) {
        return noSuchEntity("The role with name " + roleName + " cannot be found.");
    }

    public static AwsException noSuchInstanceProfile(String name) {
        return noSuchEntity("Instance Profile " + name + " cannot be found.");
    }

    public static AwsException notAttachable(String policyArn) {
        return noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
    }

    public static AwsException noSuchPolicy(String policyArn) {
        return noSuchEntity("Policy " + policyArn + " was not found.");
    }
}
