package org.tastemap.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tastemap.app.Icons;

/** Three clicks to a first insight; dismissable, and reopened from Help. */
final class WhatToTryPanel extends VBox {
    WhatToTryPanel(Runnable searchArtist, Runnable openUser, Runnable moveAlpha, Runnable dismiss) {
        getStyleClass().add("what-to-try");
        setId("what-to-try");
        setSpacing(8);
        setMaxWidth(330);
        setMaxHeight(USE_PREF_SIZE);
        Label title = new Label("What to try");
        title.getStyleClass().add("card-title");
        Button close = new Button("×");
        close.setId("what-to-try-close");
        close.getStyleClass().add("flat");
        close.setOnAction(e -> dismiss.run());
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, Icons.of(Icons.BULB, 18), title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head,
                step("1", "Search an artist you know and look at its neighbours.", "Go to Artists", searchArtist),
                step("2", "Open a listener: history, recommendations, and why.", "Open a random user", openUser),
                step("3", "Move the alpha slider and watch the model retrain and MAP@10 move.", "Go to Train", moveAlpha));
    }

    private static VBox step(String n, String text, String link, Runnable action) {
        Label t = new Label(n + ".  " + text);
        t.setWrapText(true);
        Hyperlink h = new Hyperlink(link + " →");
        h.setOnAction(e -> action.run());
        return new VBox(0, t, h);
    }
}
