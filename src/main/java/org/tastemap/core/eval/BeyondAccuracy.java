package org.tastemap.core.eval;

import org.tastemap.core.model.Popularity;

/**
 * Beyond-accuracy measures of the top-K lists an evaluation produced ({@link EvaluationDetail}),
 * over the listeners that had a result (a list):
 * <ul>
 *   <li>catalogue coverage = distinct artists in all the lists / artists in the catalogue;</li>
 *   <li>mean popularity percentile = the mean of {@link Popularity#percentile} over every list
 *       entry: 100 * (artists with fewer listeners) / artists; near 100 means the lists hold the
 *       most popular artists, near 50 the typical one;</li>
 *   <li>novelty = the mean over every list entry of {@code -log2(listeners_i / users)}, the
 *       self-information of recommending artist i (Zhou et al. 2010, PNAS; Castells, Hurley &amp;
 *       Vargas, Recommender Systems Handbook ch. 26): higher is less obvious. An artist without
 *       listeners counts as having one.</li>
 * </ul>
 *
 * @param coverage             distinct artists recommended / catalogue size, 0..1
 * @param popularityPercentile mean popularity percentile of the recommended artists, 0..100
 * @param novelty              mean -log2 of the popularity share of the recommended artists, in bits
 * @param distinctArtists      distinct artists in the lists
 * @param entries              list entries counted
 * @param lists                listeners with a list
 */
public record BeyondAccuracy(double coverage, double popularityPercentile, double novelty, int distinctArtists,
                             long entries, int lists) {

    /** The measures of {@code detail}'s lists, with popularity from {@code pop} (whose catalogue is the model's). */
    public static BeyondAccuracy of(EvaluationDetail detail, Popularity pop) {
        boolean[] seen = new boolean[pop.artists()];
        int distinct = 0;
        long entries = 0;
        int lists = 0;
        double pctSum = 0;
        double novSum = 0;
        for (int q = 0; q < detail.size(); q++) {
            int[] top = detail.top(q);
            if (top.length == 0) {
                continue;
            }
            lists++;
            for (int i : top) {
                if (!seen[i]) {
                    seen[i] = true;
                    distinct++;
                }
                entries++;
                pctSum += pop.percentile(i);
                // self-information of the artist: -log2(share)
                novSum += -Math.log(pop.share(i)) / Math.log(2);
            }
        }
        if (entries == 0) {
            return new BeyondAccuracy(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        return new BeyondAccuracy((double) distinct / pop.artists(), pctSum / entries, novSum / entries, distinct, entries, lists);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "coverage=%.4f popularity-percentile=%.2f novelty=%.3f bits (%d lists)",
                coverage, popularityPercentile, novelty, lists);
    }
}
