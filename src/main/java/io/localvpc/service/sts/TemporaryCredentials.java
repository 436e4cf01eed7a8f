package io.localvpc.service.sts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Temporary credentials as STS shapes them: an {@code ASIA} key id, a 40-character secret and a session token. */
final class TemporaryCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TemporaryCredentials() {}

    static Credentials issue(Instant expiration) {
        return Credentials.builder()
                .accessKeyId("ASIA" + randomFrom(KEY_ALPHABET, 16))
                .secretAccessKey(randomBase64(30))
                .sessionToken(randomBase64(192))
                .expiration(expiration)
                .build();
    }

    private static String randomFrom(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** {@code bytes} random bytes as Base64: 30 bytes give the 40 characters of a secret key. */
    private static String randomBase64(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
