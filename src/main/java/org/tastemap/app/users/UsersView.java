package org.tastemap.app.users;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.tastemap.app.Icons;
import org.tastemap.app.WarmTables;
import org.tastemap.app.charts.ChartTools;

/** The Users screen: one listener (history, recommendations, explanation, similar users) and the taste builder. */
public final class UsersView extends BorderPane {
    private final UsersViewModel vm;
    private final TabPane tabs = new TabPane();
    private final XYChart.Series<Number, String> contributions = new XYChart.Series<>();
    private TableView<PlayRow> historyTable;
    private TableView<PlayRow> recommendationsTable;
    private TableView<UserRow> similarTable;

    public UsersView(UsersViewModel vm, TasteBuilderViewModel taste) {
        this.vm = vm;
        getStyleClass().add("screen");
        Tab listener = new Tab("A listener", listenerPane());
        Tab builder = new Tab("Taste builder", new TasteBuilderView(taste));
        builder.setId("taste-tab");
        tabs.getTabs().addAll(listener, builder);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("inner-tabs");
        setCenter(tabs);
    }

    private BorderPane listenerPane() {
        TextField find = new TextField();
        find.setId("user-search");
        find.setPromptText("Find a user by id…");
        find.getStyleClass().add("search-field");
        HBox.setHgrow(find, Priority.ALWAYS);
        var binding = TextFields.bindAutoCompletion(find, req -> vm.suggestions().request(req.getUserText()));
        binding.setOnAutoCompleted(e -> vm.open(e.getCompletion().index()));
        binding.setPrefWidth(380);
        find.textProperty().bindBidirectional(vm.queryProperty());
        find.setOnAction(e -> vm.openById(find.getText()));
        Button random = new Button("_Random user", Icons.of(Icons.DICE, 16));
        random.setId("random-user");
        random.setOnAction(e -> vm.openRandom());
        HBox bar = new HBox(8, Icons.of(Icons.USER, 18), find, random);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        Label problem = new Label();
        problem.setId("user-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label held = new Label();
        held.setId("user-histories");
        held.getStyleClass().add("notice");
        held.setWrapText(true);
        held.textProperty().bind(vm.historiesProperty());
        held.visibleProperty().bind(vm.historiesProperty().isNotEmpty());
        held.managedProperty().bind(held.visibleProperty());
        VBox top = new VBox(6, held, bar, problem);

        Label name = new Label();
        name.setId("user-name");
        name.getStyleClass().add("headline-small");
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get() == null
                ? "Pick a listener" : vm.currentProperty().get().id(), vm.currentProperty()));
        Label facts = new Label();
        facts.getStyleClass().add("muted");
        facts.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get() == null
                ? "Search an id above, press Random user, or click a top listener on the Artists screen."
                : String.format(Locale.ROOT, "%,d artists played", vm.currentProperty().get().artists()), vm.currentProperty()));
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.hintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());

        TableView<PlayRow> history = Tables.plays(vm.history(), "user-history", "No listener open.", "Plays");
        TableView<PlayRow> recs = Tables.scores(vm.recommendations(), "user-recommendations", "Recommendations appear here.");
        recs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedRecommendationProperty().set(b));
        TableView<UserRow> similar = similarUsers();
        historyTable = history;
        recommendationsTable = recs;
        similarTable = similar;

        // three columns that fit 1024 x 640: history over similar listeners, the ranked list, and its "why" chart
        VBox h = column("Listening history", history);
        VBox s = column("Similar listeners", similar);
        // the two lists share the column's height
        history.setPrefHeight(200);
        similar.setPrefHeight(200);
        VBox left = new VBox(10, h, s);
        VBox.setVgrow(h, Priority.ALWAYS);
        VBox.setVgrow(s, Priority.ALWAYS);
        left.setMinWidth(220);
        org.tastemap.app.filter.ArtistFilterButton filter = new org.tastemap.app.filter.ArtistFilterButton("recommendation-filter",
                vm.recommendationFilterProperty());
        // short, so that it and the Filter button fit 260 px; the "why" chart's placeholder says what a selection does
        VBox r = column("Recommended", filter, recs);
        r.setMinWidth(260);
        VBox why = explanationChart();
        HBox.setHgrow(why, Priority.ALWAYS);
        why.setMinWidth(0);
        HBox cols = new HBox(14, left, r, why);
        // on a wide window the lists widen too (a quarter and 30% of the row), so their names are not cut while
        // the chart has room to spare; at 1024 px they keep the widths above
        left.prefWidthProperty().bind(Bindings.max(270, cols.widthProperty().multiply(0.25)));
        r.prefWidthProperty().bind(Bindings.max(330, cols.widthProperty().multiply(0.30)));
        VBox.setVgrow(cols, Priority.ALWAYS);

        Button compare = new Button("Compare with…");
        compare.setId("compare-button");
        compare.getStyleClass().add("small");
        compare.disableProperty().bind(vm.currentProperty().isNull());
        compare.setOnAction(e -> ListenerDialogs.compare(getScene().getWindow(), vm, vm.compare(), firstSimilar()));
        Button heldOut = new Button("Held-out test…");
        heldOut.setId("held-out-button");
        heldOut.getStyleClass().add("small");
        heldOut.disableProperty().bind(vm.currentProperty().isNull());
        heldOut.setOnAction(e -> ListenerDialogs.heldOut(getScene().getWindow(), vm, vm.heldOut()));
        compare.setMinWidth(USE_PREF_SIZE);
        heldOut.setMinWidth(USE_PREF_SIZE);
        facts.setMinWidth(0);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        HBox who = new HBox(10, name, facts, hint, compare, heldOut);
        who.setAlignment(Pos.BASELINE_LEFT);
        VBox body = new VBox(6, who, cols);
        BorderPane p = new BorderPane();
        p.setTop(top);
        p.setCenter(body);
        return p;
    }

    /** The most similar listener, proposed for a comparison; -1 when none. */
    private int firstSimilar() {
        return vm.similarUsers().isEmpty() ? -1 : vm.similarUsers().get(0).index();
    }

    /**
     * Lays out the listener's empty tables once with made-up rows and puts their lists back (one FX
     * event, nothing drawn), so the first listener opened pays no first-use cost ({@link WarmTables}).
     */
    public void warmUp() {
        new WarmTables().with(historyTable, i -> new PlayRow(i, "Artist " + i, 100 - i))
                .with(recommendationsTable, i -> new PlayRow(i, "Artist " + i, 1 - i / 100.0))
                .with(similarTable, i -> new UserRow(i, "listener-" + i, 50 - i, 1 - i / 100.0))
                .layOut(this);
    }

    private TableView<UserRow> similarUsers() {
        TableView<UserRow> t = new TableView<>(vm.similarUsers());
        t.setId("similar-users");
        t.setPlaceholder(new Label("Similar listeners appear here."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<UserRow, UserRow> id = new TableColumn<>("Listener");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        id.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(UserRow u, boolean empty) {
                super.updateItem(u, empty);
                if (empty || u == null) {
                    setGraphic(null);
                    return;
                }
                Hyperlink link = new Hyperlink(u.id().length() > 16 ? u.id().substring(0, 12) + "…" : u.id());
                link.setOnAction(e -> vm.open(u.index()));
                setGraphic(link);
            }
        });
        id.setPrefWidth(140);
        t.setRowFactory(v -> {
            javafx.scene.control.TableRow<UserRow> row = new javafx.scene.control.TableRow<>();
            javafx.scene.control.MenuItem cmp = new javafx.scene.control.MenuItem("Compare with this listener");
            cmp.setOnAction(e -> ListenerDialogs.compare(getScene().getWindow(), vm, vm.compare(), row.getItem().index()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((javafx.scene.control.ContextMenu) null)
                    .otherwise(new javafx.scene.control.ContextMenu(cmp)));
            return row;
        });
        TableColumn<UserRow, Number> sim = new TableColumn<>("Similarity");
        sim.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        sim.setCellFactory(c -> new org.tastemap.app.artists.ScoreBarCell<>(
                () -> org.tastemap.app.artists.ScoreScale.of(vm.similarUsers(), UserRow::score)));
        org.tastemap.app.artists.ScoreBarCell.explain(sim, "Similarity", "How alike two listeners' tastes are to the "
                + "model: the cosine of the angle between their factor vectors, 1 when they point the same way.");
        t.getColumns().addAll(java.util.List.of(id, sim));
        return t;
    }

    private VBox explanationChart() {
        NumberAxis x = new NumberAxis();
        x.setLabel("contribution to the score  (sᵢⱼ · cᵤⱼ)");
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("explanation-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getData().add(contributions);
        chart.setPrefHeight(300);
        chart.setMinHeight(200);
        chart.setMinWidth(0);
        chart.setCategoryGap(4);
        chart.titleProperty().bind(vm.explanationTitleProperty());
        ChartTools.tooltips(chart, (s, d) -> String.format(java.util.Locale.ROOT, "%s adds %.4g to the score", d.getYValue(),
                d.getXValue().doubleValue()));
        ChartTools.saveAsPngMenu(chart, "explanation.png");
        vm.explanation().addListener((ListChangeListener<ContributionRow>) c -> {
            contributions.getData().clear();
            // reversed so that the largest contribution is drawn on top
            for (int q = vm.explanation().size() - 1; q >= 0; q--) {
                ContributionRow row = vm.explanation().get(q);
                contributions.getData().add(new XYChart.Data<>(row.contribution(), row.name()));
            }
        });
        Label empty = new Label("Select a recommendation to see which of the listener's artists explain it.");
        empty.setId("explanation-empty");
        empty.setWrapText(true);
        empty.setMinHeight(USE_PREF_SIZE);
        empty.getStyleClass().add("muted");
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.explanation()));
        chart.managedProperty().bind(chart.visibleProperty());
        empty.visibleProperty().bind(chart.visibleProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());
        empty.setPadding(new Insets(8, 0, 0, 0));
        VBox box = new VBox(chart, empty);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private static VBox column(String title, javafx.scene.Node content) {
        return column(title, null, content);
    }

    /** A titled column; {@code tool} (may be null) sits at the right of the title. */
    private static VBox column(String title, javafx.scene.Node tool, javafx.scene.Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        l.setMinWidth(0);
        javafx.scene.Node head = l;
        if (tool != null) {
            if (tool instanceof javafx.scene.layout.Region region) {
                // the title gives way, the tool (the Filter button) never shrinks to "…"
                region.setMinWidth(USE_PREF_SIZE);
            }
            HBox h = new HBox(8, l, tool);
            h.setAlignment(Pos.CENTER_LEFT);
            head = h;
        }
        VBox v = new VBox(6, head, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return v;
    }

    /** Shows the listener tab (used when another screen opens a user). */
    public void showListener() {
        tabs.getSelectionModel().select(0);
    }

    /** Number of bars in the explanation chart, for tests. */
    public int explanationBars() {
        return contributions.getData().size();
    }
}
