package org.tastemap.app.train;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tastemap.app.Icons;

/**
 * The strip docked above the screens after an import: the first model uses the general defaults, and
 * one click tunes the settings for this data. It pushes the screens down by a line rather than
 * covering them, and goes away once a tune starts, when dismissed, or with other data.
 */
public final class TuneOfferBar extends HBox {
    /** @param tune starts the tune after showing the Train screen's Tune panel */
    public TuneOfferBar(TuneViewModel vm, Runnable tune) {
        getStyleClass().add("tune-offer");
        setId("tune-offer");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label("New data: the first model uses the general defaults. A tune finds the settings that fit this data.");
        text.setMinWidth(0);
        Button go = new Button("Tune for this data", Icons.of(Icons.PLAY, 12));
        go.setId("tune-offer-start");
        go.getStyleClass().addAll("accent", "small");
        go.setMinWidth(USE_PREF_SIZE);
        go.setTooltip(new Tooltip("Opens Train ▸ Tune and starts a tune with its budget; the tuned model replaces the current one."));
        go.disableProperty().bind(vm.canStartBinding().not());
        go.setOnAction(e -> tune.run());
        Button close = new Button("×");
        close.setId("tune-offer-close");
        close.getStyleClass().add("flat");
        close.setTooltip(new Tooltip("Not now (Train ▸ Tune is always there)"));
        close.setOnAction(e -> vm.offeredProperty().set(false));
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(Icons.of(Icons.BULB, 18), text, spacer, go, close);
        visibleProperty().bind(vm.offeredProperty());
        managedProperty().bind(vm.offeredProperty());
    }
}
