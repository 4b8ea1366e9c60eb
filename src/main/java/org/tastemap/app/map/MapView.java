package org.tastemap.app.map;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.tastemap.app.Icons;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.io.PngFile;

/** The Map screen: toolbar (search, colours, k, tools, PNG), the map, and a side panel (legend, selection, listener). */
public final class MapView extends BorderPane {
    private final MapViewModel vm;
    private final MapCanvas map;
    private final TextField search = new TextField();
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;
    /** Asks for a file: the platform's file chooser, or what a test puts in its place. */
    private MapSidePanel.Chooser files = this::fileChooser;

    /** What the Listener panel can take from other screens: the Users screen's listener, the taste builder's. */
    public record Sources(Runnable currentListener, Runnable tasteListener) {
        /** Overlays the Users screen's current listener, or the taste builder's hypothetical one (its picks and plays). */
        public static Sources of(MapViewModel map, org.tastemap.app.users.UsersViewModel users,
                                 org.tastemap.app.users.TasteBuilderViewModel taste) {
            return new Sources(() -> {
                if (users.currentProperty().get() != null) {
                    map.overlay().showListener(users.currentProperty().get().index());
                }
            }, () -> {
                float[] plays = new float[taste.picks().size()];
                for (int q = 0; q < plays.length; q++) {
                    plays[q] = (float) taste.picks().get(q).value();
                }
                map.overlay().showHypothetical(taste.picks().stream().mapToInt(p -> p.artist()).toArray(), plays);
            });
        }
    }

    public MapView(MapViewModel vm, Sources sources, BackgroundExecutor executor, ErrorReporter errors) {
        this.vm = vm;
        this.executor = executor;
        this.errors = errors;
        this.map = new MapCanvas(vm);
        getStyleClass().add("screen");
        setTop(new javafx.scene.layout.VBox(8, toolbar(), statusRow()));
        StackPane centre = new StackPane(map, placeholder());
        centre.getStyleClass().add("map-frame");
        BorderPane.setMargin(centre, new Insets(8, 0, 0, 0));
        setCenter(centre);
        MapSidePanel side = new MapSidePanel(vm, sources, this::chooser);
        BorderPane.setMargin(side, new Insets(8, 0, 0, 12));
        setRight(side);
    }

    private HBox toolbar() {
        search.setId("map-search");
        search.setPromptText("Find artists on the map…");
        search.getStyleClass().add("search-field");
        search.textProperty().bindBidirectional(vm.search().queryProperty());
        search.setOnAction(e -> vm.search().again());
        search.setPrefWidth(220);
        search.setMinWidth(140);
        HBox.setHgrow(search, Priority.SOMETIMES);

        ComboBox<MapViewModel.ColourBy> colour = new ComboBox<>();
        colour.setId("map-colour");
        colour.getItems().setAll(MapViewModel.ColourBy.values());
        colour.valueProperty().bindBidirectional(vm.colourByProperty());
        colour.setConverter(new StringConverter<>() {
            @Override
            public String toString(MapViewModel.ColourBy c) {
                if (c == null) {
                    return "";
                }
                return switch (c) {
                    case CLUSTER -> "Colour by cluster";
                    case POPULARITY -> "Colour by popularity";
                    case LABELS -> vm.labelsProperty().get() == null ? "Colour by labels (load a file)"
                            : vm.labelsProperty().get().file().getFileName().toString().endsWith(".genres.tsv") ? "Colour by genre"
                            : "Colour by labels";
                };
            }

            @Override
            public MapViewModel.ColourBy fromString(String s) {
                return null;
            }
        });
        // choosing "labels" with none loaded asks for the file
        colour.setOnAction(e -> {
            if (colour.getValue() == MapViewModel.ColourBy.LABELS && vm.labelsProperty().get() == null) {
                vm.colourByProperty().set(MapViewModel.ColourBy.CLUSTER);
                chooseLabels();
            }
        });
        vm.labelsProperty().addListener((o, a, b) -> {
            // the converter's text depends on the file: make the box ask again
            var v = colour.getValue();
            colour.getItems().setAll(MapViewModel.ColourBy.values());
            colour.setValue(v);
        });

        Spinner<Integer> k = new Spinner<>(2, 60, 8);
        k.setId("map-k");
        k.setEditable(true);
        k.setPrefWidth(76);
        k.setTooltip(new Tooltip("Clusters (k-means on the artist factors). The first value is chosen by measurement."));
        vm.clustersProperty().addListener((o, a, b) -> {
            if (b.intValue() > 0 && !b.equals(k.getValue())) {
                k.getValueFactory().setValue(b.intValue());
            }
        });
        k.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.clustersProperty().get()) {
                vm.recluster(b);
            }
        });
        Label kLabel = new Label("k");
        kLabel.setLabelFor(k);
        kLabel.disableProperty().bind(vm.colourByProperty().isNotEqualTo(MapViewModel.ColourBy.CLUSTER));
        k.disableProperty().bind(kLabel.disableProperty());

        Button labels = new Button("Labels…");
        labels.setId("map-labels");
        labels.setTooltip(new Tooltip("Colour by a file of artist → label (TSV or CSV), such as genres"));
        labels.setOnAction(e -> chooseLabels());

        ToggleGroup tools = new ToggleGroup();
        ToggleButton pan = tool("Pan", "map-pan", MapCanvas.Tool.PAN, tools, "Drag to move, wheel to zoom, click a point to open it (Shift+drag: rectangle)");
        ToggleButton rect = tool("Box", "map-rect", MapCanvas.Tool.RECTANGLE, tools, "Drag a rectangle to select the artists inside");
        ToggleButton lasso = tool("Lasso", "map-lasso", MapCanvas.Tool.LASSO, tools, "Draw around artists to select them");
        pan.setSelected(true);
        tools.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);   // one tool is always on
            } else {
                map.setTool((MapCanvas.Tool) b.getUserData());
            }
        });
        HBox toolBox = new HBox(0, pan, rect, lasso);
        toolBox.getStyleClass().add("segmented");

        Button fit = new Button("Fit");
        fit.setId("map-fit");
        fit.setTooltip(new Tooltip("Show the whole map"));
        fit.setOnAction(e -> map.fit());
        Button png = new Button("PNG…");
        png.setId("map-save-png");
        png.setTooltip(new Tooltip("Save the map as shown as a PNG image"));
        png.setOnAction(e -> savePng());
        png.disableProperty().bind(vm.pointsProperty().isNull());

        HBox bar = new HBox(8, Icons.of(Icons.SEARCH, 18), search, colour, kLabel, k, labels, toolBox, fit, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    private ToggleButton tool(String text, String id, MapCanvas.Tool t, ToggleGroup group, String tip) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(t);
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private HBox statusRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("map-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.progressProperty());
        Label phase = new Label();
        phase.setId("map-phase");
        phase.getStyleClass().add("muted");
        phase.textProperty().bind(vm.phaseProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("map-cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (var n : new javafx.scene.Node[] {bar, cancel}) {
            n.visibleProperty().bind(vm.runningProperty());
            n.managedProperty().bind(vm.runningProperty());
        }
        Label stale = new Label("The model changed since this map was laid out.");
        stale.getStyleClass().add("hint");
        Button update = new Button("Update map");
        update.setId("map-update");
        update.getStyleClass().add("accent");
        update.setOnAction(e -> vm.update());
        for (var n : new javafx.scene.Node[] {stale, update}) {
            n.visibleProperty().bind(vm.staleProperty());
            n.managedProperty().bind(vm.staleProperty());
        }
        Label notice = new Label();
        notice.setId("map-notice");
        notice.getStyleClass().add("muted");
        notice.textProperty().bind(Bindings.createStringBinding(() -> {
            String s = vm.search().summaryProperty().get();
            String n = vm.noticeProperty().get();
            return s.isEmpty() ? n : n.isEmpty() ? s : s + " · " + n;
        }, vm.search().summaryProperty(), vm.noticeProperty()));
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.tooltipProperty().bind(Bindings.createObjectBinding(() -> notice.getText().isEmpty() ? null : new Tooltip(notice.getText()),
                notice.textProperty()));
        HBox row = new HBox(8, bar, phase, cancel, stale, update, notice);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinHeight(28);
        return row;
    }

    private Label placeholder() {
        Label l = new Label();
        l.getStyleClass().add("placeholder-text");
        l.setWrapText(true);
        l.setMouseTransparent(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> vm.pointsProperty().get() != null ? ""
                : vm.runningProperty().get() ? "Laying out the map…" : "Train or open a model to see its artists as a map.",
                vm.pointsProperty(), vm.runningProperty()));
        l.visibleProperty().bind(vm.pointsProperty().isNull());
        return l;
    }

    private void chooseLabels() {
        File f = chooser("Colour the map by a label file (artist, label; TSV or CSV)", false, "labels.tsv");
        if (f != null) {
            vm.loadLabels(f.toPath());
        }
    }

    /** Saves the canvas as shown: the snapshot is taken on the FX thread (one frame), the PNG written in the background. */
    private void savePng() {
        File f = chooser("Save the map as PNG", true, "map.png");
        if (f == null) {
            return;
        }
        WritableImage img = map.canvas().snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        executor.submit("Saving the map as PNG", ctx -> {
            PngFile.write(f.toPath(), w, h, argb);
            return f;
        }, done -> vm.noticeProperty().set(String.format(Locale.ROOT, "Saved the map (%d x %d) to %s.", w, h, done)),
                e -> errors.show("Could not save the map", e));
    }

    private File chooser(String title, boolean save, String name) {
        return files.choose(title, save, name);
    }

    /**
     * Puts {@code choose} (title, save or open, suggested name; null when cancelled) in the place of the
     * platform's file chooser, for the PNG, the label file and the selection's CSV: tests go the user's way.
     */
    public void setFileChooser(FileChoice choose) {
        files = choose::choose;
    }

    /** Picks a file: title, save (or open), suggested name; null when the person cancels. */
    @FunctionalInterface
    public interface FileChoice {
        File choose(String title, boolean save, String name);
    }

    private File fileChooser(String title, boolean save, String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        return save ? fc.showSaveDialog(getScene().getWindow()) : fc.showOpenDialog(getScene().getWindow());
    }

    public MapCanvas canvas() {
        return map;
    }

    public TextField searchField() {
        return search;
    }
}
