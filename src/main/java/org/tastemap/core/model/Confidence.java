package org.tastemap.core.model;

import org.tastemap.core.data.InteractionMatrix;

/**
 * Turns play counts into confidences. For every stored cell it gives {@code c_ui - 1}, which is
 * what the solvers need: the normal equations are
 * {@code (YtY + Yt(Cu - I)Y + lambda I) x_u = Yt Cu p(u)}, and {@code p_ui = 1} exactly on the stored cells.
 *
 * <ul>
 *   <li>linear: {@code c_ui = 1 + alpha * r_ui}</li>
 *   <li>log: {@code c_ui = 1 + alpha * log(1 + r_ui / eps)}</li>
 *   <li>bm25: {@code c_ui = 1 + alpha * w_ui} with the Okapi BM25 weight
 *       {@code w_ui = r_ui (K1 + 1) / (K1 * norm_u + r_ui) * idf_i},
 *       {@code norm_u = 1 - B + B * sum_i r_ui / mean_u(sum_i r_ui)} and
 *       {@code idf_i = max(0, log(users) - log(1 + listeners_i))}, the weighting the implicit library
 *       uses for Last.fm. The idf is clamped at 0 so that every confidence stays at least 1.</li>
 * </ul>
 */
public final class Confidence {
    private final AlsParams params;
    private final double[] idf;         // bm25 only
    private final double meanRowTotal;  // bm25 only

    private Confidence(AlsParams params, double[] idf, double meanRowTotal) {
        this.params = params;
        this.idf = idf;
        this.meanRowTotal = meanRowTotal;
    }

    /** The confidence of {@code params} over {@code matrix} (whose statistics BM25 needs). */
    public static Confidence of(AlsParams params, InteractionMatrix matrix) {
        if (params.confidence() != ConfidenceKind.BM25) {
            return new Confidence(params, null, 0);
        }
        int[] listeners = new int[matrix.numItems()];
        for (int i = 0; i < listeners.length; i++) {
            listeners[i] = matrix.itemCount(i);
        }
        double total = 0;
        for (float v : matrix.userValues()) {
            total += v;
        }
        return of(params, matrix.numUsers(), listeners, total);
    }

    /**
     * The confidence of {@code params} over data given by its statistics, as {@link #of(AlsParams, InteractionMatrix)}
     * computes them from a matrix: {@code users} listeners (rows), {@code listeners[i]} listeners of artist i and
     * {@code playsTotal} plays in all; only BM25 uses them. For data that is not in one matrix (the Spark job's).
     */
    public static Confidence of(AlsParams params, int users, int[] listeners, double playsTotal) {
        if (params.confidence() != ConfidenceKind.BM25) {
            return new Confidence(params, null, 0);
        }
        int m = listeners.length;
        double[] idf = new double[m];
        // idf_i = max(0, log N - log(1 + listeners_i))
        double logN = Math.log(Math.max(1, users));
        for (int i = 0; i < m; i++) {
            idf[i] = Math.max(0.0, logN - Math.log1p(listeners[i]));
        }
        double mean = users == 0 ? 1 : playsTotal / users;
        return new Confidence(params, idf, mean > 0 ? mean : 1);
    }

    /**
     * The confidence a trained model's own rows were trained with. For a model holding every history
     * that is {@link #of(AlsParams, InteractionMatrix)} over its matrix; for one holding a sample, BM25
     * takes its statistics from the full data: {@code idf_i} from the full data's listeners of i and
     * every listener, the mean plays per listener from {@link ModelMetadata#PLAYS_TOTAL} (else from
     * the held listeners' rows, the sample's estimate).
     */
    public static Confidence of(TrainedModel t) {
        AlsParams params = t.factors().params();
        InteractionMatrix matrix = t.dataset().matrix();
        if (params.confidence() != ConfidenceKind.BM25 || t.histories().isComplete()) {
            return of(params, matrix);
        }
        int m = matrix.numItems();
        double[] idf = new double[m];
        // idf_i = max(0, log N - log(1 + listeners_i)), N and listeners_i of the full data
        double logN = Math.log(Math.max(1, matrix.numUsers()));
        for (int i = 0; i < m; i++) {
            idf[i] = Math.max(0.0, logN - Math.log1p(t.artistListeners(i)));
        }
        double mean = fullDataMean(t);
        if (!(mean > 0) || Double.isInfinite(mean)) {
            double held = 0;
            for (float v : matrix.userValues()) {
                held += v;
            }
            // mean over the held listeners: a seeded sample's estimate of the full data's mean
            mean = held / Math.max(1, t.histories().heldCount());
        }
        return new Confidence(params, idf, mean > 0 ? mean : 1);
    }

    private static double fullDataMean(TrainedModel t) {
        String total = t.metadata().get(ModelMetadata.PLAYS_TOTAL);
        if (total == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(total) / Math.max(1, t.dataset().matrix().numUsers());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** {@code c - 1} for a cell of item {@code i} with {@code r} plays, in a row whose plays sum to {@code rowTotal}. */
    public double minusOne(int i, double r, double rowTotal) {
        double a = params.alpha();
        return switch (params.confidence()) {
            case LINEAR -> a * r;
            case LOG -> a * Math.log1p(r / params.eps());
            case BM25 -> {
                double k1 = params.bm25K1();
                double b = params.bm25B();
                double norm = 1.0 - b + b * rowTotal / meanRowTotal;
                yield a * r * (k1 + 1.0) / (k1 * norm + r) * idf[i];
            }
        };
    }

    /** {@code c - 1} for the cells of one user row given as artist indexes and plays (also for a new user). */
    public float[] rowMinusOne(int[] items, float[] plays) {
        double total = 0;
        for (float v : plays) {
            total += v;
        }
        float[] out = new float[items.length];
        for (int p = 0; p < items.length; p++) {
            out[p] = (float) minusOne(items[p], plays[p], total);
        }
        return out;
    }

    /** {@code c_ui - 1} for every stored cell, in the order of {@link InteractionMatrix#userItems()}. */
    public float[] userOrder(InteractionMatrix x) {
        int[] ptr = x.userPtr();
        int[] items = x.userItems();
        float[] vals = x.userValues();
        float[] out = new float[vals.length];
        for (int u = 0; u < x.numUsers(); u++) {
            double total = params.confidence() == ConfidenceKind.BM25 ? x.userTotal(u) : 0;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                out[p] = (float) minusOne(items[p], vals[p], total);
            }
        }
        return out;
    }

    /** {@code c_ui - 1} for every stored cell, in the order of {@link InteractionMatrix#itemUsers()}. */
    public float[] itemOrder(InteractionMatrix x) {
        int[] ptr = x.itemPtr();
        int[] users = x.itemUsers();
        float[] vals = x.itemValues();
        float[] out = new float[vals.length];
        double[] totals = null;
        if (params.confidence() == ConfidenceKind.BM25) {
            totals = new double[x.numUsers()];
            for (int u = 0; u < x.numUsers(); u++) {
                totals[u] = x.userTotal(u);
            }
        }
        for (int i = 0; i < x.numItems(); i++) {
            for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                out[p] = (float) minusOne(i, vals[p], totals == null ? 0 : totals[users[p]]);
            }
        }
        return out;
    }

    /**
     * A stored cell and its confidence minus one.
     *
     * @param user     the listener's index
     * @param item     the artist's index
     * @param plays    r_ui
     * @param minusOne c_ui - 1 as trained (a float)
     */
    public record Cell(int user, int item, double plays, double minusOne) {
    }

    /**
     * Throws {@link NonFiniteConfidenceException} for the first cell (in user order) whose
     * {@code c - 1}, as given by {@link #userOrder} in {@code cm1}, is not finite.
     */
    public void requireFinite(InteractionMatrix x, float[] cm1) {
        for (int p = 0; p < cm1.length; p++) {
            if (!Float.isFinite(cm1[p])) {
                Cell c = cellAt(x, cm1, p);
                throw new NonFiniteConfidenceException(c.user(), c.item(), c.plays(), c.minusOne(), params);
            }
        }
    }

    /** The cell of largest confidence ({@code cm1} from {@link #userOrder}), or null for an empty matrix. */
    public static Cell largest(InteractionMatrix x, float[] cm1) {
        int best = -1;
        for (int p = 0; p < cm1.length; p++) {
            // NaN compares false: a NaN cell is taken at once
            if (best < 0 || !(cm1[p] <= cm1[best])) {
                best = p;
                if (Float.isNaN(cm1[p])) {
                    break;
                }
            }
        }
        return best < 0 ? null : cellAt(x, cm1, best);
    }

    private static Cell cellAt(InteractionMatrix x, float[] cm1, int p) {
        int[] ptr = x.userPtr();
        // the row holding position p: the last u with ptr[u] <= p
        int lo = 0;
        int hi = x.numUsers() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ptr[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Cell(lo, x.userItems()[p], x.userValues()[p], cm1[p]);
    }
}
