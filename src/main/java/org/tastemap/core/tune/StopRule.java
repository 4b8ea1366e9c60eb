package org.tastemap.core.tune;

/**
 * When a candidate stops iterating, from its validation value after each iteration (early stopping).
 *
 * <p>After at least {@code minIterations}, a candidate stops when
 * <ul>
 *   <li><b>settled</b>: for {@code patience} iterations in a row its value moved by at most
 *       {@link #SETTLED} of the value before, up or down. A warm-started candidate begins near its
 *       neighbour's value and drifts towards its own: it is judged once the drift has stopped, not
 *       at its first peak;</li>
 *   <li><b>hopeless</b>: its factors are no longer growing fast (a cold start near the collapse lambda
 *       first dips, while its tiny random factors grow by more than {@link #GROWING} per iteration, and
 *       only then rises: measured at full size, alpha 1 and lambda 1000 fell for 3 iterations and
 *       reached MAP@10 0.130 at 12), and it is below the best value so far and not rising (a setting that overfits as
 *       it converges only falls further, so it cannot become the best), or it is rising ever more slowly
 *       ({@code gain <= the gain before}) and even that gain kept for every iteration left would not
 *       reach the best. Both leave its value at the stop, which may be a little above the value a full
 *       run would end at; only candidates below the best are cut this way, so the choice does not
 *       change.</li>
 * </ul>
 * A {@code patience} of at least {@code maxIterations} turns early stopping off (cold, full-length runs).
 */
record StopRule(int minIterations, int patience, int maxIterations) {
    /** Factors whose squared norm grew by more than this share in the last iteration are still developing. */
    static final double GROWING = 0.1;
    /** A change of at most this share of the value counts as no change. */
    static final double SETTLED = 0.005;

    /** Why a candidate stops, or {@link #CONTINUE}. */
    enum Verdict {
        CONTINUE, SETTLED, HOPELESS
    }

    /**
     * The verdict after iteration {@code t} (from 1) with values {@code v[0..t-1]} (v[t-1] the latest)
     * and {@code best} the best value of earlier candidates (NaN or -inf when none).
     */
    Verdict after(double[] v, int t, double best) {
        return after(v, t, best, false);
    }

    /**
     * The same, knowing whether the factors are still developing (their squared norm grew by more than
     * {@link #GROWING} in iteration t), which rules out hopeless.
     */
    Verdict after(double[] v, int t, double best, boolean developing) {
        if (patience >= maxIterations || t < Math.max(2, minIterations)) {
            return Verdict.CONTINUE;
        }
        double now = v[t - 1];
        double gain = now - v[t - 2];
        if (!developing && best > Double.NEGATIVE_INFINITY && now < best) {
            if (gain <= 0) {
                return Verdict.HOPELESS;
            }
            // rising, but slower than before: the same gain every iteration left is more than a slowing rise adds
            if (t >= 3 && gain <= v[t - 2] - v[t - 3] && now + gain * (maxIterations - t) < best) {
                return Verdict.HOPELESS;
            }
        }
        int still = 0;
        for (int i = t - 1; i >= 1 && still < patience; i--) {
            // |v_i - v_(i-1)| <= SETTLED * |v_(i-1)|
            if (Math.abs(v[i] - v[i - 1]) <= SETTLED * Math.abs(v[i - 1])) {
                still++;
            } else {
                break;
            }
        }
        return still >= patience ? Verdict.SETTLED : Verdict.CONTINUE;
    }

    /** The sum of squares of {@code a}, in double. */
    static double squaredNorm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return s;
    }
}
