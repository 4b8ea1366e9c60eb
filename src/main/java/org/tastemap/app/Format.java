package org.tastemap.app;

import java.util.Locale;
import java.util.regex.Pattern;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

/** Numbers and choices written one way on every screen. */
public final class Format {
    /** Trailing zeros after a decimal point, and the point itself when nothing is left after it. */
    private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.?0+$|\\.$");

    private Format() {
    }

    /**
     * The training loss: grouped digits without an exponent ("490,912") for the sizes a loss has on
     * listening data, at most four significant digits below 100 ("0.5", "12.35"); "—" when unknown.
     */
    public static String loss(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return grouped(v);
        }
        // four significant digits, without trailing zeros: 90, 12.5, 0.5
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? TRAILING_ZEROS.matcher(s).replaceAll("") : s;
    }

    /**
     * {@code v} rounded half up to a whole number with grouped digits ("490,912"), as
     * {@code String.format(Locale.ROOT, "%,.0f", v)} writes it but without a Formatter: a chart's
     * axis asks for its tick labels many times in every layout, on the UI thread.
     */
    public static String grouped(double v) {
        double a = Math.abs(v);
        if (!(a < 1e15)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        // Math.round is exact half-up for a positive value, as the Formatter rounds
        String digits = Long.toString(Math.round(a));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (v < 0 && !digits.equals("0")) {
            b.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** A confidence function in words, for dropdowns and tables. */
    public static String confidence(ConfidenceKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case LINEAR -> "Linear  1 + α·r";
            case LOG -> "Logarithmic  1 + α·log(1 + r/ε)";
            case BM25 -> "BM25-weighted plays";
        };
    }

    /** A solver in words. */
    public static String solver(SolverKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case CG -> "Conjugate gradient (fast)";
            case CHOLESKY -> "Cholesky (exact, slower)";
        };
    }

    /** A short name of a confidence function, for the run history. */
    public static String confidenceShort(ConfidenceKind k) {
        return k == null ? "" : switch (k) {
            case LINEAR -> "linear";
            case LOG -> "log";
            case BM25 -> "BM25";
        };
    }

    /** A short name of a solver, for the run history. */
    public static String solverShort(SolverKind k) {
        return k == null ? "" : switch (k) {
            case CG -> "conjugate gradient";
            case CHOLESKY -> "Cholesky";
        };
    }
}
