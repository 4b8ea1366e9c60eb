package org.tastemap.app.data.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 4: which rows, users and artists to keep. */
final class FiltersStep extends WizardStep {
    FiltersStep(ImportWizardModel model) {
        super(model, "4 · Filters", "Drop noise before training: rare artists and users with very short histories add little but cost time.");
    }

    @Override
    protected Node body() {
        Spinner<Double> plays = new Spinner<>(0.0, 1e9, model.minPlays.get(), 1.0);
        plays.setEditable(true);
        plays.setId("filter-min-plays");
        plays.valueProperty().addListener((o, a, b) -> model.minPlays.set(b == null ? -1 : b));
        plays.setTooltip(new Tooltip("Rows with fewer plays are skipped."));
        Spinner<Integer> artists = new Spinner<>(1, 100_000, model.minArtistsPerUser.get());
        artists.setEditable(true);
        artists.valueProperty().addListener((o, a, b) -> model.minArtistsPerUser.set(b == null ? 0 : b));
        artists.setTooltip(new Tooltip("Users who played fewer distinct artists are dropped."));
        Spinner<Integer> listeners = new Spinner<>(1, 100_000, model.minListenersPerArtist.get());
        listeners.setEditable(true);
        listeners.valueProperty().addListener((o, a, b) -> model.minListenersPerArtist.set(b == null ? 0 : b));
        listeners.setTooltip(new Tooltip("Artists with fewer distinct listeners are dropped."));
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        g.addRow(0, new Label("Minimum plays per row"), plays);
        g.addRow(1, new Label("Minimum artists per user"), artists);
        g.addRow(2, new Label("Minimum listeners per artist"), listeners);
        Label problem = problemLabel();
        problem.textProperty().bind(model.filtersProblem);
        return new VBox(14, g, problem);
    }

    @Override
    protected ObservableBooleanValue valid() {
        return model.filtersValid;
    }
}
