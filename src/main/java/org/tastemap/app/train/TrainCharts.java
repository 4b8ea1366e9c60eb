package org.tastemap.app.train;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tastemap.app.charts.ChartTools;

/** The live charts: loss per iteration, and held-out MAP@10 and precision@10 against the popularity baseline. */
final class TrainCharts extends HBox {
    final LineChart<Number, Number> loss;
    final LineChart<Number, Number> quality;
    private final XYChart.Series<Number, Number> lossSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> mapSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> precisionSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> baseMap = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> basePrecision = new XYChart.Series<>();
    private final TrainViewModel vm;

    TrainCharts(TrainViewModel vm) {
        this.vm = vm;
        loss = chart("Loss per iteration", "loss");
        loss.setId("loss-chart");
        lossSeries.setName("loss");
        loss.getData().add(lossSeries);
        loss.setLegendVisible(false);
        // the loss axis writes its ticks as everywhere else (grouped digits, no exponent)
        ((NumberAxis) loss.getYAxis()).setTickLabelFormatter(org.tastemap.app.charts.PlainNumbers.remembered(org.tastemap.app.Format::loss));
        quality = chart("Held-out quality per iteration", "@10");
        quality.setId("quality-chart");
        mapSeries.setName("MAP@10");
        // short names: the legend then takes two lines, not four, on a 1024 px window
        precisionSeries.setName("precision@10");
        baseMap.setName("MAP@10, popular");
        basePrecision.setName("p@10, popular");
        quality.getData().addAll(java.util.List.of(mapSeries, precisionSeries, baseMap, basePrecision));
        quality.getStyleClass().add("quality-chart");
        ChartTools.tooltips(loss, (s, d) -> "iteration " + d.getXValue() + ": loss "
                + org.tastemap.app.Format.loss(d.getYValue().doubleValue()));
        ChartTools.tooltips(quality, (s, d) -> (s == baseMap || s == basePrecision ? s.getName() + " (most-popular baseline)"
                : "iteration " + d.getXValue() + ": " + s.getName())
                + String.format(java.util.Locale.ROOT, " %.4f", d.getYValue().doubleValue()));
        // before the first run of the session (a model opened from a file has no history) the charts say what fills them
        javafx.beans.binding.BooleanBinding empty = javafx.beans.binding.Bindings.isEmpty(vm.points()).and(vm.runningProperty().not());
        // a chart hides its own legend unless 200 px of plot remain, more than a 640 px window leaves: each chart
        // shares a card with a one-line key of our own instead, and a PNG of the card keeps it
        quality.setLegendVisible(false);
        HBox lossKey = key(null, new Key("loss: Σ c·(p − x·y)² + λ·(|x|² + |y|²)", false, "key-accent"));
        HBox qualityKey = key("quality-legend", new Key("MAP@10", false, "key-accent"), new Key("precision@10", false, "key-orange"),
                new Key("most popular", true, "key-accent", "key-orange"));
        Tooltip.install(lossKey, new Tooltip("The training objective: confidence-weighted squared error of the preferences "
                + "plus the regularisation penalty; it falls with every iteration."));
        Tooltip.install(qualityKey, new Tooltip("Dashed: MAP@10 (teal) and precision@10 (orange) of recommending the most "
                + "listened artists, the baseline a model must beat."));
        javafx.scene.Node lossPane = card(withEmptyText(loss, empty, "The loss of each iteration appears here while a model trains. "
                + "Press Train, or move the alpha or lambda slider."), lossKey, "loss.png");
        javafx.scene.Node qualityPane = card(withEmptyText(quality, empty, "Held-out MAP@10 and precision@10, beside the most-popular "
                + "baseline, appear here after each iteration."), qualityKey, "held-out-quality.png");
        for (LineChart<Number, Number> c : java.util.List.of(loss, quality)) {
            // the charts' cards, this row and the Train screen's charts are as high as this at least
            c.setMinSize(0, 200);
            c.getStyleClass().add("in-card");
        }
        HBox.setHgrow(lossPane, Priority.ALWAYS);
        HBox.setHgrow(qualityPane, Priority.ALWAYS);
        getChildren().addAll(lossPane, qualityPane);
        setSpacing(12);
        vm.points().addListener((ListChangeListener<IterationPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.points().isEmpty()) {
                    lossSeries.getData().clear();
                    mapSeries.getData().clear();
                    precisionSeries.getData().clear();
                }
                if (c.wasAdded()) {
                    c.getAddedSubList().forEach(this::add);
                }
            }
            updateBaselines();
        });
        vm.firstIterationProperty().addListener((o, a, b) -> fitAxes());
        vm.lastIterationProperty().addListener((o, a, b) -> fitAxes());
        fitAxes();
    }

    /** Both x axes span the planned run, so the curves grow into them instead of rescaling every iteration. */
    private void fitAxes() {
        int first = vm.firstIterationProperty().get();
        int last = vm.lastIterationProperty().get();
        for (LineChart<Number, Number> c : java.util.List.of(loss, quality)) {
            IterationAxis.fit((NumberAxis) c.getXAxis(), first, last);
        }
    }

    private static javafx.scene.Node withEmptyText(LineChart<Number, Number> chart, javafx.beans.value.ObservableBooleanValue empty, String text) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(text);
        label.getStyleClass().add("chart-empty-text");
        label.setWrapText(true);
        label.setMaxWidth(300);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.visibleProperty().bind(empty);
        label.setMouseTransparent(true);
        javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(chart, label);
        pane.setMinWidth(200);
        return pane;
    }

    /** An entry of a chart's key: its text, dashed or solid, and the style class of each of its short lines. */
    private record Key(String text, boolean dashed, String... styles) {
    }

    /** A one-line key of short lines in the series' colours. */
    private static HBox key(String id, Key... keys) {
        HBox box = new HBox(14);
        box.getStyleClass().add("chart-key");
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (id != null) {
            box.setId(id);
        }
        for (Key k : keys) {
            HBox lines = new HBox(3);
            lines.setAlignment(javafx.geometry.Pos.CENTER);
            for (String style : k.styles()) {
                javafx.scene.shape.Line line = new javafx.scene.shape.Line(0, 0, k.dashed() ? 14 : 18, 0);
                line.getStyleClass().addAll("key-line", style);
                if (k.dashed()) {
                    line.getStyleClass().add("key-dashed");
                }
                lines.getChildren().add(line);
            }
            Label l = new Label(k.text(), lines);
            l.getStyleClass().add("chart-key-item");
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    /** The chart over its key, in one card; "Save as PNG…" saves the card, key included. */
    private static javafx.scene.Node card(javafx.scene.Node chart, HBox key, String fileName) {
        VBox card = new VBox(0, chart, key);
        card.getStyleClass().add("chart-card");
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.setMinWidth(200);
        ChartTools.saveAsPngMenu(card, fileName);
        return card;
    }

    /** The x axis of a chart, for tests. */
    NumberAxis iterationAxis(LineChart<Number, Number> c) {
        return (NumberAxis) c.getXAxis();
    }

    private static LineChart<Number, Number> chart(String title, String yLabel) {
        NumberAxis x = IterationAxis.create();
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setMinWidth(200);
        return c;
    }

    private void add(IterationPoint p) {
        if (!Double.isNaN(p.loss())) {
            lossSeries.getData().add(new XYChart.Data<>(p.iteration(), p.loss()));
        }
        if (!Double.isNaN(p.map())) {
            mapSeries.getData().add(new XYChart.Data<>(p.iteration(), p.map()));
            precisionSeries.getData().add(new XYChart.Data<>(p.iteration(), p.precision()));
        }
    }

    private void updateBaselines() {
        baseMap.getData().clear();
        basePrecision.getData().clear();
        if (vm.points().isEmpty() || Double.isNaN(vm.points().get(0).map()) || Double.isNaN(vm.baselineMap())) {
            return;
        }
        int from = vm.firstIterationProperty().get();
        int to = Math.max(from + 1, vm.lastIterationProperty().get());
        baseMap.getData().addAll(java.util.List.of(new XYChart.Data<>(from, vm.baselineMap()), new XYChart.Data<>(to, vm.baselineMap())));
        basePrecision.getData().addAll(java.util.List.of(new XYChart.Data<>(from, vm.baselinePrecision()),
                new XYChart.Data<>(to, vm.baselinePrecision())));
    }

    int lossPoints() {
        return lossSeries.getData().size();
    }

    int qualityPoints() {
        return mapSeries.getData().size();
    }
}
