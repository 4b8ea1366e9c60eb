package org.tastemap.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Which artists a recommendation or similar-artist list may show: not among the {@code excludeTop}
 * most listened artists, and with between {@code minListeners} and {@code maxListeners} listeners
 * (both inclusive). Scores of the artists that remain are not changed; the list is refilled from
 * further down the ranking.
 *
 * @param excludeTop   leave out the artists at popularity rank 0 .. excludeTop-1 ({@link Popularity#rank}); 0 for none
 * @param minListeners at least this many listeners; 0 for no minimum
 * @param maxListeners at most this many listeners; {@link Integer#MAX_VALUE} for no maximum
 */
public record ArtistFilter(int excludeTop, int minListeners, int maxListeners) {
    public static final ArtistFilter NONE = new ArtistFilter(0, 0, Integer.MAX_VALUE);

    public ArtistFilter {
        List<String> problems = problems(excludeTop, minListeners, maxListeners);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * What is wrong with these values, in words an option or a field can show (empty when nothing):
     * negative numbers, or a minimum above the maximum.
     */
    public static List<String> problems(long excludeTop, long minListeners, long maxListeners) {
        List<String> out = new ArrayList<>();
        if (excludeTop < 0) {
            out.add("the number of most popular artists to leave out must be 0 or more (got " + excludeTop + ")");
        }
        if (minListeners < 0) {
            out.add("the minimum listener count must be 0 or more (got " + minListeners + ")");
        }
        if (maxListeners < 0) {
            out.add("the maximum listener count must be 0 or more (got " + maxListeners + ")");
        }
        if (minListeners >= 0 && maxListeners >= 0 && minListeners > maxListeners) {
            out.add("the minimum listener count (" + minListeners + ") is above the maximum (" + maxListeners + ")");
        }
        return out;
    }

    public boolean isNone() {
        return excludeTop == 0 && minListeners == 0 && maxListeners == Integer.MAX_VALUE;
    }

    /** The test of one artist against {@code pop}; null when this filter lets every artist through. */
    public IntPredicate allowed(Popularity pop) {
        if (isNone()) {
            return null;
        }
        return i -> pop.rank(i) >= excludeTop && pop.listeners(i) >= minListeners && pop.listeners(i) <= maxListeners;
    }

    /** The test combined with another (null means all). */
    public IntPredicate allowed(Popularity pop, IntPredicate and) {
        IntPredicate mine = allowed(pop);
        if (mine == null) {
            return and;
        }
        return and == null ? mine : mine.and(and);
    }

    /** "without the top 10 · 5-1,000 listeners", or "" for no filter. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (excludeTop > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "without the %,d most popular", excludeTop));
        }
        boolean min = minListeners > 0;
        boolean max = maxListeners != Integer.MAX_VALUE;
        if (min && max) {
            parts.add(String.format(java.util.Locale.ROOT, "%,d-%,d listeners", minListeners, maxListeners));
        } else if (min) {
            parts.add(String.format(java.util.Locale.ROOT, "at least %,d listeners", minListeners));
        } else if (max) {
            parts.add(String.format(java.util.Locale.ROOT, "at most %,d listeners", maxListeners));
        }
        return String.join(" · ", parts);
    }
}
