package org.tastemap.app.session;

import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.TrainedModel;

/**
 * The current model with what the status bar shows about it.
 *
 * @param loss    the last iteration's loss, or NaN when unknown
 * @param metrics held-out metrics of the last iteration, or null
 * @param heldOut trained on the training part of the split (so its metrics are honest)
 * @param source  where it came from ("trained", a file path)
 */
public record ModelState(TrainedModel trained, Recommender recommender, double loss, Metrics metrics, boolean heldOut,
                         String source) {
    public static ModelState of(TrainedModel trained, double loss, Metrics metrics, boolean heldOut, String source) {
        return new ModelState(trained, new Recommender(trained), loss, metrics, heldOut, source);
    }

    public int factors() {
        return trained.factors().factors();
    }

    public int iterations() {
        return trained.factors().iterations();
    }
}
