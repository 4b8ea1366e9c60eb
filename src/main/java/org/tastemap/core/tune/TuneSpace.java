package org.tastemap.core.tune;

import java.util.ArrayList;
import java.util.List;
import org.tastemap.core.model.ConfidenceKind;

/**
 * Where a tune searches. The coarse grid is every combination of {@code confidences} x
 * {@code factors} x {@code alphas} x {@code lambdas}; refinement then looks between grid values on
 * log scales, never outside [{@link #MIN_LAMBDA}, {@link #MAX_LAMBDA}] for lambda and
 * [{@link #MIN_ALPHA}, {@link #MAX_ALPHA}] for alpha.
 *
 * @param confidences the confidence kinds tried
 * @param factors     the factor counts tried
 * @param alphas      the grid's alphas, ascending
 * @param lambdas     the grid's lambdas, ascending
 * @param refine      whether to refine around the best grid cell after the grid
 */
public record TuneSpace(List<ConfidenceKind> confidences, List<Integer> factors, List<Double> alphas, List<Double> lambdas,
                        boolean refine) {
    public static final double MIN_LAMBDA = 1e-3;
    public static final double MAX_LAMBDA = 1e4;
    public static final double MIN_ALPHA = 1e-2;
    public static final double MAX_ALPHA = 1e3;

    public TuneSpace {
        confidences = List.copyOf(confidences);
        factors = List.copyOf(factors);
        alphas = sortedCopy(alphas);
        lambdas = sortedCopy(lambdas);
        List<String> p = new ArrayList<>();
        if (confidences.isEmpty() || factors.isEmpty() || alphas.isEmpty() || lambdas.isEmpty()) {
            p.add("A tune needs at least one confidence, factor count, alpha and lambda.");
        }
        for (int k : factors) {
            if (k < 1 || k > 1024) {
                p.add("Factors must be between 1 and 1024 (got " + k + ").");
            }
        }
        for (double a : alphas) {
            if (!(a > 0) || Double.isInfinite(a)) {
                p.add("Alphas of a tune must be finite and above 0 (got " + a + ").");
            }
        }
        for (double l : lambdas) {
            if (!(l > 0) || Double.isInfinite(l)) {
                p.add("Lambdas of a tune must be finite and above 0 (got " + l + ").");
            }
        }
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", p));
        }
    }

    /**
     * The default space: log confidence at {@code k} factors, alpha 0.3, 3 and 30 (a decade apart),
     * lambda 1e-3 to 1e4 by decades (eight values), refined. A coarser lambda grid (five values, factors
     * of 56) missed a sharp optimum on planted data (TunerTest): the peak lay between two cells.
     */
    public static TuneSpace defaults(int k) {
        return new TuneSpace(List.of(ConfidenceKind.LOG), List.of(k), List.of(0.3, 3.0, 30.0), logRange(MIN_LAMBDA, MAX_LAMBDA, 8), true);
    }

    /** {@code n} values from {@code lo} to {@code hi} equally spaced on a log scale ({@code lo} alone when n is 1). */
    public static List<Double> logRange(double lo, double hi, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // lo * (hi/lo)^(i/(n-1)), rounded to 3 significant digits so that the values print cleanly
            double v = n == 1 ? lo : lo * Math.pow(hi / lo, i / (double) (n - 1));
            out.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v)));
        }
        return out;
    }

    public TuneSpace withConfidences(List<ConfidenceKind> v) {
        return new TuneSpace(v, factors, alphas, lambdas, refine);
    }

    public TuneSpace withFactors(List<Integer> v) {
        return new TuneSpace(confidences, v, alphas, lambdas, refine);
    }

    public TuneSpace withAlphas(List<Double> v) {
        return new TuneSpace(confidences, factors, v, lambdas, refine);
    }

    public TuneSpace withLambdas(List<Double> v) {
        return new TuneSpace(confidences, factors, alphas, v, refine);
    }

    public TuneSpace withRefine(boolean v) {
        return new TuneSpace(confidences, factors, alphas, lambdas, v);
    }

    /** The number of grid cells. */
    public int gridSize() {
        return confidences.size() * factors.size() * alphas.size() * lambdas.size();
    }

    private static List<Double> sortedCopy(List<Double> v) {
        List<Double> c = new ArrayList<>(v);
        c.sort(null);
        return List.copyOf(c);
    }
}
