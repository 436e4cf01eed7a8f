package io.localvpc.service.iam;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * IAM's Marker/MaxItems paging: at most MaxItems (1–1000, default 100) per page, IsTruncated and an
 * opaque Marker when more follow. The marker encodes the offset of the next item.
 */
record IamPages<T>(List<T> items, boolean isTruncated, String marker) {
    private static final int DEFAULT_MAX_ITEMS = 100;
    private static final String MARKER_PREFIX = "localvpc:";

    static <T> IamPages<T> of(List<T> all, Integer maxItems, String marker) {
        int size = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        IamInput.range(size, "maxItems", 1, 1000);
        int from = marker == null ? 0 : offset(marker, all.size());
        int to = Math.min(all.size(), from + size);
        boolean more = to < all.size();
        return new IamPages<>(List.copyOf(all.subList(from, to)), more, more ? encode(to) : null);
    }

    private static int offset(String marker, int total) {
        try {
            String decoded = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.startsWith(MARKER_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(MARKER_PREFIX.length()));
                if (offset >= 0 && offset <= total) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below: the marker was not one of ours
        }
        throw IamErrors.validation("Invalid Marker.");
    }

    private static String encode(int offset) {
        return Base64.getEncoder().encodeToString((MARKER_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
