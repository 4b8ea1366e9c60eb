package org.tastemap.app.session;

import java.util.Arrays;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

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

    /** Replaces the data; the model is dropped unless it was trained on a matrix of the same shape. */
    public void setData(LoadedData d) {
        ModelState m = model.get();
        if (m != null && (d == null || m.trained().factors().numUsers() != d.users()
                || m.trained().factors().numItems() != d.artists())) {
            model.set(null);
        }
        data.set(d);
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
