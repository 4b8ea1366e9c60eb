package org.tastemap.core.model;

/** How each row's normal equations are solved. */
public enum SolverKind {
    /** A few conjugate-gradient steps warm-started from the previous factors (Takacs et al. 2011). */
    CG,
    /** The exact solve by Cholesky decomposition (EJML); slow, the reference. */
    CHOLESKY;

    /** Parses "cg" or "cholesky" (also "exact"), ignoring case. */
    public static SolverKind parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "cg" -> CG;
            case "cholesky", "exact" -> CHOLESKY;
            default -> throw new IllegalArgumentException("solver must be cg or cholesky, not '" + s + "'");
        };
    }
}
