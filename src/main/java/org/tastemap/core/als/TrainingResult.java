package org.tastemap.core.als;

import java.util.List;
import org.tastemap.core.model.FactorModel;

/**
 * The outcome of a training run.
 *
 * @param model   the last complete, finite model (the warm start or the random start when no iteration finished)
 * @param status  why training ended
 * @param message a sentence for a person: empty when completed
 * @param history one report per finished iteration, without its factors ({@link IterationReport#withoutModel()})
 */
public record TrainingResult(FactorModel model, Status status, String message, List<IterationReport> history) {
    public enum Status { COMPLETED, CANCELLED, DIVERGED }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
