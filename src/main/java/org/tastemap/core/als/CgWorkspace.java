package org.tastemap.core.als;

/**
 * One row's CG scratch vectors r, p, Ap, and b for the row objective, shared by the scalar
 * {@link ConjugateGradientSolver} and the vector solver's rows. One workspace serves one thread.
 */
final class CgWorkspace {
    final float[] r;
    final float[] p;
    final float[] ap;
    final float[] b;
    /** Per-non-zero coefficients of the vector solver's two-pass products for wide k; grows to the longest row. */
    private float[] coef = new float[64];

    CgWorkspace(int k) {
        r = new float[k];
        p = new float[k];
        ap = new float[k];
        b = new float[k];
    }

    /** The coefficient buffer, at least {@code n} long. */
    float[] coef(int n) {
        if (coef.length < n) {
            coef = new float[Math.max(n, coef.length * 2)];
        }
        return coef;
    }
}
