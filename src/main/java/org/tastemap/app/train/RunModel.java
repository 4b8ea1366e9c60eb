package org.tastemap.app.train;

import org.tastemap.app.session.LoadedData;
import org.tastemap.app.session.ModelState;
import org.tastemap.core.als.TrainingResult;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;

/** The model a training run produces, as the screens and the saved file see it: its state and what it records about its rows. */
final class RunModel {
    private RunModel() {
    }

    /** The model state a completed (or converged) run hands to the screens, or null; on the work's thread. */
    static ModelState prepare(TrainingWork.Outcome outcome, LoadedData data, InteractionMatrix matrix, boolean held) {
        TrainingResult result = outcome.result();
        if (result.status() != TrainingResult.Status.COMPLETED && outcome.convergedAt() <= 0) {
            return null;
        }
        var last = result.history().isEmpty() ? null : result.history().get(result.history().size() - 1);
        double loss = last == null ? Double.NaN : last.loss();
        var metrics = last == null ? null : last.metrics();
        // the model answers about every row (played filter, explanations) even when its factors learned from the split
        TrainedModel trained = new TrainedModel(data.dataset(), result.model(), trainedOn(held, matrix));
        return ModelState.of(trained, loss, metrics, held, "trained");
    }

    /** What the model records about its rows (saved with it): all of them, or the training part of the split. */
    static java.util.Map<String, String> trainedOn(boolean held, InteractionMatrix matrix) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(ModelMetadata.CREATED_BY, "tastemap app");
        m.put(ModelMetadata.TRAINED_ON, held ? "split" : "all");
        m.put(ModelMetadata.TRAINED_ROWS, Integer.toString(matrix.nnz()));
        if (held) {
            m.put(ModelMetadata.HOLDOUT, Double.toString(LoadedData.HOLDOUT));
            m.put(ModelMetadata.HOLDOUT_SEED, Long.toString(LoadedData.SPLIT_SEED));
        }
        return m;
    }
}
