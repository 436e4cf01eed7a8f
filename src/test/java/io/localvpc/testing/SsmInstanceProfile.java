package io.localvpc.testing;

import software.amazon.awssdk.services.iam.IamClient;

/** What makes an instance's SSM agent able to register: a role with AmazonSSMManagedInstanceCore in an instance profile. */
public final class SsmInstanceProfile {
    public static final String NAME = "ssm-role";

    private SsmInstanceProfile() {}

    /** Creates the role and an instance profile of the same name holding it; answers the profile's name. */
    public static String create(IamClient iam) {
        iam.createRole(r -> r.roleName(NAME).assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.attachRolePolicy(r -> r.roleName(NAME).policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
        iam.createInstanceProfile(r -> r.instanceProfileName(NAME));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(NAME).roleName(NAME));
        return NAME;
    }
}
