package io.localvpc.service.ssm;

import io.localvpc.service.OffsetPages;
import java.util.List;

/** SSM's MaxResults/NextToken paging ({@link OffsetPages}). */
public record SsmPages<T>(List<T> items, String nextToken) {
    public static <T> SsmPages<T> of(List<T> all, Integer maxResults, int defaultSize, int maxSize, String token) {
        return of(all, maxResults, 1, defaultSize, maxSize, token);
    }

    /** A page of {@code maxResults} (checked against {@code minSize}..{@code maxSize}; {@code defaultSize} when null). */
    public static <T> SsmPages<T> of(List<T> all, Integer maxResults, int minSize, int defaultSize, int maxSize, String token) {
        SsmErrors.range(maxResults, "maxResults", minSize, maxSize);
        OffsetPages<T> page = OffsetPages.of(all, maxResults == null ? defaultSize : maxResults, token)
                .orElseThrow(() -> SsmErrors.of("InvalidNextToken", "The specified token isn't valid."));
        return new SsmPages<>(page.items(), page.nextToken());
    }
}
