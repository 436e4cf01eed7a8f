package io.localvpc.service.ssm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** SSM's MaxResults/NextToken paging; the token encodes the offset of the next item. */
record SsmPages<T>(List<T> items, String nextToken) {
    private static final String PREFIX = "localvpc-ssm:";

    static <T> SsmPages<T> of(List<T> all, Integer maxResults, int defaultSize, int maxSize, String token) {
        SsmErrors.range(maxResults, "maxResults", 1, maxSize);
        int size = maxResults == null ? defaultSize : maxResults;
        int from = token == null ? 0 : offset(token, all.size());
        int to = Math.min(all.size(), from + size);
        return new SsmPages<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
    }

    private static int offset(String token, int total) {
        try {
            String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0 && offset <= total) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of our tokens: reported below
        }
        throw SsmErrors.of("InvalidNextToken", "The specified token isn't valid.");
    }

    private static String encode(int offset) {
        return Base64.getEncoder().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
