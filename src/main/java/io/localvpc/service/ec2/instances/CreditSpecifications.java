package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.service.ec2.Ec2Errors;
import software.amazon.awssdk.services.ec2.model.CreditSpecificationRequest;

/** CPU credits of burstable (T family) instances: standard or unlimited. */
final class CreditSpecifications {
    private CreditSpecifications() {}

    /** The credit option a launch gets: the one asked for, else the family's default; null when not burstable. */
    static String launchCredits(CreditSpecificationRequest requested, InstanceTypes.Spec type) {
        String asked = requested == null ? null : requested.cpuCredits();
        if (!type.burstable()) {
            if (asked != null) {
                throw Ec2Errors.invalidCombination("CPU Credits are not supported for the specified instance type "
                        + type.name() + ".");
            }
            return null;
        }
        return asked == null ? type.defaultCpuCredits() : checked(asked);
    }

    static String checked(String credits) {
        if (!credits.equals("standard") && !credits.equals("unlimited")) {
            throw Ec2Errors.invalidValue("Value (" + credits + ") for parameter cpuCredits is invalid. Valid values are: "
                    + "standard, unlimited");
        }
        return credits;
    }

    static AwsException notBurstable(String instanceId, String type) {
        return AwsException.badRequest("UnsupportedOperation", "The instance '" + instanceId + "' has instance type "
                + type + ", which does not support CPU credits.");
    }
}
