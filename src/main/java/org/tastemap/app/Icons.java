package org.tastemap.app;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small line icons drawn as SVG paths (24 x 24 viewbox, scaled), coloured by the stylesheet. */
public final class Icons {
    public static final String DATA = "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3zM4 6c0 1.7 3.6 3 8 3s8-1.3 8-3M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3";
    public static final String TRAIN = "M3 20h18M5 17l4-6 4 3 6-9M17 5h2v2";
    public static final String ARTIST = "M9 18V5l12-2v13M9 18a3 3 0 1 1-6 0a3 3 0 0 1 6 0zM21 16a3 3 0 1 1-6 0a3 3 0 0 1 6 0z";
    public static final String USER = "M12 12a4 4 0 1 0 0-8a4 4 0 0 0 0 8zM4 21c0-4 3.6-6 8-6s8 2 8 6";
    public static final String BACK = "M15 5l-7 7 7 7";
    public static final String FORWARD = "M9 5l7 7-7 7";
    public static final String PLAY = "M7 4l13 8-13 8z";
    public static final String STOP = "M6 6h12v12H6z";
    public static final String DICE = "M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zM8.5 8.5h.01M15.5 15.5h.01M12 12h.01";
    public static final String SEARCH = "M11 18a7 7 0 1 0 0-14a7 7 0 0 0 0 14zM21 21l-5-5";
    public static final String IMPORT = "M12 3v12M7 10l5 5 5-5M4 17v3h16v-3";
    /** A triangle with an exclamation mark. */
    public static final String WARNING = "M12 3l10 18H2zM12 10v5M12 18h.01";
    /** A folded map: the artist map. */
    public static final String MAP = "M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14";
    public static final String BULB = "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3z";

    private Icons() {
    }

    /** An icon node of the given path, {@code size} pixels high. */
    public static Node of(String path, double size) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add("icon");
        double scale = size / 24.0;
        p.setScaleX(scale);
        p.setScaleY(scale);
        javafx.scene.Group g = new javafx.scene.Group(p);
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(g);
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.getStyleClass().add("icon-box");
        return box;
    }
}
