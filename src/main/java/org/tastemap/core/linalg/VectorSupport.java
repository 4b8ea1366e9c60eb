package org.tastemap.core.linalg;


/**
 * Finds out at run time whether the incubating Vector API ({@code jdk.incubator.vector}) is in the
 * boot layer. The vector kernels live in classes that are loaded only when it is, so the engine
 * runs (about 10x slower) on a JVM started without {@code --add-modules jdk.incubator.vector}.
 */
public final class VectorSupport {
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("tastemap.scalar");

    private VectorSupport() {
    }

    /** True when the vector kernels can be used (and {@code -Dtastemap.scalar=true} was not given). */
    public static boolean available() {
        return AVAILABLE;
    }

    /** "vector (N-bit)" or "scalar", for the app and bench to say which path runs. */
    public static String describe() {
        return AVAILABLE ? "vector (" + VectorLanes.width() + ")"
                : "scalar (start with --add-modules jdk.incubator.vector for the fast path)";
    }

    /** The vector score kernels; call only when {@link #available()}. */
    static ScoreKernels newVectorScoreKernels() {
        return new VectorScoreKernels();
    }

    /** The vector Gram and loss kernels; call only when {@link #available()}. */
    static FactorKernels newVectorFactorKernels() {
        return new VectorFactorKernels();
    }
}
