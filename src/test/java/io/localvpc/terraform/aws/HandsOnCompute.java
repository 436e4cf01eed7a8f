package io.localvpc.terraform.aws;

import static io.localvpc.terraform.aws.ProviderHarness.config;
import static io.localvpc.terraform.aws.ProviderHarness.number;

import io.localvpc.terraform.aws.ec2.AmiDataSource;
import io.localvpc.terraform.aws.ec2.SecurityGroupResource;
import io.localvpc.terraform.aws.ec2.SecurityGroupRuleResource;
import io.localvpc.terraform.aws.iam.InstanceProfileResource;
import io.localvpc.terraform.aws.iam.PolicyDocumentDataSource;
import io.localvpc.terraform.aws.iam.RolePolicyAttachmentResource;
import io.localvpc.terraform.aws.iam.RoleResource;
import java.util.List;
import java.util.Map;

/**
 * The compute half of the NAT gateway hands-on, built through the resource types as Terraform
 * would apply its configuration: the Amazon Linux 2 AMI looked up by name, an egress-only
 * security group whose one rule is {@code protocol = -1} with ports 0, and an EC2 role with
 * AmazonSSMManagedInstanceCore attached, in an instance profile.
 */
public record HandsOnCompute(String ami, Map<String, Object> group, Map<String, Object> egressRule, Map<String, Object> role,
        Map<String, Object> attachment, Map<String, Object> profile) {
    public static final String SSM_CORE = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";

    public static Map<String, Object> amazonLinux2() {
        return config("most_recent", true, "owners", List.of("amazon"),
                "filter", List.of(Map.of("name", "name", "values", List.of("amzn2-ami-hvm-2.0.*.0-x86_64-gp2"))));
    }

    public static Map<String, Object> ec2TrustDocument() {
        return config("statement", List.of(Map.of(
                "actions", List.of("sts:AssumeRole"),
                "principals", List.of(Map.of("type", "Service", "identifiers", List.of("ec2.amazonaws.com"))))));
    }

    public static HandsOnCompute create(ProviderHarness tf, String vpc, String prefix) {
        String ami = (String) new AmiDataSource().read(tf.aws(), amazonLinux2()).get("id");
        Map<String, Object> group = tf.create(new SecurityGroupResource(), config("name", prefix + "-egress-only", "vpc_id", vpc));
        Map<String, Object> rule = tf.create(new SecurityGroupRuleResource(), config("type", "egress",
                "security_group_id", group.get("id"), "protocol", number(-1), "from_port", number(0), "to_port", number(0),
                "cidr_blocks", List.of("0.0.0.0/0")));
        String trust = (String) new PolicyDocumentDataSource().read(tf.aws(), ec2TrustDocument()).get("json");
        Map<String, Object> role = tf.create(new RoleResource(), config("name", prefix + "-ssm-role", "assume_role_policy", trust));
        Map<String, Object> attachment = tf.create(new RolePolicyAttachmentResource(),
                config("role", role.get("name"), "policy_arn", SSM_CORE));
        Map<String, Object> profile = tf.create(new InstanceProfileResource(),
                config("name", prefix + "-ssm-profile", "role", role.get("name")));
        return new HandsOnCompute(ami, group, rule, role, attachment, profile);
    }

    public String groupId() {
        return (String) group.get("id");
    }

    public String profileName() {
        return (String) profile.get("name");
    }
}
