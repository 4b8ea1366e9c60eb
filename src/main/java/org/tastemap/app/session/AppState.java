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
        }
        data.set(d);
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
