package org.tastemap.core.eval;

/**
 * Held-out ranking quality over {@code users} test users, each ranking the artists they did not
 * play in training.
 *
 * @param precisionAtK     hits in the top K / min(K, test artists), averaged over users (as implicit computes it)
 * @param mapAtK           mean average precision at K
 * @param ndcgAtK          normalised discounted cumulative gain at K (binary relevance)
 * @param auc              probability that a held-out artist outranks an unplayed one (ties count half)
 * @param expectedPercentileRank HKV's rank-bar: the play-weighted mean percentile rank of held-out
 *                         artists, 0 = top of the list, 0.5 = random; lower is better
 * @param k                the K of the @K metrics
 * @param users            how many test users were evaluated
 */
public record Metrics(double precisionAtK, double mapAtK, double ndcgAtK, double auc, double expectedPercentileRank,
                      int k, int users) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "p@%d=%.4f map@%d=%.4f ndcg@%d=%.4f auc=%.4f epr=%.4f (%d users)",
                k, precisionAtK, k, mapAtK, k, ndcgAtK, auc, expectedPercentileRank, users);
    }
}
