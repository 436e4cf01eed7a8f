package io.localvpc.terraform.lang;

import java.util.Collection;

/** "Did you mean ...?" for a misspelled attribute or function name: the first candidate within two edits, as HCL suggests. */
public final class Suggestions {

    private Suggestions() {}

    /** " Did you mean \"x\"?" or the empty string when no candidate is close enough. */
    public static String didYouMean(String given, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (distance(given, candidate) < 3) {
                return " Did you mean " + Strings.quote(candidate) + "?";
            }
        }
        return "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
