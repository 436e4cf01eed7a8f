package io.localvpc.service.ec2;

import io.localvpc.api.AwsException;
import io.localvpc.service.OffsetPages;
import java.util.List;

/**
 * {@code MaxResults} / {@code NextToken} paging over a describe's (already filtered) results. The
 * token is opaque to callers; inside it is the position of the next item.
 *
 * @param <T> the items paged
 */
public record Pages<T>(List<T> items, String nextToken) {

    /** Pages with EC2's usual bounds (5 to 1000); no MaxResults means everything. */
    public static <T> Pages<T> of(List<T> all, Integer maxResults, String nextToken) {
        return of(all, maxResults, nextToken, 5, 1000);
    }

    public static <T> Pages<T> of(List<T> all, Integer maxResults, String nextToken, int min, int max) {
        if (maxResults != null && (maxResults < min || maxResults > max)) {
            throw Ec2Errors.invalidValue(
                    "Value ( " + maxResults + " ) for parameter maxResults is invalid. Parameter must be between "
                            + min + " and " + max + ".");
        }
        OffsetPages<T> page = OffsetPages.of(all, maxResults == null ? all.size() : maxResults, nextToken)
                .orElseThrow(() -> AwsException.badRequest("InvalidNextToken", "The token '" + nextToken + "' is invalid."));
        return new Pages<>(page.items(), page.nextToken());
    }

    /** AWS refuses ids together with MaxResults on the describes that take both. */
    public static void refuseIdsWithMaxResults(List<String> ids, Integer maxResults, String idParameter) {
        if (ids != null && !ids.isEmpty() && maxResults != null) {
            throw Ec2Errors.invalidCombination(
                    "The parameter " + idParameter + " cannot be used with the parameter maxResults");
        }
    }
}
