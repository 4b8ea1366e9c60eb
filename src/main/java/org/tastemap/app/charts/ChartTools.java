package org.tastemap.app.charts;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.tastemap.io.PngFile;

/**
 * What makes a chart usable beyond looking at it: a tooltip on every point or bar, a click on a
 * point or bar, and "Save as PNG…" in its context menu (written atomically, off the FX thread).
 */
public final class ChartTools {
    /** Encodes and writes PNGs one at a time, off the FX thread. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tastemap-png");
        t.setDaemon(true);
        return t;
    });

    private ChartTools() {
    }

    /** Under this key a data item's node keeps how to make its tooltip, until the tooltip is made. */
    private static final String TOOLTIP_TEXT = "tastemap.tooltipText";

    /**
     * Gives the node of every data item of every series of {@code chart} a tooltip with the text
     * {@code text} gives, now and as items are added (a node exists once the chart draws it).
     *
     * <p>The tooltip is made when the pointer first enters the node (or {@link #tooltipOf} asks for
     * it), not with the node: a {@link Tooltip} is a popup window with a scene and style of its own,
     * and making one for each of a chart's hundreds of points kept the UI thread busy for 0.1-0.5 s
     * when the Data screen's charts filled or while the loss chart grew during training
     * (docs/performance.md, "The UI thread while training").
     */
    public static <X, Y> void tooltips(XYChart<X, Y> chart, BiFunction<XYChart.Series<X, Y>, XYChart.Data<X, Y>, String> text) {
        each(chart, (s, d) -> {
            Node n = d.getNode();
            Supplier<String> tip = () -> text.apply(s, d);
            if (n.getProperties().put(TOOLTIP_TEXT, tip) == null && !n.getProperties().containsKey(Tooltip.class)) {
                n.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> makeTooltip(n));
            }
        });
    }

    /** The node's tooltip, made and installed now if it was not yet; null when {@link #tooltips} gave it none. */
    private static Tooltip makeTooltip(Node n) {
        Tooltip made = (Tooltip) n.getProperties().get(Tooltip.class);
        @SuppressWarnings("unchecked")
        Supplier<String> text = (Supplier<String>) n.getProperties().remove(TOOLTIP_TEXT);
        if (made != null || text == null) {
            return made;
        }
        Tooltip t = new Tooltip(text.get());
        t.setShowDelay(Duration.millis(150));
        t.getStyleClass().add("chart-tooltip");
        // installed as the pointer enters: the tooltip's own handlers take the moves that follow
        Tooltip.install(n, t);
        n.getProperties().put(Tooltip.class, t);
        return t;
    }

    /** The tooltip {@link #tooltips} gives a data item's node (made now if the pointer has not been there yet), or null. */
    public static Tooltip tooltipOf(XYChart.Data<?, ?> d) {
        return d.getNode() == null ? null : makeTooltip(d.getNode());
    }

    /** Whether the tooltip of a data item's node has been made yet (for tests). */
    static boolean tooltipMade(XYChart.Data<?, ?> d) {
        return d.getNode() != null && d.getNode().getProperties().containsKey(Tooltip.class);
    }

    /** Runs {@code action} with the data item whose bar or point is clicked, with the hand cursor on every one. */
    public static <X, Y> void onClick(XYChart<X, Y> chart, Consumer<XYChart.Data<X, Y>> action) {
        each(chart, (s, d) -> {
            Node n = d.getNode();
            n.setCursor(javafx.scene.Cursor.HAND);
            n.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    action.accept(d);
                }
            });
        });
    }

    /** Calls {@code with} for each (series, item) whose node exists, now and whenever one is added or its node is created. */
    private static <X, Y> void each(XYChart<X, Y> chart, BiFunction2<X, Y> with) {
        Consumer<XYChart.Series<X, Y>> series = s -> {
            Consumer<XYChart.Data<X, Y>> item = d -> {
                if (d.getNode() != null) {
                    with.accept(s, d);
                }
                d.nodeProperty().addListener((o, a, b) -> {
                    if (b != null) {
                        with.accept(s, d);
                    }
                });
            };
            s.getData().forEach(item);
            s.getData().addListener((ListChangeListener<XYChart.Data<X, Y>>) c -> {
                while (c.next()) {
                    if (c.wasAdded()) {
                        c.getAddedSubList().forEach(item);
                    }
                }
            });
        };
        chart.getData().forEach(series);
        chart.getData().addListener((ListChangeListener<XYChart.Series<X, Y>>) c -> {
            while (c.next()) {
                if (c.wasAdded()) {
                    c.getAddedSubList().forEach(series);
                }
            }
        });
    }

    @FunctionalInterface
    private interface BiFunction2<X, Y> {
        void accept(XYChart.Series<X, Y> s, XYChart.Data<X, Y> d);
    }

    /**
     * Gives {@code node} (a chart, the map) a context menu with "Save as PNG…": a file chooser
     * proposes {@code fileName}, the node is drawn as it is on screen and written atomically.
     */
    public static void saveAsPngMenu(Node node, String fileName) {
        MenuItem save = new MenuItem("Save as PNG…");
        save.setId("save-png");
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the chart as PNG");
            fc.setInitialFileName(fileName);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            File f = fc.showSaveDialog(node.getScene().getWindow());
            if (f != null) {
                Path p = f.toPath().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                        ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".png");
                savePng(node, p).whenComplete((ok, err) -> {
                    if (err != null) {
                        Platform.runLater(() -> {
                            Alert a = new Alert(Alert.AlertType.ERROR, "Could not save " + p + ": " + rootMessage(err));
                            a.setHeaderText("The chart was not saved");
                            a.initOwner(node.getScene().getWindow());
                            a.show();
                        });
                    }
                });
            }
        });
        ContextMenu menu = new ContextMenu(save);
        node.setOnContextMenuRequested(e -> {
            if (!menu.isShowing()) {
                menu.show(node, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        // a secondary click too, where the platform sends no context-menu request for it (headless Monocle)
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY && !menu.isShowing()) {
                menu.show(node, e.getScreenX(), e.getScreenY());
            }
        });
        node.getProperties().put(ContextMenu.class, menu);
    }

    /** The context menu installed by {@link #saveAsPngMenu}, or null (for tests). */
    public static ContextMenu menuOf(Node node) {
        return (ContextMenu) node.getProperties().get(ContextMenu.class);
    }

    /**
     * Draws {@code node} now (on the FX thread: a snapshot and a copy of its pixels) and writes it to
     * {@code file} as a PNG in the background; the future completes when the file is in place.
     */
    public static CompletableFuture<Void> savePng(Node node, Path file) {
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return CompletableFuture.runAsync(() -> {
            try {
                PngFile.write(file, w, h, argb);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, WRITER);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
