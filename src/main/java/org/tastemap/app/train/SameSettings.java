package org.tastemap.app.train;

import org.tastemap.core.model.AlsParams;

/** Whether the Train controls' settings are a model's (the settings-differ marker). */
final class SameSettings {
    private SameSettings() {
    }

    /**
     * Whether two parameter sets train the same model: the factor count, alpha, lambda, confidence
     * and solver (iterations and threads only say how long and how fast).
     */
    static boolean of(AlsParams a, AlsParams b) {
        return a.factors() == b.factors() && close(a.alpha(), b.alpha()) && close(a.lambda(), b.lambda())
                && a.confidence() == b.confidence() && a.solver() == b.solver();
    }

    private static boolean close(double a, double b) {
        // the sliders round to 3 significant digits; a model's parameters read back from a file are exact
        return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
    }
}
