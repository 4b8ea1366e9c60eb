package org.tastemap.core.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Finds names as a person types: ignoring case and accents ("Bjork" finds "Björk"), matching the
 * start of the name first, then the start of any word in it, then anywhere in it; within each tier
 * the more popular entry (more listeners) comes first.
 *
 * <p>Names are normalised once and joined in popularity order into one string; a query jumps from
 * one name containing it to the next with {@code String.indexOf}, skipping the names that cannot
 * match, and stops as soon as the best tier is full. A rare query that must scan every name costs
 * one vectorized string scan (a few MB) instead of three string tests per name.
 */
public final class NameSearch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String[] normalized;   // by popularity rank
    private final int[] byRank;          // rank -> index
    private final String all;            // the normalized names by rank, each followed by '\n'
    private final int[] startOf;         // rank -> offset of its name in all; startOf[size] = all.length()

    /**
     * @param names      display names by index
     * @param popularity a weight by index (listeners); higher ranks first
     */
    public NameSearch(String[] names, int[] popularity) {
        if (names.length != popularity.length) {
            throw new IllegalArgumentException("names and popularity differ in length");
        }
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> popularity[a] != popularity[b] ? Integer.compare(popularity[b], popularity[a]) : Integer.compare(a, b));
        byRank = new int[names.length];
        normalized = new String[names.length];
        for (int r = 0; r < order.length; r++) {
            byRank[r] = order[r];
            normalized[r] = normalize(names[order[r]]);
        }
        // one string of all names, so that a query jumps from match to match with String.indexOf
        // (a vectorized scan) instead of testing every name; normalized names hold no '\n'
        startOf = new int[names.length + 1];
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < normalized.length; r++) {
            startOf[r] = b.length();
            b.append(normalized[r]).append('\n');
        }
        startOf[normalized.length] = b.length();
        all = b.toString();
    }

    /** A search over the artists of a dataset, ranked by listeners. */
    public static NameSearch artists(Dataset d) {
        int[] listeners = new int[d.matrix().numItems()];
        for (int i = 0; i < listeners.length; i++) {
            listeners[i] = d.matrix().itemCount(i);
        }
        return new NameSearch(d.artistNames(), listeners);
    }

    /** A search over the user ids of a dataset, ranked by how many artists they played. */
    public static NameSearch users(Dataset d) {
        int[] artists = new int[d.matrix().numUsers()];
        for (int u = 0; u < artists.length; u++) {
            artists[u] = d.matrix().userCount(u);
        }
        return new NameSearch(d.users().toArray(), artists);
    }

    /** Lower case, accents removed, spaces collapsed. */
    public static String normalize(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        d = MARKS.matcher(d).replaceAll("");
        return d.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /** Up to {@code limit} indexes matching {@code query}, best first; empty for a blank query. */
    public List<Integer> search(String query, int limit) {
        String q = normalize(query);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<Integer> starts = new ArrayList<>();
        List<Integer> wordStarts = new ArrayList<>();
        List<Integer> contains = new ArrayList<>();
        String wordQ = " " + q;
        // the names in rank order that contain q at all, each once; names without q could not enter any tier
        int from = 0;
        while (starts.size() < limit) {
            int at = all.indexOf(q, from);
            if (at < 0) {
                break;
            }
            int r = rankAt(at);
            String n = normalized[r];
            if (n.startsWith(q)) {
                starts.add(byRank[r]);
            } else if (wordStarts.size() + starts.size() < limit) {
                if (n.contains(wordQ)) {
                    wordStarts.add(byRank[r]);
                } else if (contains.size() + wordStarts.size() + starts.size() < limit) {
                    contains.add(byRank[r]);
                }
            }
            from = startOf[r + 1];
        }
        List<Integer> out = new ArrayList<>(limit);
        for (List<Integer> tier : List.of(starts, wordStarts, contains)) {
            for (int i : tier) {
                if (out.size() < limit) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /**
     * What a person who typed {@code typed} (and found nothing equal to it) most likely meant, best
     * first, up to {@code limit}: the names a few edits away ({@link Closest}: a character missing,
     * extra, wrong or two swapped), fewest edits first and the more popular among equals; then the
     * names that hold what was typed ({@link #search}: a truncated or partial id or name). Case and
     * accents are ignored throughout, so a name that differs from the typed one only in them comes
     * first (no edits). It compares the query with every name (those whose length differs by more
     * than the reach are skipped at once), so call it off the UI thread.
     *
     * @param accept which indexes may be offered (e.g. the listeners whose history a model holds)
     */
    public List<Integer> closest(String typed, int limit, IntPredicate accept) {
        String q = normalize(typed);
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (int r : Closest.indexes(q, normalized.length, rank -> normalized[rank], rank -> accept.test(byRank[rank]), limit)) {
            out.add(byRank[r]);
        }
        // then the names holding it, in search order; a few more than needed, for those refused
        for (int i : search(q, 2 * limit + 20)) {
            if (out.size() >= limit) {
                break;
            }
            if (accept.test(i)) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    /** The rank whose name (or its '\n') holds offset {@code at} of {@link #all}. */
    private int rankAt(int at) {
        int lo = 0;
        int hi = normalized.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startOf[mid] <= at) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public int size() {
        return normalized.length;
    }
}
