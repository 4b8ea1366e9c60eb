package org.tastemap.core.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width every vector kernel of this process uses, and the lane permutations of the
 * pairwise lane sum. Loaded only when {@link VectorSupport#available()}.
 *
 * <p>One width per process: on JDK 17, running kernels of two widths in the same JVM made the wider
 * ones several times slower (docs/vector-kernels.md, fact 4). The width is the JVM's preferred one
 * ({@code FloatVector.SPECIES_PREFERRED}: 512 bits where the JVM uses AVX-512, else 256), or
 * {@code -Dtastemap.vectorBits=128|256|512} to compare widths. On this project's AVX-512 machine
 * 512 bits was the faster at k = 64, and at k = 128 only 512 bits keeps a row in registers (8 vectors
 * of 16 lanes; 256 bits falls back to the array loops); the timings are in docs/performance.md
 * ("Vector width"). The preferred width is also the JVM's own choice for the CPU.
 */
public final class VectorLanes {
    /** The float species of every kernel. */
    public static final VectorSpecies<Float> F = floatSpecies();
    /** The double species of the same width, for sums kept in double (Gram matrix). */
    public static final VectorSpecies<Double> D = VectorSpecies.of(double.class, F.vectorShape());
    /** Float lanes per vector. */
    public static final int L = F.length();
    /** Double lanes per vector. */
    public static final int DL = D.length();

    /*
     * The butterfly of the pairwise lane sum: v + v.rearrange(SWAPd) adds lane i ^ d to lane i. After
     * the steps d = L/2, ..., 2, 1 every lane holds the sum of all lanes, so the sum is already
     * broadcast for a following multiply. Shuffles for steps wider than the vector are never used.
     */
    public static final VectorShuffle<Float> SWAP1 = swap(1);
    public static final VectorShuffle<Float> SWAP2 = swap(2);
    public static final VectorShuffle<Float> SWAP4 = swap(4);
    public static final VectorShuffle<Float> SWAP8 = swap(8);

    private VectorLanes() {
    }

    private static VectorSpecies<Float> floatSpecies() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int bits = Integer.getInteger("tastemap.vectorBits", preferred);
        if (bits != 64 && bits != 128 && bits != 256 && bits != 512 || bits > preferred) {
            bits = preferred;
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    private static VectorShuffle<Float> swap(int d) {
        return VectorShuffle.fromOp(F, i -> F.length() >= 2 * d ? i ^ d : i);
    }

    /** "256-bit", for describing the path that runs. */
    public static String width() {
        return F.vectorBitSize() + "-bit";
    }
}
