package io.localvpc.service.ssm;

import io.localvpc.service.OffsetPages;
import java.util.List;

/** SSM's MaxResults/NextToken paging ({@link OffsetPages}). */
record SsmPages<T>(List<T> items, String nextToken) {
    static <T> SsmPages<T> of(List<T> all, Integer maxResults, int defaultSize, int maxSize, String token) {
        SsmErrors.range(maxResults, "maxResults", 1, maxSize);
        OffsetPages<T> page = OffsetPages.of(all, maxResults == null ? defaultSize : maxResults, token)
                .orElseThrow(() -> SsmErrors.of("InvalidNextToken", "The specified token isn't valid."));
        return new SsmPages<>(page.items(), page.nextToken());
    }
}
