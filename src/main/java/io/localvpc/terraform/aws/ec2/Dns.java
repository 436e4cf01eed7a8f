package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.provider.AwsContext;

/** The EC2 DNS names the provider derives from addresses ({@code EC2PrivateDNSNameForIP}, {@code EC2PublicDNSNameForIP}). */
final class Dns {
    private Dns() {}

    /** {@code ip-10-0-1-5.ap-northeast-1.compute.internal}; us-east-1 uses {@code ec2.internal}. */
    static String privateName(AwsContext aws, String ip) {
        String domain = "us-east-1".equals(aws.region()) ? "ec2.internal" : aws.region() + ".compute.internal";
        return "ip-" + ip.replace('.', '-') + "." + domain;
    }

    /** {@code ec2-203-0-113-5.ap-northeast-1.compute.amazonaws.com}; us-east-1 uses {@code compute-1.amazonaws.com}. */
    static String publicName(AwsContext aws, String ip) {
        String domain = "us-east-1".equals(aws.region()) ? "compute-1" : aws.region() + ".compute";
        return "ec2-" + ip.replace('.', '-') + "." + domain + ".amazonaws.com";
    }
}
