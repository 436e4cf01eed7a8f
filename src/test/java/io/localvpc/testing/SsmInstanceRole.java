package io.localvpc.testing;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The IAM side of an SSM-managed instance, built through the SDKs: a role EC2 may assume, with or
 * without {@code AmazonSSMManagedInstanceCore}, in an instance profile of the same name.
 */
public final class SsmInstanceRole {
    public static final String CORE_POLICY = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private SsmInstanceRole() {}

    /** Creates role and profile {@code name}; returns the profile name. */
    public static String create(IamClient iam, String name, boolean withCorePolicy) {
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
        if (withCorePolicy) {
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(CORE_POLICY));
        }
        iam.createInstanceProfile(r -> r.instanceProfileName(name));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(name).roleName(name));
        return name;
    }

    /** Gives a running instance the profile, as {@code aws ec2 associate-iam-instance-profile} does. */
    public static void associate(Ec2Client ec2, String instanceId, String profile) {
        ec2.associateIamInstanceProfile(r -> r.instanceId(instanceId).iamInstanceProfile(p -> p.name(profile)));
    }
}
