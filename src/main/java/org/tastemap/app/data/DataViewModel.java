package org.tastemap.app.data;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.task.BackgroundExecutor;

/** The Data screen: statistics of the loaded dataset, recomputed in the background when it changes. */
public final class DataViewModel {
    private final AppState state;
    private final ObjectProperty<DatasetStats> stats = new SimpleObjectProperty<>(this, "stats");

    public DataViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        state.dataProperty().addListener((o, a, b) -> {
            stats.set(null);
            if (b != null) {
                executor.submit("Computing dataset statistics", ctx -> DatasetStats.of(b.dataset()), s -> {
                    if (state.data() == b) {
                        stats.set(s);
                    }
                }, e -> errors.show("Could not compute the statistics", e));
            }
        });
    }

    public ObjectProperty<DatasetStats> statsProperty() {
        return stats;
    }

    public AppState state() {
        return state;
    }
}
