package org.tastemap.core.eval;

import org.tastemap.core.data.InteractionMatrix;

/**
 * The one held-out evaluation protocol that the command line ({@code train --holdout},
 * {@code evaluate}) and the app's Train screen share, so that the same data and settings give the
 * same numbers everywhere:
 * <ul>
 *   <li>the split: {@link TrainTestSplit} of {@code fraction} of the artists of each listener with at
 *       least {@link #MIN_ARTISTS}, seeded by {@code seed};</li>
 *   <li>the evaluated listeners: at most {@link #EVAL_USERS} of the listeners with held-out artists,
 *       a sample seeded by the same {@code seed} (all of them when there are fewer);</li>
 *   <li>the metrics at {@link #K} ({@link RankingMetrics}), which do not depend on the thread count.</li>
 * </ul>
 *
 * @param fraction the share of each listener's artists held out, in (0, 1)
 * @param seed     the seed of the split and of the sample of evaluated listeners
 */
public record Holdout(double fraction, long seed) {
    /** Listeners with fewer artists keep them all in training. */
    public static final int MIN_ARTISTS = 5;
    /** At most this many test listeners are evaluated (about 0.5 s at full Last.fm size). */
    public static final int EVAL_USERS = 5000;
    /** Metrics are at 10. */
    public static final int K = 10;

    public Holdout {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("The holdout fraction must be between 0 and 1 (got " + fraction + ").");
        }
    }

    public TrainTestSplit split(InteractionMatrix all) {
        return TrainTestSplit.split(all, fraction, MIN_ARTISTS, seed);
    }

    /** The metrics of {@code scorer} on {@code split} over the protocol's sample of test listeners. */
    public Metrics evaluate(Scorer scorer, TrainTestSplit split, int threads) {
        return evaluate(scorer, split, EVAL_USERS, threads);
    }

    /** The same over at most {@code maxUsers} test listeners (the same seeded draw, cut shorter). */
    public Metrics evaluate(Scorer scorer, TrainTestSplit split, int maxUsers, int threads) {
        return RankingMetrics.evaluate(scorer, split.train(), split.test(), K, maxUsers, seed, threads);
    }

    /** The same, filling {@code detail} with each listener's top K and held-out ranks. */
    public Metrics evaluate(Scorer scorer, TrainTestSplit split, int maxUsers, int threads, EvaluationDetail detail) {
        return RankingMetrics.evaluate(scorer, split.train(), split.test(), K, maxUsers, seed, threads, detail);
    }
}
