package org.tastemap.app.data;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.ModelOrigin;
import org.tastemap.app.task.BackgroundExecutor;

/** The Data screen: statistics of the loaded dataset, recomputed in the background when it changes. */
public final class DataViewModel {
    private final AppState state;
    private final ObjectProperty<DatasetStats> stats = new SimpleObjectProperty<>(this, "stats");
    private final StringBinding headline;
    private final StringBinding why;

    public DataViewModel(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        // what the screen says above the charts: the numbers, or why there are none yet
        headline = Bindings.createStringBinding(() -> {
            if (state.dataIsSample()) {
                // a Spark-trained model opened alone: its sample's statistics would pass for the data's
                return ModelOrigin.sampleHeadline(state.model().trained());
            }
            DatasetStats s = stats.get();
            if (s != null) {
                return String.format(Locale.ROOT, "%,d users · %,d artists · %,d rows · %,.0f plays", s.users(), s.artists(),
                        s.rows(), s.totalPlays());
            }
            if (state.data() != null) {
                return "Computing statistics…";
            }
            return executor.activities().isEmpty() ? "No data open. Import a listening file to start." : "Opening data…";
        }, stats, state.dataProperty(), state.modelProperty(), executor.activities());
        why = Bindings.createStringBinding(() -> !state.dataIsSample() ? ""
                : ModelOrigin.needsData(state.model().trained(), "chart the data"), state.dataProperty(), state.modelProperty());
        state.modelProperty().addListener((o, a, b) -> {
            if (state.dataIsSample()) {
                stats.set(null);
            }
        });
        state.dataProperty().addListener((o, a, b) -> {
            stats.set(null);
            if (b != null) {
                executor.submit("Computing dataset statistics", ctx -> DatasetStats.of(b.dataset()), s -> {
                    if (state.data() == b && !state.dataIsSample()) {
                        stats.set(s);
                    }
                }, e -> errors.show("Could not compute the statistics", e));
            }
        });
    }

    public StringBinding headlineBinding() {
        return headline;
    }

    /** Why the screen has no charts when the data is only a sampled model's histories; "" otherwise. */
    public StringBinding whyBinding() {
        return why;
    }

    public ObjectProperty<DatasetStats> statsProperty() {
        return stats;
    }

    public AppState state() {
        return state;
    }
}
