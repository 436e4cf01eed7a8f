package io.localvpc.terraform.aws;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The provider's string hash code: the IEEE CRC-32 of the UTF-8 bytes as a non-negative number.
 * The provider builds identifiers from it that end up in state, e.g. {@code sgrule-2263485587}
 * for a security group rule and the {@code id} of {@code aws_iam_policy_document}.
 */
public final class Hashcodes {
    private Hashcodes() {}

    public static long of(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
