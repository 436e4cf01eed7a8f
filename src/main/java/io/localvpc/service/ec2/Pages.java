package io.localvpc.service.ec2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        int start = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken);
        if (maxResults != null && (maxResults < min || maxResults > max)) {
            throw Ec2Errors.invalidValue(
                    "Value ( " + maxResults + " ) for parameter maxResults is invalid. Parameter must be between "
                            + min + " and " + max + ".");
        }
        if (start > all.size()) {
            throw invalidToken(nextToken);
        }
        int end = maxResults == null ? all.size() : Math.min(all.size(), start + maxResults);
        String next = end < all.size() ? encode(end) : null;
        return new Pages<>(List.copyOf(all.subList(start, end)), next);
    }

    /** AWS refuses ids together with MaxResults on the describes that take both. */
    public static void refuseIdsWithMaxResults(List<String> ids, Integer maxResults, String idParameter) {
        if (ids != null && !ids.isEmpty() && maxResults != null) {
            throw Ec2Errors.invalidCombination(
                    "The parameter " + idParameter + " cannot be used with the parameter maxResults");
        }
    }

    private static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("p:")) {
                throw invalidToken(token);
            }
            int position = Integer.parseInt(text.substring(2));
            if (position < 0) {
                throw invalidToken(token);
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw invalidToken(token);
        }
    }

    private static RuntimeException invalidToken(String token) {
        return io.localvpc.api.AwsException.badRequest("InvalidNextToken", "The token '" + token + "' is invalid.");
    }
}
