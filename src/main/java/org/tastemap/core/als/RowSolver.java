package org.tastemap.core.als;

import org.tastemap.core.linalg.VectorSupport;
import org.tastemap.core.model.AlsParams;

/**
 * Solves one row's normal equations
 * {@code x_u = (YtY + Yt(Cu - I)Y + lambda I)^-1 Yt Cu p(u)} and writes x_u into
 * {@code step.target()} in place. Implementations keep all scratch space in the workspace of type
 * {@code W} they create, so a hot loop allocates nothing; one workspace serves one thread.
 *
 * @param <W> the solver's per-thread scratch space
 */
public interface RowSolver<W> {
    /** Scratch space for one thread. */
    W newWorkspace(int k);

    /** Solves row {@code row} of {@code step}, reading its current value as the starting point if useful. */
    void solve(HalfStep step, int row, W workspace);

    /**
     * Solves rows {@code [from, to)}, each exactly as {@link #solve} would; a solver may work on
     * several rows together where that shares memory traffic.
     */
    default void solveRows(HalfStep step, int from, int to, W workspace) {
        for (int r = from; r < to; r++) {
            solve(step, r, workspace);
        }
    }

    /** The solver the parameters ask for. */
    static RowSolver<?> of(AlsParams params) {
        return switch (params.solver()) {
            case CG -> conjugateGradient(params.cgSteps());
            case CHOLESKY -> new CholeskySolver();
        };
    }

    /**
     * The fastest CG solver available in this JVM: the vector one when jdk.incubator.vector is
     * present, else {@link ConjugateGradientSolver#scalar}.
     */
    static RowSolver<?> conjugateGradient(int steps) {
        return VectorSupport.available() ? VectorCgFactory.newVectorCg(steps) : ConjugateGradientSolver.scalar(steps);
    }
}
