package org.tastemap.core.eval;

import org.tastemap.core.model.FactorModel;

/**
 * A {@link Scorer} backed by a factor model, which can therefore score blocks of users over blocks of
 * artists at once ({@link BlockEvaluation}) instead of one user at a time. Its per-user
 * {@link #scores} stays the plain scalar dot product, the reference the block path is tested against.
 */
public interface BlockScorer extends Scorer {
    /** The factors behind the scores: {@code score(u, i) = x_u . y_i}. */
    FactorModel model();
}
