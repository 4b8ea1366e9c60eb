package org.tastemap.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The candidates closest to a mistyped word: fewest single-character edits (Levenshtein distance). */
final class Closest {
    private Closest() {
    }

    /**
     * The most edits a suggestion may be away: a quarter of the typed length, and at least 2 (a
     * swapped pair of letters is two edits): "Nothern Meadows" finds "Northern Meadows", a 40-digit
     * id with a digit missing finds the id, and a short word is not matched by every other one.
     */
    static int maxEdits(String typed) {
        return Math.max(2, typed.length() / 4);
    }

    /**
     * Up to {@code limit} indexes of candidates within {@link #maxEdits} of {@code typed}, closest
     * first; among equals, the lower index (callers list the more likely ones first).
     *
     * @param count     how many candidates
     * @param candidate the candidate at an index, as it is to be compared (normalised alike)
     */
    static List<Integer> indexes(String typed, int count, IntFunction<String> candidate, int limit) {
        LevenshteinDistance distance = new LevenshteinDistance(maxEdits(typed));
        List<int[]> found = new ArrayList<>();   // {index, distance}
        for (int i = 0; i < count; i++) {
            String c = candidate.apply(i);
            int dist = distance.apply(typed, c);
            if (dist >= 0 && !c.equals(typed)) {
                found.add(new int[] {i, dist});
            }
        }
        found.sort(Comparator.<int[]>comparingInt(f -> f[1]).thenComparingInt(f -> f[0]));
        return found.stream().limit(limit).map(f -> f[0]).toList();
    }

    /** The candidates within reach of {@code typed}, closest first, at most {@code limit}. */
    static List<String> among(String typed, List<String> candidates, int limit) {
        return indexes(typed, candidates.size(), candidates::get, limit).stream().map(candidates::get).toList();
    }
}
