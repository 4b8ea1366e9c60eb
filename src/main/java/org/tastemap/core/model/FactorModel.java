package org.tastemap.core.model;

import java.util.Objects;
import org.tastemap.core.model.AlsParams;

/**
 * Trained factors: {@code x_u} for every user and {@code y_i} for every artist, each of length k,
 * stored row-major in contiguous float arrays ({@code userFactors[u*k + f]}).
 *
 * <p>Immutable by contract: the arrays are handed over at construction and never written again;
 * accessors return them without copying so that queries stay cheap at full Last.fm size.
 *
 * @param params     the parameters the factors were trained with
 * @param iterations the number of full ALS iterations behind these factors
 */
public record FactorModel(int factors, int numUsers, int numItems, float[] userFactors, float[] itemFactors,
                          AlsParams params, int iterations) {
    public FactorModel {
        Objects.requireNonNull(userFactors, "userFactors");
        Objects.requireNonNull(itemFactors, "itemFactors");
        Objects.requireNonNull(params, "params");
        if (factors < 1 || (long) numUsers * factors != userFactors.length || (long) numItems * factors != itemFactors.length) {
            throw new IllegalArgumentException("factor arrays do not match " + numUsers + " users, " + numItems
                    + " artists and " + factors + " factors");
        }
    }

    /** x_u . y_i */
    public float score(int u, int i) {
        int k = factors;
        int a = u * k;
        int b = i * k;
        float s = 0;
        for (int f = 0; f < k; f++) {
            s += userFactors[a + f] * itemFactors[b + f];
        }
        return s;
    }

    /** A copy of x_u. */
    public float[] userVector(int u) {
        float[] out = new float[factors];
        System.arraycopy(userFactors, u * factors, out, 0, factors);
        return out;
    }

    /** A copy of y_i. */
    public float[] itemVector(int i) {
        float[] out = new float[factors];
        System.arraycopy(itemFactors, i * factors, out, 0, factors);
        return out;
    }

    /** True when every factor is finite. */
    public boolean isFinite() {
        return allFinite(userFactors) && allFinite(itemFactors);
    }

    static boolean allFinite(float[] a) {
        for (float v : a) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FactorModel m && factors == m.factors && iterations == m.iterations
                && java.util.Arrays.equals(userFactors, m.userFactors) && java.util.Arrays.equals(itemFactors, m.itemFactors)
                && params.equals(m.params);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(itemFactors) * 31 + factors;
    }

    @Override
    public String toString() {
        return "FactorModel[" + numUsers + " users, " + numItems + " artists, k=" + factors + ", " + iterations + " iterations]";
    }
}
