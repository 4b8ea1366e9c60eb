package org.tastemap.core.als;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width every vector kernel of this process uses, and the lane permutations of the
 * pairwise lane sum. Loaded only when {@link VectorSupport#available()}.
 *
 * <p>One width per process: on JDK 17, running kernels of two widths in the same JVM made the wider
 * ones several times slower (PERFORMANCE-NOTES, point 4). The width is
 * {@code -Dtastemap.vectorBits=128|256|512} when given, else the preferred width capped at 256 bits.
 * 256 bits is the default because it was as fast as 512 on the AVX-512 machines where the CG rows fit
 * in registers (k = 32, 64), runs at full speed on AVX2-only machines too, and needs one lane-sum
 * step less than 512 (see the measurements in {@code docs/PERFORMANCE.md}).
 */
final class VectorLanes {
    /** The float species of every kernel. */
    static final VectorSpecies<Float> F = floatSpecies();
    /** The double species of the same width, for sums kept in double (Gram matrix). */
    static final VectorSpecies<Double> D = VectorSpecies.of(double.class, F.vectorShape());
    /** Float lanes per vector. */
    static final int L = F.length();
    /** Double lanes per vector. */
    static final int DL = D.length();

    /*
     * The butterfly of the pairwise lane sum: v + v.rearrange(SWAPd) adds lane i ^ d to lane i. After
     * the steps d = L/2, ..., 2, 1 every lane holds the sum of all lanes, so the sum is already
     * broadcast for a following multiply. Shuffles for steps wider than the vector are never used.
     */
    static final VectorShuffle<Float> SWAP1 = swap(1);
    static final VectorShuffle<Float> SWAP2 = swap(2);
    static final VectorShuffle<Float> SWAP4 = swap(4);
    static final VectorShuffle<Float> SWAP8 = swap(8);

    private VectorLanes() {
    }

    private static VectorSpecies<Float> floatSpecies() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int bits = Integer.getInteger("tastemap.vectorBits", Math.min(256, preferred));
        if (bits != 64 && bits != 128 && bits != 256 && bits != 512) {
            bits = Math.min(256, preferred);
        }
        return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    private static VectorShuffle<Float> swap(int d) {
        return VectorShuffle.fromOp(F, i -> F.length() >= 2 * d ? i ^ d : i);
    }

    /** "256-bit", for describing the path that runs. */
    static String width() {
        return F.vectorBitSize() + "-bit";
    }
}
