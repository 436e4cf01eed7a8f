package io.localvpc.terraform.aws.ec2;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** CIDR comparison as the provider's {@code verify.CIDRBlocksEqual}: same network, however written. */
final class Cidrs {
    private Cidrs() {}

    static boolean equal(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String[] left = a.split("/", 2);
        String[] right = b.split("/", 2);
        if (left.length != 2 || right.length != 2 || !left[1].equals(right[1])) {
            return false;
        }
        try {
            // Literal addresses only: InetAddress never resolves a name given in numeric form.
            return isLiteral(left[0]) && isLiteral(right[0])
                    && InetAddress.getByName(left[0]).equals(InetAddress.getByName(right[0]));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteral(String address) {
        // A dotted quad, or IPv6 (a colon makes the JDK parse it as a literal, never look it up).
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }
}
