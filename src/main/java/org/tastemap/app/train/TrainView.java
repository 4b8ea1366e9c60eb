package org.tastemap.app.train;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tastemap.app.Icons;
import org.tastemap.app.input.IntSpinners;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

/** The Train screen: parameters on the left, live charts and the run history on the right. */
public final class TrainView extends BorderPane {
    private final TrainViewModel vm;
    private final TrainCharts charts;
    private final TunePanel tune;
    private final javafx.scene.control.TabPane views;

    public TrainView(TrainViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        charts = new TrainCharts(vm);
        charts.setPrefHeight(320);
        // at 640 px, with the "What to try" strip and a two-line notice, the charts with their keys (each chart at
        // least 200 px high), the beyond-accuracy line and the history still fit: the history gives way down to three
        // rows, and scrolls (TrainChartsFitFlowTest)
        TableView<RunRecord> history = history();
        history.setMinHeight(30 + 3 * 28 + 2); // header, three rows, border
        Label beyond = new Label();
        beyond.setId("beyond-accuracy");
        beyond.getStyleClass().add("muted");
        beyond.setWrapText(true);
        beyond.setMinHeight(USE_PREF_SIZE);
        beyond.textProperty().bind(vm.beyondAccuracy().textProperty());
        beyond.managedProperty().bind(beyond.textProperty().isNotEmpty());
        beyond.setTooltip(tip("Coverage: the share of all artists that appear in some listener's top 10. Popularity percentile: "
                + "the mean over list entries of 100 × (artists with fewer listeners) / artists. Novelty: the mean over list entries of "
                + "−log2(listeners / users), the self-information of recommending the artist; higher is less obvious."));
        // the live charts and the Tune panel share the space above the run history
        tune = new TunePanel(vm.tune());
        // the beyond-accuracy line belongs to the model's charts, not to the tune's heatmap
        VBox training = new VBox(4, charts, beyond);
        VBox.setVgrow(charts, Priority.ALWAYS);
        views = new javafx.scene.control.TabPane() {
            @Override
            public javafx.geometry.Orientation getContentBias() {
                // the minimum below depends on the width (a wrapped line): ask the parent for it
                return javafx.geometry.Orientation.HORIZONTAL;
            }

            @Override
            protected double computeMinHeight(double width) {
                // the skin's minimum is 0, so the history kept its rows while the tab clipped the beyond-accuracy
                // line: the tabs ask for their header and the Training tab's minimum at the width it will have
                double h = snappedTopInset() + snappedBottomInset();
                double inner = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
                for (javafx.scene.Node c : getChildrenUnmodifiable()) {
                    if (c.getStyleClass().contains("tab-header-area")) {
                        h += c.prefHeight(-1);
                    }
                }
                if (training.getParent() instanceof javafx.scene.layout.Region area) {
                    h += area.snappedTopInset() + area.snappedBottomInset();
                    inner -= area.snappedLeftInset() + area.snappedRightInset();
                }
                return h + training.minHeight(inner > 0 ? inner : -1);
            }
        };
        // the line comes and goes with held-out runs (it is managed while it has text): the tabs' minimum, cached
        // by the layout, changes with it
        beyond.textProperty().addListener((o, a, b) -> views.requestLayout());
        views.getTabs().addAll(tab("Training", "train-tab-charts", training), tab("Tune", "train-tab-tune", tune));
        views.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        views.setId("train-views");
        views.getStyleClass().add("train-views");
        vm.tune().runningProperty().addListener((o, a, b) -> {
            if (b) {
                showTune();
            }
        });
        vm.tune().mapProperty().addListener((o, a, b) -> {
            // a relaunch shows the last tune's map: in front only when the tune is the newest run
            if (b != null && a == null && (vm.tune().runningProperty().get() || vm.history().isEmpty()
                    || vm.history().get(0).tune() == b)) {
                showTune();
            }
        });
        VBox right = new VBox(6, views, sectionTitle("Run history · Use retrains to a run's parameters (or marks that they differ)"), history);
        VBox.setVgrow(views, Priority.ALWAYS);
        right.setMinWidth(0);
        right.setPadding(new Insets(0, 0, 0, 16));
        ScrollPane left = new ScrollPane(form());
        left.setFitToWidth(true);
        left.setPrefWidth(300);
        left.setMinWidth(260);
        left.getStyleClass().add("side-panel");
        setLeft(left);
        setCenter(right);
    }

    private VBox form() {
        Spinner<Integer> factors = IntSpinners.spinner(vm.factorsInput(), 8);
        factors.setId("factors");
        Spinner<Integer> iterations = IntSpinners.spinner(vm.iterationsInput(), 1);
        iterations.setId("iterations");
        LogSlider alpha = new LogSlider("Alpha (confidence scale)", "alpha", vm.alphaProperty(), 0.01, 1000,
                "c_ui = 1 + alpha · f(r_ui). Higher alpha trusts heavy plays more than the mere absence of plays: "
                        + "the model fits what users played more tightly. Too high and rare artists are overfitted.");
        LogSlider lambda = new LogSlider("Lambda (regularisation)", "lambda", vm.lambdaProperty(), 0.01, 10000,
                "Penalty lambda (|x_u|² + |y_i|²). Higher lambda shrinks the factors: smoother, more popular "
                        + "recommendations and less overfitting; too high and every factor shrinks to zero. Its best value grows with the number of listeners (README).");
        ComboBox<ConfidenceKind> confidence = new ComboBox<>();
        // BM25 too: a tune may choose it
        confidence.getItems().setAll(ConfidenceKind.LINEAR, ConfidenceKind.LOG, ConfidenceKind.BM25);
        confidence.valueProperty().bindBidirectional(vm.confidenceProperty());
        confidence.setId("confidence");
        confidence.setConverter(words(org.tastemap.app.Format::confidence));
        confidence.setTooltip(tip("Linear: c = 1 + alpha·r. Log: c = 1 + alpha·log(1 + r). Log tames users who play one artist thousands of times."
                + " BM25: plays weighted as in text retrieval (K1, B), damping heavy listeners."));
        ComboBox<SolverKind> solver = new ComboBox<>();
        solver.getItems().setAll(SolverKind.values());
        solver.valueProperty().bindBidirectional(vm.solverProperty());
        solver.setId("solver");
        solver.setConverter(words(org.tastemap.app.Format::solver));
        solver.setTooltip(tip("CG: a few conjugate-gradient steps per row, fast. Cholesky: the exact solve, slower; same model in the limit."));
        factors.setTooltip(tip("k, the length of each user and artist vector. More factors capture finer tastes but train slower and can overfit."));
        iterations.setTooltip(tip("Full ALS sweeps (all users, then all artists). The loss falls quickly in the first 5–15."));
        CheckBox heldOut = new CheckBox("Held-out evaluation (MAP@10, p@10)");
        heldOut.selectedProperty().bindBidirectional(vm.heldOutProperty());
        heldOut.setWrapText(true);
        heldOut.setMnemonicParsing(true);
        heldOut.setText("_Held-out evaluation (MAP@10, p@10)");
        heldOut.setTooltip(tip("Trains on 80% of each user's artists and measures how well the other 20% are ranked after every iteration."));
        CheckBox auto = new CheckBox("Retrain when alpha or lambda moves");
        auto.selectedProperty().bindBidirectional(vm.autoRetrainProperty());
        auto.setWrapText(true);
        auto.setMnemonicParsing(true);
        auto.setText("_Retrain when alpha or lambda moves");
        auto.setTooltip(tip("When a model exists, moving alpha or lambda retrains it (warm start from the current factors) once the slider settles."));

        Button train = new Button("Train", Icons.of(Icons.PLAY, 14));
        train.setId("train-button");
        train.getStyleClass().add("accent");
        train.setMaxWidth(Double.MAX_VALUE);
        train.disableProperty().bind(vm.canTrainBinding().not());
        train.setOnAction(e -> vm.train());
        Button stop = new Button("Stop", Icons.of(Icons.STOP, 12));
        stop.setId("stop-button");
        stop.setMaxWidth(Double.MAX_VALUE);
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        HBox.setHgrow(train, Priority.ALWAYS);
        HBox.setHgrow(stop, Priority.ALWAYS);
        ProgressBar progress = new ProgressBar();
        progress.setId("train-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(vm.progressTextProperty());
        progressText.getStyleClass().add("muted");
        Label message = new Label();
        message.setId("train-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Label differText = new Label("Settings differ from the model's: Train to use them, or");
        differText.setWrapText(true);
        differText.getStyleClass().add("field-error");
        differText.setTooltip(tip("Every screen shows the current model, trained with other settings than these controls show."));
        javafx.scene.control.Hyperlink back = new javafx.scene.control.Hyperlink("go back to the model's settings");
        back.setId("match-model");
        back.setOnAction(e -> vm.matchModel());
        VBox differ = new VBox(0, differText, back);
        differ.setId("settings-differ");
        differ.getStyleClass().add("problem");
        differ.visibleProperty().bind(vm.settingsDifferBinding());
        differ.managedProperty().bind(vm.settingsDifferBinding());
        VBox box = new VBox(10, sectionTitle("Model"), differ,
                field("Factors (k)", factors), IntSpinners.errorLabel(vm.factorsInput(), "factors-error"),
                field("Iterations", iterations), IntSpinners.errorLabel(vm.iterationsInput(), "iterations-error"),
                alpha, lambda, field("Confidence", confidence), field("Solver", solver), heldOut, auto,
                new HBox(8, train, stop), progress, progressText, message);
        box.setPadding(new Insets(4, 14, 14, 4));
        return box;
    }

    private TableView<RunRecord> history() {
        TableView<RunRecord> t = new TableView<>(vm.history());
        t.setId("run-history");
        t.setPlaceholder(new Label("Finished runs appear here."));
        // how a run ended and its numbers keep their width (FitColumn), Use and # theirs: the parameters take what is left
        t.setPrefHeight(190);
        TableColumn<RunRecord, Integer> n = new TableColumn<>("#");
        n.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        n.setMaxWidth(40);
        n.setPrefWidth(32);
        TableColumn<RunRecord, String> params = new TableColumn<>("Parameters");
        params.setCellValueFactory(c -> new ReadOnlyStringWrapper(describe(c.getValue()).replace(" · conjugate gradient", " · CG")));
        // on a narrow window the text may be cut: the tooltip has it whole, with the solver in words
        params.setCellFactory(c -> tipCell(r -> describe(r)));
        params.setPrefWidth(200);
        params.setMinWidth(120);
        TableColumn<RunRecord, String> its = new TableColumn<>("Ended");
        its.setPrefWidth(140);
        its.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().endingText()));
        TableColumn<RunRecord, String> loss = new TableColumn<>("Loss");
        loss.setPrefWidth(80);
        loss.setCellValueFactory(c -> new ReadOnlyStringWrapper(org.tastemap.app.Format.loss(c.getValue().loss())));
        TableColumn<RunRecord, String> map = new TableColumn<>("MAP@10");
        map.setPrefWidth(70);
        map.setCellValueFactory(c -> new ReadOnlyStringWrapper(fmt("%.4f", c.getValue().map())));
        TableColumn<RunRecord, String> secs = new TableColumn<>("Time");
        secs.setPrefWidth(60);
        secs.setCellValueFactory(c -> new ReadOnlyStringWrapper(fmt("%.1f s", c.getValue().seconds())));
        TableColumn<RunRecord, RunRecord> use = new TableColumn<>("");
        // the small "Use" button whole, with the cell's padding
        use.setPrefWidth(72);
        use.setMinWidth(72);
        use.setMaxWidth(72);
        use.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        use.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Use");

            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                b.getStyleClass().setAll("button", "small");
                b.setOnAction(e -> use(r));
                setGraphic(empty || r == null ? null : b);
            }
        });
        for (TableColumn<RunRecord, ?> c : java.util.List.of(n, its, loss, map, secs)) {
            c.getStyleClass().add("numeric");
        }
        t.getColumns().addAll(java.util.List.of(n, params, its, loss, map, secs, use));
        for (TableColumn<RunRecord, String> c : java.util.List.of(its, loss, map, secs)) {
            org.tastemap.app.FitColumn.toWidest(t, c);
        }
        org.tastemap.app.FitColumn.fillWith(t, params);
        // Enter on a selected run does what Use does
        t.setOnKeyPressed(e -> {
            RunRecord r = t.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && r != null) {
                vm.restore(r.params());
                e.consume();
            }
        });
        t.setRowFactory(tv -> {
            TableRow<RunRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    use(row.getItem());
                }
            });
            return row;
        });
        return t;
    }

    /** A cell showing its text, with {@code tip} of its run as the tooltip (the whole text where the cell cuts it). */
    private static TableCell<RunRecord, String> tipCell(java.util.function.Function<RunRecord, String> tip) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                RunRecord r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                setTooltip(r == null ? null : new Tooltip(tip.apply(r)));
            }
        };
    }

    /** Use: the run's settings (and a tune's map, brought to the front). */
    private void use(RunRecord r) {
        vm.use(r);
        if (r.isTune()) {
            showTune();
        }
    }

    /** A run's parameters in words (the run history): "k 32 · α 1.00 · λ 100 · log · conjugate gradient". */
    static String describe(RunRecord r) {
        var p = r.params();
        return String.format(Locale.ROOT, "%sk %d · α %.3g · λ %.3g · %s · %s%s", r.isTune() ? "Tune → " : "", p.factors(), p.alpha(), p.lambda(),
                org.tastemap.app.Format.confidenceShort(p.confidence()), org.tastemap.app.Format.solverShort(p.solver()),
                r.warm() ? " (warm)" : "");
    }

    /** Shows a dropdown's enum choices in words; the choices are fixed, so text is never parsed back. */
    private static <T> javafx.util.StringConverter<T> words(java.util.function.Function<T, String> f) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static String fmt(String f, double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, f, v);
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static VBox field(String name, javafx.scene.control.Control control) {
        Label l = new Label(name);
        l.getStyleClass().add("field-label");
        if (control.getTooltip() != null) {
            Tooltip.install(l, control.getTooltip());
        }
        control.setMaxWidth(Double.MAX_VALUE);
        return new VBox(2, l, control);
    }

    TrainCharts charts() {
        return charts;
    }

    private static javafx.scene.control.Tab tab(String name, String id, javafx.scene.Node content) {
        javafx.scene.control.Tab t = new javafx.scene.control.Tab(name, content);
        t.setId(id);
        return t;
    }

    /** Brings the Tune panel to the front (a tune starts, "Tune for this data"). */
    public void showTune() {
        views.getSelectionModel().select(1);
    }

    /** Brings the live charts to the front. */
    public void showCharts() {
        views.getSelectionModel().select(0);
    }

    /** The tune heatmap, for tests. */
    public TuneHeatmap tuneHeatmap() {
        return tune.heatmap();
    }

    /** The iteration axes of the loss and quality charts, for tests. */
    public java.util.List<javafx.scene.chart.NumberAxis> iterationAxes() {
        return java.util.List.of(charts.iterationAxis(charts.loss), charts.iterationAxis(charts.quality));
    }

    /** Points in the loss and quality charts, for tests. */
    public int chartPoints() {
        return charts.lossPoints() + charts.qualityPoints();
    }
}
