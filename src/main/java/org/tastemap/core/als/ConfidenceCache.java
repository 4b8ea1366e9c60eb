package org.tastemap.core.als;

import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;
import org.tastemap.core.model.ConfidenceKind;

/**
 * {@code c - 1} of every stored cell of one matrix, for many settings in a row (a tune): the same
 * floats as {@link Confidence#userOrder} and {@link Confidence#itemOrder}, made faster.
 *
 * <p>For log and linear confidence {@code c - 1 = alpha * f(r)} with {@code f(r) = log(1 + r / eps)}
 * or {@code f(r) = r}, and lambda plays no part. Confidence computes the double {@code alpha * f(r)}
 * and rounds it to a float; this class keeps the doubles {@code f(r)} of the last eps in both row
 * orders and rounds {@code alpha * f(r)} the same way, so the result is bit for bit the same with
 * one multiplication per cell instead of a logarithm (on the full-size generated file, 14.2 million
 * cells in each order: 0.6 s per candidate before, README "Tuning"). Linear confidence needs no
 * cache ({@code f(r)} is the stored play count); BM25 ({@code c - 1} is not alpha times a function
 * of the cell alone in the same rounding) goes through {@link Confidence}.
 *
 * <p>Not thread-safe: one tune uses it from one thread.
 */
public final class ConfidenceCache {
    private final InteractionMatrix matrix;
    private double logEps = Double.NaN;
    private double[] logUser;
    private double[] logItem;

    public ConfidenceCache(InteractionMatrix matrix) {
        this.matrix = matrix;
    }

    /** The matrix whose cells this caches. */
    public InteractionMatrix matrix() {
        return matrix;
    }

    /** {@code {c - 1 in user order, c - 1 in item order}} of {@code params}, checked to be finite as {@link AlsEngine} checks them. */
    float[][] minusOne(AlsParams params) {
        Confidence confidence = Confidence.of(params, matrix);
        float[] user;
        float[] item;
        double a = params.alpha();
        if (params.confidence() == ConfidenceKind.LOG) {
            if (!(Double.doubleToLongBits(params.eps()) == Double.doubleToLongBits(logEps))) {
                // f(r) = log(1 + r / eps), as Confidence.minusOne computes it before the factor alpha
                logUser = log1p(matrix.userValues(), params.eps());
                logItem = log1p(matrix.itemValues(), params.eps());
                logEps = params.eps();
            }
            user = scaled(a, logUser);
            item = scaled(a, logItem);
        } else if (params.confidence() == ConfidenceKind.LINEAR) {
            // c - 1 = alpha * r, the double product rounded once, as Confidence.minusOne does
            user = scaled(a, matrix.userValues());
            item = scaled(a, matrix.itemValues());
        } else {
            user = confidence.userOrder(matrix);
            item = null;
        }
        confidence.requireFinite(matrix, user);
        if (item == null) {
            item = confidence.itemOrder(matrix);
        }
        return new float[][] {user, item};
    }

    private static double[] log1p(float[] plays, double eps) {
        double[] out = new double[plays.length];
        for (int p = 0; p < plays.length; p++) {
            out[p] = Math.log1p(plays[p] / eps);
        }
        return out;
    }

    /** {@code (float) (a * f[p])} for every p. */
    private static float[] scaled(double a, double[] f) {
        float[] out = new float[f.length];
        for (int p = 0; p < f.length; p++) {
            out[p] = (float) (a * f[p]);
        }
        return out;
    }

    /** {@code (float) (a * r[p])} for every p, the float widened to double first. */
    private static float[] scaled(double a, float[] r) {
        float[] out = new float[r.length];
        for (int p = 0; p < r.length; p++) {
            out[p] = (float) (a * r[p]);
        }
        return out;
    }
}
