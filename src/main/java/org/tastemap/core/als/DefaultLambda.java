package org.tastemap.core.als;

import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.Confidence;

/**
 * The default lambda as a function of the data: {@code min(sqrt(listeners), 0.3 sigma_max(M))},
 * where {@code M} is the confidence matrix ({@code M_ui = c_ui} for a played artist, 0 otherwise).
 *
 * <ul>
 *   <li>{@code sqrt(listeners)}: with the default confidence (log, alpha 1) the best held-out MAP@10
 *       sat at lambda 30-50 for 1,000 listeners, 100 for 10,000 and 300 for 100,000, whatever the
 *       shape of the generated data (heavy or light plays, every artist or each listener's top 50):
 *       the square root of the number of listeners (README, "Choosing the defaults").</li>
 *   <li>{@code 0.3 sigma_max}, a guard: near zero factors one ALS half-step gives
 *       {@code x_u = Yt M_u / lambda} and the other {@code y_i = Xt M_i / lambda}, so the factors grow
 *       only while {@code lambda < sigma_max(M)}; above it every factor shrinks to zero and the model
 *       falls to nothing. Measured, the collapse already starts from about half of sigma within 15
 *       iterations. Sigma moves with the play counts and alpha, which the square root cannot see:
 *       light listening (plays of median 2-3) at 100,000 listeners or more would otherwise fall off.</li>
 * </ul>
 *
 * <p>{@code sigma_max} comes from power iteration on {@code Mt M} from the all-ones vector (every
 * entry of M is positive, so the start is never orthogonal to the top singular vector): each step
 * costs two passes over the rows, and it stops once sigma moves by less than 1e-4 relative, or
 * after {@value #MAX_STEPS} steps. Deterministic: sequential sums in row order.
 *
 * <p>Data without rows, or whose confidences are not finite or absurd (above
 * {@link AlsTrainer#ABSURD_CONFIDENCE}, which training refuses or reports by itself), has no
 * meaningful sigma: its default is the constant {@code AlsParams.defaults().lambda()}.
 */
public final class DefaultLambda {
    /** The guard: lambda is at most this share of the largest singular value of the confidence matrix. */
    public static final double SIGMA_SHARE = 0.3;
    static final int MAX_STEPS = 100;

    private DefaultLambda() {
    }

    /** The default lambda for training {@code params} (its confidence and alpha) on {@code matrix}. */
    public static double of(InteractionMatrix matrix, AlsParams params) {
        return of(matrix.numUsers(), largestSingularValue(matrix, params));
    }

    /** The default lambda for {@code users} listeners whose confidence matrix has {@code sigma} as largest singular value. */
    public static double of(int users, double sigma) {
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            return AlsParams.defaults().lambda();
        }
        // lambda = min(sqrt(listeners), 0.3 sigma_max(M))
        return Math.min(Math.sqrt(users), SIGMA_SHARE * sigma);
    }

    /** {@code params} with the default lambda for {@code matrix}. */
    public static AlsParams apply(InteractionMatrix matrix, AlsParams params) {
        return params.withLambda(of(matrix, params));
    }

    /**
     * The largest singular value of the confidence matrix of {@code params} over {@code matrix}; 0
     * when it has no rows, NaN when a confidence is not finite or above {@link AlsTrainer#ABSURD_CONFIDENCE}.
     */
    public static double largestSingularValue(InteractionMatrix matrix, AlsParams params) {
        int users = matrix.numUsers();
        int items = matrix.numItems();
        if (matrix.nnz() == 0) {
            return 0;
        }
        int[] ptr = matrix.userPtr();
        int[] cols = matrix.userItems();
        // c_ui = 1 + (c_ui - 1), in user order
        float[] c = Confidence.of(params, matrix).userOrder(matrix);
        for (int p = 0; p < c.length; p++) {
            if (!(c[p] <= AlsTrainer.ABSURD_CONFIDENCE)) {
                return Double.NaN;
            }
            c[p] += 1f;
        }
        double[] w = new double[users];
        return powerIteration(items, v -> {
            // w = M v
            for (int u = 0; u < users; u++) {
                double s = 0;
                for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                    s += c[p] * v[cols[p]];
                }
                w[u] = s;
            }
            // v' = Mt w
            double[] next = new double[items];
            for (int u = 0; u < users; u++) {
                double wu = w[u];
                for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                    next[cols[p]] += c[p] * wu;
                }
            }
            return next;
        });
    }

    /**
     * The power iteration of {@link #largestSingularValue} over a matrix of {@code items} columns given by its
     * product {@code mtm}: v to {@code Mt M v} (a new array). From the all-ones direction, at most
     * {@value #MAX_STEPS} steps, until sigma moves by less than 1e-4 relative; 0 when a product is 0. A
     * distributed caller (the Spark job) computes the products in tasks.
     */
    public static double powerIteration(int items, java.util.function.UnaryOperator<double[]> mtm) {
        double[] v = new double[items];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(items));
        double sigma = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            // with |v| = 1, |Mt M v| tends to sigma^2
            v = mtm.apply(v);
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < items; i++) {
                v[i] /= norm;
            }
            double next = Math.sqrt(norm);
            boolean settled = Math.abs(next - sigma) <= 1e-4 * next;
            sigma = next;
            if (settled) {
                break;
            }
        }
        return sigma;
    }
}
