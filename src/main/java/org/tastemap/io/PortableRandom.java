package org.tastemap.io;

import java.util.SplittableRandom;

/**
 * Random draws whose results depend on nothing but the seed: built only on
 * {@link SplittableRandom#nextLong()} and {@link StrictMath}, so a generated file is the same on
 * every JDK and platform ({@code nextGaussian}, {@code nextInt(bound)} and {@code Math.log} make no
 * such promise).
 */
final class PortableRandom {
    private final SplittableRandom rng;
    private double spareGaussian;
    private boolean hasSpare;

    PortableRandom(long seed) {
        rng = new SplittableRandom(seed);
    }

    long nextLong() {
        return rng.nextLong();
    }

    /** Uniform in [0, 1), 53 random bits. */
    double unit() {
        return (rng.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound), by multiply-shift of 32 random bits (bias below bound / 2^32). */
    int below(int bound) {
        return (int) (((rng.nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * A standard normal deviate, by Box-Muller: {@code r = sqrt(-2 ln u1)}, {@code t = 2 pi u2}
     * give two, {@code r cos t} and then {@code r sin t}.
     */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1 = 1.0 - unit(); // in (0, 1], so the log is finite
        double t = 2.0 * StrictMath.PI * unit();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        spareGaussian = r * StrictMath.sin(t);
        hasSpare = true;
        return r * StrictMath.cos(t);
    }

    /** An exponential deviate with mean 1. */
    double exponential() {
        return -StrictMath.log(1.0 - unit());
    }
}
