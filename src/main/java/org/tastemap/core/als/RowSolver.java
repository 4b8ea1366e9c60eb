package org.tastemap.core.als;

/**
 * Solves one row's normal equations
 * {@code x_u = (YtY + Yt(Cu - I)Y + lambda I)^-1 Yt Cu p(u)} and writes x_u into
 * {@code step.target()} in place. Implementations keep all scratch space in the workspace they
 * create, so a hot loop allocates nothing; one workspace serves one thread.
 */
public interface RowSolver {
    /** Scratch space for one thread. */
    Object newWorkspace(int k);

    /** Solves row {@code row} of {@code step}, reading its current value as the starting point if useful. */
    void solve(HalfStep step, int row, Object workspace);

    /** The solver the parameters ask for. */
    static RowSolver of(AlsParams params) {
        return switch (params.solver()) {
            case CG -> ConjugateGradientSolver.create(params.cgSteps());
            case CHOLESKY -> new CholeskySolver();
        };
    }
}
