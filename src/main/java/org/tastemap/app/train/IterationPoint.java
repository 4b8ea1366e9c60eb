package org.tastemap.app.train;

import org.tastemap.core.als.IterationReport;

/**
 * One iteration as the charts plot it.
 *
 * @param iteration the model's total iterations (so a warm-started run continues the x axis)
 * @param loss      the loss, NaN when not computed
 * @param map       held-out MAP@10, NaN without evaluation
 * @param precision held-out precision@10, NaN without evaluation
 * @param seconds   seconds of this iteration's solves
 * @param elapsed   wall seconds since the run started (solves, loss and evaluation), as the status bar counts
 */
public record IterationPoint(int iteration, double loss, double map, double precision, double seconds, double elapsed) {
    static IterationPoint of(IterationReport r) {
        return new IterationPoint(r.totalIterations(), r.loss(),
                r.metrics() == null ? Double.NaN : r.metrics().mapAtK(),
                r.metrics() == null ? Double.NaN : r.metrics().precisionAtK(), r.seconds(), r.elapsed());
    }
}
