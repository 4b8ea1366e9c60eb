package org.tastemap.app.train;

import java.util.Locale;
import org.tastemap.core.als.AlsParams;

/**
 * A finished training run in the history table.
 *
 * @param warm       warm-started from the previous model
 * @param iterations iterations of this run
 * @param loss       final loss (NaN when unknown)
 * @param map        final held-out MAP@10 (NaN without evaluation)
 * @param seconds    wall time of the run
 */
public record RunRecord(int number, AlsParams params, boolean warm, int iterations, double loss, double map,
                        double seconds) {
    public String describe() {
        return String.format(Locale.ROOT, "k=%d, alpha=%.3g, lambda=%.3g, %s, %s", params.factors(), params.alpha(),
                params.lambda(), params.confidence().name().toLowerCase(Locale.ROOT),
                params.solver().name().toLowerCase(Locale.ROOT));
    }
}
