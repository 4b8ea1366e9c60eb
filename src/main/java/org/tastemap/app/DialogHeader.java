package org.tastemap.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The header of the app's dialogs: a title and one of the app's line icons. Set with
 * {@code DialogPane.setHeader}, which (unlike {@code setGraphic}) the ControlsFX wizard's and Modena's
 * alert stylesheets cannot replace with their stock "?" and "i" images.
 */
public final class DialogHeader {
    private DialogHeader() {
    }

    public static Node of(String title, String icon) {
        Label text = new Label(title);
        text.getStyleClass().add("dialog-header-title");
        text.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(12, text, spacer, Icons.of(icon, 28));
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("dialog-header");
        return box;
    }
}
