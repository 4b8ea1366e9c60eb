package org.tastemap.app.train;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tastemap.app.Icons;
import org.tastemap.app.input.IntSpinners;
import org.tastemap.core.tune.CandidateResult;

/**
 * The Tune panel: what to search and Start/Cancel on one wrapping row, the progress, the heatmap of
 * the slice chosen (a selector appears when several confidence kinds or factor counts are tried),
 * and the candidates off the grid (the defaults, the refinement points) as links below it.
 */
final class TunePanel extends VBox {
    private final TuneViewModel vm;
    private final TuneHeatmap heatmap = new TuneHeatmap();
    private final ComboBox<TuneMap.Slice> slices = new ComboBox<>();
    private final FlowPane offGrid = new FlowPane(10, 2);

    TunePanel(TuneViewModel vm) {
        super(6);
        this.vm = vm;
        setId("tune-panel");
        Spinner<Integer> budget = IntSpinners.spinner(vm.budgetInput(), 10);
        budget.setId("tune-budget");
        budget.setPrefWidth(90);
        budget.setTooltip(tip("The time the whole tune may take, final model included. A tune stops starting candidates"
                + " when the next would not fit, and always trains the final model."));
        HBox kinds = new HBox(2);
        for (int i = 0; i < TuneViewModel.CONFIDENCE_CHOICES.size(); i++) {
            var k = TuneViewModel.CONFIDENCE_CHOICES.get(i);
            kinds.getChildren().add(toggle(org.tastemap.app.Format.confidenceShort(k), "tune-confidence-" + k.name().toLowerCase(Locale.ROOT),
                    vm.confidenceChoices().get(i)));
        }
        HBox factors = new HBox(2);
        for (int i = 0; i < TuneViewModel.FACTOR_CHOICES.size(); i++) {
            int k = TuneViewModel.FACTOR_CHOICES.get(i);
            factors.getChildren().add(toggle(Integer.toString(k), "tune-factors-" + k, vm.factorChoices().get(i)));
        }
        Button start = new Button("Start tune", Icons.of(Icons.PLAY, 12));
        start.setId("tune-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.canStartBinding().not());
        start.setOnAction(e -> vm.start());
        start.setTooltip(tip("Tries confidence, alpha and lambda (and the factor counts ticked) on a validation split of the"
                + " training rows, then trains the model with the best settings. The test rows are never seen."));
        Button cancel = new Button("Cancel", Icons.of(Icons.STOP, 11));
        cancel.setId("tune-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        FlowPane controls = new FlowPane(12, 4, labelled("Budget (s)", budget), labelled("Confidence", kinds),
                labelled("Factors", factors));
        controls.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("tune-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(120);
        progress.setMinWidth(60);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(vm.runningProperty());
        Label progressText = new Label();
        progressText.setId("tune-progress-text");
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.getStyleClass().add("muted");
        progressText.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        slices.setId("tune-slice");
        slices.setVisibleRowCount(12);
        slices.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TuneMap.Slice s) {
                TuneMap m = vm.mapProperty().get();
                return s == null || m == null ? "" : m.sliceName(s);
            }

            @Override
            public TuneMap.Slice fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        slices.setTooltip(tip("Several confidence kinds or factor counts were tried: the map shows one of them at a time."));
        // the outcome in one line beside the buttons; the whole sentence is its tooltip when the window is narrow
        Label message = new Label();
        message.setId("tune-message");
        message.setMinWidth(0);
        message.textProperty().bind(vm.messageProperty());
        Tooltip full = tip("");
        full.textProperty().bind(vm.messageProperty());
        message.setTooltip(full);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox status = new HBox(8, start, cancel, progress, progressText, message, slices);
        status.setAlignment(Pos.CENTER_LEFT);
        offGrid.setId("tune-off-grid");
        // the links keep their lines when the window is low: the heatmap gives way (down to its minimum)
        offGrid.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        heatmap.mapProperty().bind(vm.mapProperty());
        slices.valueProperty().addListener((o, x, s) -> heatmap.sliceProperty().set(s == null ? new TuneMap.Slice(0, 0) : s));
        heatmap.setOnPick(vm::adopt);
        // without a map the space says so, and how to make one
        Label empty = new Label("No tune to show. Choose the budget, the confidence kinds and the factor counts above, then"
                + " Start tune: the map of validation MAP@10 over alpha × lambda fills here.");
        empty.setId("tune-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.setMaxWidth(460);
        empty.visibleProperty().bind(vm.mapProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        StackPane area = new StackPane(heatmap, empty);
        area.setMinHeight(heatmap.getMinHeight());
        VBox.setVgrow(area, Priority.ALWAYS);
        vm.mapProperty().addListener((o, a, b) -> mapChanged(a, b));
        getChildren().addAll(controls, status, area, offGrid);
        setPadding(new Insets(6, 0, 0, 0));
        // the time left counts down between candidates
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, a, b) -> {
            if (b) {
                clock.play();
            } else {
                clock.stop();
            }
        });
        mapChanged(null, vm.mapProperty().get());
    }

    /** A new snapshot: the slice list when the space changed, the shown slice (the best's once a tune ends), the off-grid links. */
    private void mapChanged(TuneMap before, TuneMap m) {
        boolean newSpace = m == null || before == null || !before.space().equals(m.space());
        if (newSpace) {
            slices.getItems().setAll(m == null ? java.util.List.of() : m.slices());
            slices.setValue(slices.getItems().isEmpty() ? null : slices.getItems().get(0));
        }
        boolean several = slices.getItems().size() > 1;
        slices.setVisible(several);
        slices.setManaged(several);
        if (m != null && m.running() != null && m.running().confidenceCell() >= 0 && m.running().factorsCell() >= 0
                && m.running().phase() == org.tastemap.core.tune.Candidate.Phase.GRID) {
            // follow the running cell across slices while the grid runs
            slices.setValue(new TuneMap.Slice(m.running().confidenceCell(), m.running().factorsCell()));
        } else if (m != null && m.running() == null && !vm.runningProperty().get() && m.best() != null) {
            slices.setValue(m.bestSlice());
        }
        offGrid.getChildren().clear();
        if (m == null || m.offGrid().isEmpty()) {
            return;
        }
        Label title = new Label("Off the grid:");
        title.getStyleClass().add("muted");
        offGrid.getChildren().add(title);
        CandidateResult best = m.best();
        for (CandidateResult r : m.offGrid()) {
            var p = r.candidate().params();
            boolean isBest = best != null && best.candidate().index() == r.candidate().index();
            String what = r.candidate().phase() == org.tastemap.core.tune.Candidate.Phase.DEFAULTS ? "defaults " : "";
            Hyperlink h = new Hyperlink((isBest ? "★ " : "") + what + "α " + TuneMap.plain(p.alpha()) + " · λ " + TuneMap.plain(p.lambda())
                    + (r.scored() ? String.format(Locale.ROOT, ": %.3f", r.value()) : ": —"));
            h.getStyleClass().add("tune-candidate");
            if (isBest) {
                h.setStyle("-fx-font-weight: bold;");
            }
            h.setTooltip(tip(m.describe(r) + "\nClick to train a model with these settings."));
            h.setOnAction(e -> vm.adopt(r));
            offGrid.getChildren().add(h);
        }
    }

    TuneHeatmap heatmap() {
        return heatmap;
    }

    private static ToggleButton toggle(String text, String id, javafx.beans.property.BooleanProperty value) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.getStyleClass().add("small");
        b.selectedProperty().bindBidirectional(value);
        return b;
    }

    private static HBox labelled(String name, javafx.scene.Node control) {
        Label l = new Label(name);
        l.getStyleClass().add("field-label");
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }
}
