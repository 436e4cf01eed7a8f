package io.localvpc.service.iam;

import io.localvpc.service.OffsetPages;
import java.util.List;

/**
 * IAM's Marker/MaxItems paging: at most MaxItems (1–1000, default 100) per page, IsTruncated and an
 * opaque Marker when more follow ({@link OffsetPages}).
 */
record IamPages<T>(List<T> items, boolean isTruncated, String marker) {
    private static final int DEFAULT_MAX_ITEMS = 100;

    static <T> IamPages<T> of(List<T> all, Integer maxItems, String marker) {
        int size = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        IamInput.range(size, "maxItems", 1, 1000);
        OffsetPages<T> page = OffsetPages.of(all, size, marker)
                .orElseThrow(() -> IamErrors.validation("Invalid Marker."));
        return new IamPages<>(page.items(), page.hasMore(), page.nextToken());
    }
}
