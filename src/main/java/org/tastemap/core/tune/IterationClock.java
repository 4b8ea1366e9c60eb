package org.tastemap.core.tune;

/**
 * What the tune's clock says an iteration costs, for its budget. A candidate's first iteration also
 * carries its set-up (the engine, the confidences) and, early in a process, the JIT's compiling: on a
 * busy machine it has taken ten times a later one. So first iterations are timed apart and stand for
 * the others only until a later iteration has been timed; else one slow start would make the final
 * training's reserve look larger than the whole budget and end the tune after its first candidate.
 */
final class IterationClock {
    /** The slowest iteration after a candidate's first, and the slowest first (NaN until one ran). */
    private double later = Double.NaN;
    private double first = Double.NaN;

    /** Records iteration {@code iteration} (from 1) of a candidate, which took {@code seconds}. */
    void record(int iteration, double seconds) {
        if (iteration == 1) {
            first = max(first, seconds);
        } else {
            later = max(later, seconds);
        }
    }

    /** Whether an iteration after a first has been timed. */
    boolean knowsLater() {
        return !Double.isNaN(later);
    }

    /** Seconds an iteration is expected to take: the slowest after a first, or the slowest first while none ran. */
    double perIteration() {
        return knowsLater() ? later : first;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Math.max(a, b);
    }
}
