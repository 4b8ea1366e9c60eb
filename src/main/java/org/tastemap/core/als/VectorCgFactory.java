package org.tastemap.core.als;

import org.tastemap.core.linalg.VectorSupport;

/**
 * Makes the vector CG solver; call only when {@link VectorSupport#available()}. Its own class, typed
 * as the interface, so that verifying {@link RowSolver} loads none of the vector classes on a JVM
 * without jdk.incubator.vector.
 */
final class VectorCgFactory {
    private VectorCgFactory() {
    }

    static RowSolver<?> newVectorCg(int steps) {
        return new VectorConjugateGradientSolver(steps);
    }
}
