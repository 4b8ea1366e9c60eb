package org.tastemap.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The candidates closest to a mistyped word: fewest single-character edits (Levenshtein distance).
 * The one "did you mean" of Tastemap: the command line's options, commands, artists and listener
 * ids, and the app's listener ids ({@link NameSearch#closest}).
 *
 * <p>Edits rather than a shared start, because a person mistypes anywhere: a 40-character listener
 * id with its 5th character wrong shares only 4 characters of its start with itself, as it does
 * with about 1 in 65,000 other ids (16^4), while it is one edit away from itself and about 30 from
 * any other; a letter left out of "Northern Meadows" is one edit too.
 */
public final class Closest {
    private Closest() {
    }

    /**
     * The most edits a suggestion may be away: a quarter of the typed length, and at least 2 (a
     * swapped pair of letters is two edits): "Nothern Meadows" finds "Northern Meadows", a 40-digit
     * id with a digit missing finds the id, and a short word is not matched by every other one.
     */
    public static int maxEdits(String typed) {
        return Math.max(2, typed.length() / 4);
    }

    /**
     * Up to {@code limit} indexes of candidates within {@link #maxEdits} of {@code typed}, closest
     * first (one equal to it, if any, at 0 edits); among equals, the lower index (callers list the
     * more likely ones first).
     *
     * @param count     how many candidates
     * @param candidate the candidate at an index, as it is to be compared (normalised alike)
     */
    public static List<Integer> indexes(String typed, int count, IntFunction<String> candidate, int limit) {
        return indexes(typed, count, candidate, i -> true, limit);
    }

    /**
     * As {@link #indexes(String, int, IntFunction, int)}, among the indexes {@code accept} lets through.
     */
    public static List<Integer> indexes(String typed, int count, IntFunction<String> candidate, IntPredicate accept, int limit) {
        int max = maxEdits(typed);
        LevenshteinDistance distance = new LevenshteinDistance(max);
        List<int[]> found = new ArrayList<>();   // {index, distance}
        for (int i = 0; i < count; i++) {
            String c = candidate.apply(i);
            // the distance is at least the difference in length: skip the call when that is too much
            if (Math.abs(c.length() - typed.length()) > max || !accept.test(i)) {
                continue;
            }
            int dist = distance.apply(typed, c);
            if (dist >= 0) {
                found.add(new int[] {i, dist});
            }
        }
        found.sort(Comparator.<int[]>comparingInt(f -> f[1]).thenComparingInt(f -> f[0]));
        return found.stream().limit(limit).map(f -> f[0]).toList();
    }

    /** The candidates within reach of {@code typed}, closest first, at most {@code limit}. */
    public static List<String> among(String typed, List<String> candidates, int limit) {
        return indexes(typed, candidates.size(), candidates::get, limit).stream().map(candidates::get).toList();
    }
}
