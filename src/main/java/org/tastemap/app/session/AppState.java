package org.tastemap.app.session;

import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tastemap.core.model.TrainedModel;

/**
 * The session every screen observes: the loaded data and the current model. Set on the UI thread
 * only; a model that does not fit the data is dropped when new data arrives.
 */
public final class AppState {
    private final ObjectProperty<LoadedData> data = new SimpleObjectProperty<>(this, "data");
    private final ObjectProperty<ModelState> model = new SimpleObjectProperty<>(this, "model");

    public ObjectProperty<LoadedData> dataProperty() {
        return data;
    }

    public ObjectProperty<ModelState> modelProperty() {
        return model;
    }

    public LoadedData data() {
        return data.get();
    }

    public ModelState model() {
        return model.get();
    }

    /**
     * Replaces the data; the model is kept only if its rows are the new data's users and artists, the
     * same ids in the same order. The same shape is not enough: a model saved from an import in
     * another numbering (file order, or an older {@code LocalityOrder}) would pair each factor row
     * with the wrong user or artist.
     */
    public void setData(LoadedData d) {
        ModelState m = model.get();
        if (m != null && (d == null || !fits(m, d))) {
            model.set(null);
        } else if (m != null && !m.trained().histories().isComplete() && d.rows() > m.trained().dataset().matrix().nnz()) {
            // the data a sampled model came from (or more of it): the model now holds every listener's history
            TrainedModel complete = new TrainedModel(d.dataset(), m.trained().factors(), m.trained().metadata());
            model.set(ModelState.of(complete, m.loss(), m.metrics(), m.heldOut(), m.source()));
        }
        data.set(d);
    }

    /**
     * True when the open data is only the sample of listener histories that the open model carries
     * (a model trained on Spark, opened without its data): the screens that need the data say so.
     */
    public boolean dataIsSample() {
        ModelState m = model.get();
        LoadedData d = data.get();
        return m != null && d != null && !m.trained().histories().isComplete() && d.dataset() == m.trained().dataset();
    }

    /**
     * The model with every row of the open data and its metadata, to save or export (a held-out model
     * was trained on the split's training part); a sampled model whose data is its own sample as it is.
     */
    public TrainedModel modelWithData() {
        ModelState m = model.get();
        if (dataIsSample()) {
            return m.trained();
        }
        return new TrainedModel(data().dataset(), m.trained().factors(), m.trained().metadata());
    }

    private static boolean fits(ModelState m, LoadedData d) {
        var trained = m.trained().dataset();
        return trained.users().equals(d.dataset().users()) && trained.artists().equals(d.dataset().artists());
    }

    public void setModel(ModelState m) {
        model.set(m);
    }

    /** The artists user u played in the full dataset, sorted (to exclude them from recommendations). */
    public int[] played(int user) {
        var mat = data().dataset().matrix();
        return Arrays.copyOfRange(mat.userItems(), mat.userPtr()[user], mat.userPtr()[user + 1]);
    }
}
