package org.tastemap.app.artists;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.tastemap.app.Icons;
import org.tastemap.app.WarmTables;

/** The Artists screen: search, the artist's similar artists with score bars, and its top listeners. */
public final class ArtistsView extends BorderPane {
    private final ArtistsViewModel vm;
    private final TextField search = new TextField();
    private TableView<ArtistRow> resultsTable;
    private TableView<ArtistRow> similarTable;
    private TableView<ListenerRow> listenersTable;

    public ArtistsView(ArtistsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setTop(toolbar());
        setLeft(results());
        setCenter(detail());
    }

    private HBox toolbar() {
        Button back = new Button(null, Icons.of(Icons.BACK, 16));
        back.setId("artist-back");
        back.setTooltip(new Tooltip("Back to the previous artist"));
        back.disableProperty().bind(vm.canBackBinding().not());
        back.setOnAction(e -> vm.back());
        Button forward = new Button(null, Icons.of(Icons.FORWARD, 16));
        forward.setId("artist-forward");
        forward.setTooltip(new Tooltip("Forward"));
        forward.disableProperty().bind(vm.canForwardBinding().not());
        forward.setOnAction(e -> vm.forward());
        search.setId("artist-search");
        search.setPromptText("Search an artist: try a few letters…");
        search.getStyleClass().add("search-field");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.textProperty().bindBidirectional(vm.queryProperty());
        // ControlsFX asks on a background thread per keystroke; the ViewModel answers only the newest
        var binding = TextFields.bindAutoCompletion(search, req -> vm.suggestions().request(req.getUserText()));
        binding.setOnAutoCompleted(e -> vm.openFromSearch(e.getCompletion().index()));
        binding.setPrefWidth(380);
        binding.setVisibleRowCount(ArtistsViewModel.SUGGESTIONS);
        search.setOnAction(e -> {
            if (!vm.results().isEmpty()) {
                vm.openFromSearch(vm.results().get(0).index());
            }
        });
        HBox bar = new HBox(8, back, forward, Icons.of(Icons.SEARCH, 18), search);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private VBox results() {
        TableView<ArtistRow> t = new TableView<>();
        resultsTable = t;
        // new results (for a name shown after navigating) start unselected: registered before the table's
        // own listener, this keeps the selection from moving onto a new row and opening that artist
        vm.results().addListener((javafx.collections.ListChangeListener<ArtistRow>) c -> t.getSelectionModel().clearSelection());
        t.setItems(vm.results());
        t.setId("artist-results");
        t.setPlaceholder(new Label("Type to search all artists."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ArtistRow, String> name = new TableColumn<>("Artist");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(130);
        TableColumn<ArtistRow, String> listeners = new TableColumn<>("Listeners");
        listeners.setPrefWidth(76);
        listeners.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", c.getValue().listeners())));
        listeners.getStyleClass().add("numeric");
        TableColumn<ArtistRow, String> plays = new TableColumn<>("Plays");
        // NaN: a Spark-trained model opened alone knows the listeners of the full data, not its plays
        plays.setCellValueFactory(c -> new ReadOnlyStringWrapper(Double.isNaN(c.getValue().plays()) ? "—"
                : String.format(Locale.ROOT, "%,.0f", c.getValue().plays())));
        plays.getStyleClass().add("numeric");
        t.getColumns().addAll(java.util.List.of(name, listeners, plays));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.openFromSearch(b.index());
            }
        });
        VBox box = new VBox(8, title("Search results"), t);
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPrefWidth(300);
        box.setMinWidth(220);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private BorderPane detail() {
        Label name = new Label();
        name.setId("artist-name");
        name.getStyleClass().add("headline");
        Label facts = new Label();
        facts.getStyleClass().add("muted");
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.currentProperty().get() == null
                ? "Pick an artist" : vm.currentProperty().get().name(), vm.currentProperty()));
        facts.textProperty().bind(Bindings.createStringBinding(() -> {
            ArtistRow r = vm.currentProperty().get();
            return r == null ? "Search above, then select a result. Double-click a similar artist to go there."
                    : Double.isNaN(r.plays()) ? String.format(Locale.ROOT, "%,d listeners in the full data", r.listeners())
                    : String.format(Locale.ROOT, "%,d listeners · %,.0f plays", r.listeners(), r.plays());
        }, vm.currentProperty()));
        Label hint = new Label();
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.hintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());

        TableView<ArtistRow> similar = new TableView<>(vm.similar());
        similarTable = similar;
        similar.setId("similar-artists");
        similar.setPlaceholder(new Label("Similar artists appear here."));
        // the listeners' column keeps its header and numbers whole (FitColumn), the names theirs; the bars take the rest
        TableColumn<ArtistRow, String> sn = new TableColumn<>("Similar artist");
        sn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        sn.setPrefWidth(200);
        TableColumn<ArtistRow, Number> score = new TableColumn<>("Similarity (cosine)");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setCellFactory(c -> new ScoreBarCell<>(() -> ScoreScale.of(vm.similar(), ArtistRow::score)));
        ScoreBarCell.explain(score, "Similarity (cosine)", "How alike two artists are to the model: the cosine of the "
                + "angle between their factor vectors, 1 when they point the same way (the same listeners play both).");
        score.setPrefWidth(220);
        TableColumn<ArtistRow, String> sl = new TableColumn<>("Listeners");
        sl.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", c.getValue().listeners())));
        sl.getStyleClass().add("numeric");
        org.tastemap.app.FitColumn.toWidest(similar, sl);
        similar.getColumns().addAll(java.util.List.of(sn, score, sl));
        org.tastemap.app.FitColumn.fillWith(similar, score);
        similar.getColumns().forEach(c -> c.setSortable(false));
        // Enter does what a double-click does, for the keyboard
        similar.setOnKeyPressed(e -> {
            ArtistRow r = similar.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && r != null) {
                vm.open(r.index());
                e.consume();
            }
        });
        similar.setRowFactory(tv -> {
            TableRow<ArtistRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.open(row.getItem().index());
                }
            });
            return row;
        });

        TableView<ListenerRow> listeners = new TableView<>(vm.listeners());
        listenersTable = listeners;
        listeners.setId("top-listeners");
        listeners.setPlaceholder(new Label("No listeners."));
        listeners.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ListenerRow, ListenerRow> user = new TableColumn<>("Top listener");
        user.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        user.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(ListenerRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(shortId(r.userId()));
                link.setTooltip(new Tooltip("Open " + r.userId() + " on the Users screen"));
                link.setOnAction(e -> vm.openUser(r.user()));
                setGraphic(link);
            }
        });
        user.setPrefWidth(150);
        TableColumn<ListenerRow, String> plays = new TableColumn<>("Plays");
        plays.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,.0f", c.getValue().plays())));
        plays.getStyleClass().add("numeric");
        listeners.getColumns().addAll(java.util.List.of(user, plays));
        listeners.setOnKeyPressed(e -> {
            ListenerRow r = listeners.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && r != null) {
                vm.openUser(r.user());
                e.consume();
            }
        });

        org.tastemap.app.filter.ArtistFilterButton filter = new org.tastemap.app.filter.ArtistFilterButton("similar-filter",
                vm.similarFilterProperty());
        Label simTitle = title("Similar artists · double-click to go there");
        simTitle.setMinWidth(0);
        HBox simHead = new HBox(8, simTitle, filter);
        simHead.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox sim = new VBox(8, simHead, similar);
        VBox.setVgrow(similar, Priority.ALWAYS);
        VBox lis = new VBox(8, title("Top listeners"), listeners);
        VBox.setVgrow(listeners, Priority.ALWAYS);
        lis.setPrefWidth(260);
        lis.setMinWidth(220);
        HBox.setHgrow(sim, Priority.ALWAYS);
        HBox lists = new HBox(16, sim, lis);
        BorderPane p = new BorderPane();
        VBox head = new VBox(2, name, facts, hint);
        head.setPadding(new Insets(0, 0, 12, 0));
        p.setTop(head);
        p.setCenter(lists);
        return p;
    }

    static String shortId(String id) {
        return id.length() > 16 ? id.substring(0, 12) + "…" : id;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /**
     * Lays out the empty tables once with made-up rows and puts their lists back (one FX event,
     * nothing drawn), so the first search pays no first-use cost ({@link WarmTables}).
     */
    public void warmUp() {
        new WarmTables().with(resultsTable, i -> new ArtistRow(i, "Artist " + i, 1000 - i, 1e4 - i, Double.NaN))
                .with(similarTable, i -> new ArtistRow(i, "Similar artist " + i, 1000 - i, 1e4 - i, 1 - i / 100.0))
                .with(listenersTable, i -> new ListenerRow(i, "listener-" + i, 100 - i))
                .layOut(this);
    }

    public TextField searchField() {
        return search;
    }
}
