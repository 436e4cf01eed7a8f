package io.localvpc.service;

import java.util.concurrent.ThreadLocalRandom;

/** AWS-style identifiers: a prefix and 17 hex digits for EC2, upper-case base32-ish ids for IAM. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] IAM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {}

    /** {@code vpc-0a1b2c3d4e5f60718}: the current 17-digit EC2 form. */
    public static String ec2(String prefix) {
        return prefix + "-" + random(HEX, 17);
    }

    /** {@code AROA} + 17 characters, as IAM's unique ids look. */
    public static String iam(String prefix) {
        return prefix + random(IAM, 17);
    }

    /** A locally administered MAC address, as EC2 gives every interface. */
    public static String mac() {
        StringBuilder mac = new StringBuilder("0a");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(random(HEX, 2));
        }
        return mac.toString();
    }

    private static String random(char[] alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
