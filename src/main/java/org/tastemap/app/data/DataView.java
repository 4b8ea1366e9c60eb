package org.tastemap.app.data;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.tastemap.app.Icons;
import org.tastemap.app.charts.ChartTools;
import org.tastemap.app.charts.PlainNumbers;
import org.tastemap.app.charts.PointTooltip;

/** The Data screen: the dataset in four charts, and the way to import another. */
public final class DataView extends BorderPane {
    private final XYChart.Series<Number, Number> tail = new XYChart.Series<>();
    private final XYChart.Series<String, Number> perUser = new XYChart.Series<>();
    private final XYChart.Series<String, Number> plays = new XYChart.Series<>();
    private final XYChart.Series<Number, String> top = new XYChart.Series<>();
    private final Label facts = new Label();
    private BarChart<Number, String> topChart;
    private DatasetStats shown;
    private int topShown = -1;
    private java.util.function.IntConsumer onOpenArtist = i -> { };
    private NumberAxis rankAxis;
    private NumberAxis listenersAxis;

    public DataView(DataViewModel vm, Runnable onImport) {
        getStyleClass().add("screen");
        Button importButton = new Button("Import listening data…", Icons.of(Icons.IMPORT, 16));
        importButton.setId("data-import");
        importButton.getStyleClass().add("accent");
        importButton.setOnAction(e -> onImport.run());
        facts.setId("data-facts");
        facts.getStyleClass().add("headline-small");
        Label dropHint = new Label("…or drop a TSV/CSV file on the window");
        dropHint.setId("data-drop-hint");
        dropHint.getStyleClass().add("muted");
        // on a narrow window the hint gives way, whole: it shows only where its full text fits, never as
        // "…or drop a TSV/CSV file o…"; the headline and the button keep their full text
        dropHint.setMinWidth(0);
        dropHint.widthProperty().addListener((o, a, b) -> dropHint.setVisible(b.doubleValue() + 0.5 >= dropHint.prefWidth(-1)));
        facts.setMinWidth(USE_PREF_SIZE);
        importButton.setMinWidth(USE_PREF_SIZE);
        importButton.setMnemonicParsing(true);
        importButton.setText("_Import listening data…");
        HBox top = new HBox(14, facts, spacer(), dropHint, importButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        facts.textProperty().bind(vm.headlineBinding());
        // empty charts would show meaningless 0..110 axes: until there are numbers, only the headline speaks
        GridPane grid = charts();
        grid.visibleProperty().bind(vm.statsProperty().isNotNull());
        // a Spark-trained model opened alone: why there are no charts, and what to do
        Label why = new Label();
        why.setId("data-why");
        why.getStyleClass().add("muted");
        why.setWrapText(true);
        why.setMaxWidth(640);
        why.textProperty().bind(vm.whyBinding());
        why.visibleProperty().bind(vm.whyBinding().isNotEmpty());
        javafx.scene.layout.StackPane.setAlignment(why, Pos.TOP_LEFT);
        setCenter(new javafx.scene.layout.StackPane(grid, why));
        vm.statsProperty().addListener((o, a, b) -> show(b));
        show(vm.statsProperty().get());
    }

    private static HBox spacer() {
        HBox s = new HBox();
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }

    private GridPane charts() {
        NumberAxis rank = new NumberAxis();
        rank.setLabel("rank of artist (log scale)");
        NumberAxis listeners = new NumberAxis();
        listeners.setLabel("listeners (log scale)");
        // the points are log10 values; the ticks read as the values themselves, one per decade
        PlainNumbers.log10Axis(rank);
        PlainNumbers.log10Axis(listeners);
        rankAxis = rank;
        listenersAxis = listeners;
        LineChart<Number, Number> tailChart = new LineChart<>(rank, listeners);
        tailChart.setTitle("Long tail: listeners per artist (log–log)");
        tailChart.setLegendVisible(false);
        tailChart.getData().add(tail);
        tailChart.setId("long-tail-chart");

        CategoryAxis bins = new CategoryAxis();
        bins.setLabel("artists played");
        NumberAxis users = new NumberAxis();
        users.setLabel("users");
        BarChart<String, Number> perUserChart = new BarChart<>(bins, users);
        perUserChart.setTitle("Artists per user");
        perUserChart.setLegendVisible(false);
        perUserChart.setBarGap(0);
        perUserChart.setCategoryGap(1);
        perUserChart.getData().add(perUser);

        CategoryAxis logPlays = new CategoryAxis();
        logPlays.setLabel("plays (bins from this count up, log scale)");
        NumberAxis rows = new NumberAxis();
        rows.setLabel("user–artist rows");
        BarChart<String, Number> playsChart = new BarChart<>(logPlays, rows);
        playsChart.setTitle("Plays per user–artist row");
        playsChart.setLegendVisible(false);
        playsChart.setBarGap(0);
        playsChart.setCategoryGap(1);
        playsChart.getData().add(plays);

        NumberAxis count = new NumberAxis();
        count.setLabel("listeners");
        CategoryAxis names = new CategoryAxis();
        topChart = new BarChart<>(count, names);
        topChart.setTitle("Top artists by listeners");
        topChart.setLegendVisible(false);
        topChart.getData().add(top);
        topChart.setId("top-artists-chart");
        topChart.setCategoryGap(3);
        topChart.setBarGap(0);
        // a category axis hides every other name when they do not fit: show only as many artists as can be named
        names.heightProperty().addListener((o, a, b) -> fillTop());

        users.setTickLabelFormatter(PlainNumbers.labels());
        rows.setTickLabelFormatter(PlainNumbers.labels());
        count.setTickLabelFormatter(PlainNumbers.labels());
        // the line without a node per point (~200 symbols made the UI thread wait when a file opened): one tooltip
        // shows the point nearest the pointer
        PointTooltip.install(tailChart, (s, d) -> String.format(java.util.Locale.ROOT, "rank %,d: %,d listeners",
                Math.round(Math.pow(10, d.getXValue().doubleValue())), Math.round(Math.pow(10, d.getYValue().doubleValue()))));
        ChartTools.tooltips(perUserChart, (s, d) -> String.format(java.util.Locale.ROOT, "%s artists played: %,d users",
                d.getXValue(), Math.round(d.getYValue().doubleValue())));
        ChartTools.tooltips(playsChart, (s, d) -> String.format(java.util.Locale.ROOT, "from %s plays: %,d rows",
                d.getXValue(), Math.round(d.getYValue().doubleValue())));
        ChartTools.tooltips(topChart, (s, d) -> String.format(java.util.Locale.ROOT, "%s: %,d listeners · click to open",
                d.getYValue(), Math.round(d.getXValue().doubleValue())));
        ChartTools.onClick(topChart, d -> {
            if (d.getExtraValue() instanceof Integer i && i >= 0) {
                onOpenArtist.accept(i);
            }
        });
        ChartTools.saveAsPngMenu(tailChart, "long-tail.png");
        ChartTools.saveAsPngMenu(perUserChart, "artists-per-user.png");
        ChartTools.saveAsPngMenu(playsChart, "plays-per-row.png");
        ChartTools.saveAsPngMenu(topChart, "top-artists.png");
        perUserChart.setId("artists-per-user-chart");
        playsChart.setId("plays-chart");
        for (var c : java.util.List.of(tailChart, perUserChart, playsChart, topChart)) {
            c.setAnimated(false);
            // the grid's halves decide the size, not the charts' own minimums (1024 x 640 must fit)
            c.setMinSize(0, 0);
            c.getStyleClass().add("stat-chart");
        }
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(14);
        g.add(tailChart, 0, 0);
        g.add(topChart, 1, 0);
        g.add(perUserChart, 0, 1);
        g.add(playsChart, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            g.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            g.getRowConstraints().add(rc);
        }
        return g;
    }

    private void show(DatasetStats s) {
        tail.getData().clear();
        perUser.getData().clear();
        plays.getData().clear();
        top.getData().clear();
        shown = s;
        topShown = -1;
        if (s == null) {
            return;
        }
        fillTop();
        double maxRank = 0;
        double maxListeners = 0;
        for (double[] p : s.longTail()) {
            tail.getData().add(new XYChart.Data<>(p[0], p[1]));
            maxRank = Math.max(maxRank, p[0]);
            maxListeners = Math.max(maxListeners, p[1]);
        }
        PlainNumbers.fitDecades(rankAxis, 0, maxRank);
        PlainNumbers.fitDecades(listenersAxis, 0, maxListeners);
        for (DatasetStats.Bin b : s.artistsPerUser()) {
            perUser.getData().add(new XYChart.Data<>(b.label(), b.value()));
        }
        for (DatasetStats.Bin b : s.plays()) {
            plays.getData().add(new XYChart.Data<>(b.label(), b.value()));
        }
    }

    /** What a click on a bar of "Top artists" does with that artist. */
    public void setOnOpenArtist(java.util.function.IntConsumer open) {
        onOpenArtist = open;
    }

    /** The top-artists chart, for tests. */
    public BarChart<Number, String> topArtistsChart() {
        return topChart;
    }

    /** Rows of the top-artists chart that its name axis can label: 18 px a name at 11 px type. */
    static int topArtistsThatFit(double axisHeight, int available) {
        // the axis hides a name whose 11 px text (about 14 px high) would touch its neighbour's: keep a gap
        int fit = (int) Math.floor(axisHeight / 18);
        return Math.max(0, Math.min(available, Math.max(3, fit)));
    }

    private void fillTop() {
        double axis = topChart == null ? 0 : topChart.getYAxis().getHeight();
        if (shown == null || axis <= 0) {
            return;
        }
        int n = topArtistsThatFit(axis, shown.topArtists().size());
        if (n == topShown) {
            return;
        }
        topShown = n;
        topChart.setTitle("Top " + n + " artists by listeners");
        top.getData().clear();
        for (int q = n - 1; q >= 0; q--) {
            DatasetStats.Bin b = shown.topArtists().get(q);
            top.getData().add(new XYChart.Data<>(b.value(), b.label(), b.index()));
        }
    }

}
