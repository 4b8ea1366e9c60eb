package org.tastemap.app.map;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;

/** The Map screen's side panel: the legend (each group on or off), the selection and its export, the listener overlay. */
final class MapSidePanel extends TabPane {
    /** Opens a file chooser: title, save (or open), suggested name. */
    interface Chooser {
        File choose(String title, boolean save, String name);
    }

    MapSidePanel(MapViewModel vm, MapView.Sources sources, Chooser chooser) {
        setId("map-side");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setPrefWidth(290);
        setMinWidth(250);
        getTabs().addAll(new Tab("Legend", legend(vm)), new Tab("Selection", selection(vm, chooser)),
                new Tab("Listener", listener(vm, sources)));
        getTabs().get(0).setId("map-tab-legend");
        getTabs().get(1).setId("map-tab-selection");
        getTabs().get(2).setId("map-tab-listener");
        // a new selection brings its list forward
        vm.selection().rows().addListener((javafx.collections.ListChangeListener<MapSelection.Row>) c -> {
            if (!vm.selection().rows().isEmpty()) {
                getSelectionModel().select(1);
            }
        });
    }

    private static VBox legend(MapViewModel vm) {
        ListView<LegendItem> list = new ListView<>(vm.legend());
        list.setId("map-legend");
        list.setPlaceholder(new Label("No map yet."));
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private final Circle swatch = new Circle(6);
            private final Label count = new Label();
            private final HBox row;
            private LegendItem bound;

            {
                count.getStyleClass().add("muted");
                count.setMinWidth(Region.USE_PREF_SIZE);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                box.setMnemonicParsing(false);
                box.setMinWidth(0);
                row = new HBox(8, swatch, box, gap, count);
                row.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(LegendItem item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound.shownProperty());
                    bound = null;
                }
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                bound = item;
                swatch.setFill(item.colour());
                box.setText(item.name());
                box.selectedProperty().bindBidirectional(item.shownProperty());
                box.setId("legend-" + item.group());
                count.setText(String.format(Locale.ROOT, "%,d", item.count()));
                setGraphic(row);
            }
        });
        Button all = new Button("All");
        all.setOnAction(e -> vm.legend().forEach(i -> i.shownProperty().set(true)));
        Button none = new Button("None");
        none.setOnAction(e -> vm.legend().forEach(i -> i.shownProperty().set(false)));
        Label how = new Label("Untick a group to hide it.");
        how.getStyleClass().add("muted");
        HBox buttons = new HBox(8, all, none, how);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, buttons, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.getStyleClass().add("side-tab");
        return box;
    }

    private static VBox selection(MapViewModel vm, Chooser chooser) {
        TableView<MapSelection.Row> table = new TableView<>(vm.selection().rows());
        table.setId("map-selection");
        Label empty = new Label("Choose Box or Lasso above and drag on the map.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MapSelection.Row, String> name = new TableColumn<>("Artist");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        TableColumn<MapSelection.Row, String> listeners = new TableColumn<>("Listeners");
        listeners.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%,d", c.getValue().listeners())));
        listeners.getStyleClass().add("numeric");
        table.getColumns().addAll(java.util.List.of(name, listeners));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<MapSelection.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    vm.open(row.getItem().point());
                }
            });
            return row;
        });
        Label summary = new Label();
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.selection().summaryProperty().get().isEmpty()
                ? "Nothing selected" : vm.selection().summaryProperty().get() + " · double-click opens", vm.selection().summaryProperty()));
        summary.getStyleClass().add("muted");
        Button export = new Button("Export CSV…");
        export.setId("map-export");
        export.setTooltip(new Tooltip("Write the selected artists with listeners, position and group to a CSV file"));
        export.disableProperty().bind(Bindings.isEmpty(vm.selection().rows()));
        export.setOnAction(e -> {
            File f = chooser.choose("Export the selected artists", true, "map-selection.csv");
            if (f != null) {
                vm.selection().export(f.toPath());
            }
        });
        Button clear = new Button("Clear");
        clear.setId("map-clear-selection");
        clear.disableProperty().bind(export.disableProperty());
        clear.setOnAction(e -> vm.selection().clear());
        HBox buttons = new HBox(8, export, clear);
        VBox box = new VBox(8, summary, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("side-tab");
        return box;
    }

    private static VBox listener(MapViewModel vm, MapView.Sources sources) {
        TextField id = new TextField();
        id.setId("map-listener-id");
        id.setPromptText("Listener id");
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        Runnable show = () -> problem.setText(vm.overlay().showListener(id.getText()) ? "" : "No listener with this id in the data.");
        id.setOnAction(e -> show.run());
        Button go = new Button("Show");
        go.setId("map-listener-show");
        go.setOnAction(e -> show.run());
        HBox.setHgrow(id, Priority.ALWAYS);
        HBox byId = new HBox(8, id, go);
        Button current = new Button("The Users screen's listener");
        current.setId("map-listener-current");
        current.setOnAction(e -> sources.currentListener().run());
        Button taste = new Button("The taste builder's listener");
        taste.setId("map-listener-taste");
        taste.setOnAction(e -> sources.tasteListener().run());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.overlay().clear());
        clear.disableProperty().bind(vm.overlay().shownProperty().isNull());
        for (Button b : new Button[] {current, taste}) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        Label title = new Label();
        title.setId("map-listener-title");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.overlay().shownProperty().get() == null
                ? "Pick a listener to see what they played and what is recommended to them as places on the map."
                : vm.overlay().shownProperty().get().title(), vm.overlay().shownProperty()));
        Circle played = new Circle(6, javafx.scene.paint.Color.WHITE);
        played.setStroke(javafx.scene.paint.Color.web("#1d2733"));
        Polygon rec = new Polygon(0, -7, 7, 0, 0, 7, -7, 0);
        rec.setFill(javafx.scene.paint.Color.web("#ff9f1c"));
        rec.setStroke(javafx.scene.paint.Color.web("#1d2733"));
        HBox key = new HBox(8, played, new Label("played"), rec, new Label("recommended"));
        key.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, byId, problem, current, taste, clear, title, key);
        box.getStyleClass().add("side-tab");
        return box;
    }
}
