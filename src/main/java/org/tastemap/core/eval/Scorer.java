package org.tastemap.core.eval;

import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.FactorModel;

/** Scores every artist for a user; higher ranks first. */
@FunctionalInterface
public interface Scorer {
    /** Writes the score of every artist i for user u into {@code out[i]}. */
    void scores(int user, float[] out);

    /**
     * {@code x_u . y_i} of a factor model. The result is a {@link BlockScorer}, so that
     * {@link RankingMetrics} scores many users at once with the vector kernels.
     */
    static BlockScorer of(FactorModel m) {
        return new BlockScorer() {
            @Override
            public FactorModel model() {
                return m;
            }

            @Override
            public void scores(int u, float[] out) {
                int k = m.factors();
                float[] x = m.userFactors();
                float[] y = m.itemFactors();
                int items = m.numItems();
                int xo = u * k;
                for (int i = 0; i < items; i++) {
                    int yo = i * k;
                    float s = 0;
                    for (int f = 0; f < k; f++) {
                        s += x[xo + f] * y[yo + f];
                    }
                    out[i] = s;
                }
            }
        };
    }

    /** The most-popular baseline: every user gets the artists ranked by their number of listeners in {@code train}. */
    static Scorer popularity(InteractionMatrix train) {
        float[] pop = new float[train.numItems()];
        for (int i = 0; i < pop.length; i++) {
            pop[i] = train.itemCount(i);
        }
        return (u, out) -> System.arraycopy(pop, 0, out, 0, pop.length);
    }
}
