package org.tastemap.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tastemap.app.Icons;

/**
 * Three clicks to a first insight, as a one-line strip docked above the screens: it pushes them down
 * by one line instead of floating over their tables and charts. Dismissable, and reopened from Help.
 */
final class WhatToTryPanel extends HBox {
    WhatToTryPanel(Runnable searchArtist, Runnable openUser, Runnable moveAlpha, Runnable dismiss) {
        getStyleClass().add("what-to-try");
        setId("what-to-try");
        setSpacing(14);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("What to try:");
        title.getStyleClass().add("card-title");
        title.setMinWidth(USE_PREF_SIZE);
        Button close = new Button("×");
        close.setId("what-to-try-close");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Hide these hints (Help ▸ What to try shows them again)"));
        close.setOnAction(e -> dismiss.run());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(Icons.of(Icons.BULB, 18), title,
                step("1 · Search an artist you know", "Look at its neighbours on the Artists screen.", searchArtist),
                step("2 · Open a random listener", "History, recommendations, and why each one.", openUser),
                step("3 · Move alpha, watch MAP@10", "On the Train screen the model retrains as the slider settles.", moveAlpha),
                spacer, close);
    }

    private static Hyperlink step(String text, String more, Runnable action) {
        Hyperlink h = new Hyperlink(text + " →");
        h.setTooltip(new Tooltip(more));
        h.setMinWidth(0);
        h.setOnAction(e -> action.run());
        return h;
    }
}
