package io.localvpc.terraform.aws.ec2;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Ids the provider makes itself for things AWS gives no id: a hash code (CRC-32, IEEE) of the
 * parts that identify them, so state written here carries the ids the real provider writes.
 */
final class ProviderIds {
    private ProviderIds() {}

    /** {@code aws_route}: {@code r-<route table id><hash of the destination>}. */
    static String route(String routeTableId, String destination) {
        return "r-" + routeTableId + hashcode(destination);
    }

    /** {@code aws_network_acl_rule}: {@code nacl-<hash of "<acl>-<number>-<egress>-<protocol>-">}. */
    static String networkAclRule(String aclId, int number, boolean egress, String protocol) {
        return "nacl-" + hashcode(aclId + "-" + number + "-" + egress + "-" + protocol + "-");
    }

    private static long hashcode(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
