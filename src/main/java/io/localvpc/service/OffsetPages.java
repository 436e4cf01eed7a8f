package io.localvpc.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * The paging every LocalVPC list call shares, whatever the service names its parameters (EC2's
 * MaxResults/NextToken, IAM's MaxItems/Marker, SSM's): a page of at most {@code size} items from an
 * offset, and an opaque token that encodes the offset of the next item. Each service checks its
 * own bounds and words its own error for a token that is not one of these.
 *
 * @param <T> the items paged
 */
public record OffsetPages<T>(List<T> items, String nextToken) {
    private static final String PREFIX = "localvpc:";

    public boolean hasMore() {
        return nextToken != null;
    }

    /**
     * The page starting where {@code token} points (the start when null or empty), or empty when
     * the token is not one this class made for a list of this length.
     */
    public static <T> java.util.Optional<OffsetPages<T>> of(List<T> all, int size, String token) {
        OptionalInt from = token == null || token.isEmpty() ? OptionalInt.of(0) : offset(token, all.size());
        if (from.isEmpty()) {
            return java.util.Optional.empty();
        }
        int to = (int) Math.min(all.size(), (long) from.getAsInt() + size);
        String next = to < all.size() ? encode(to) : null;
        return java.util.Optional.of(new OffsetPages<>(List.copyOf(all.subList(from.getAsInt(), to)), next));
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static OptionalInt offset(String token, int total) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0 && offset <= total) {
                    return OptionalInt.of(offset);
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: not one of our tokens
        }
        return OptionalInt.empty();
    }
}
