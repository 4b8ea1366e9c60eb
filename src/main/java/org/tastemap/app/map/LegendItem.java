package org.tastemap.app.map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/** A legend row: a colour group, how many points it has, and whether it is drawn. */
public final class LegendItem {
    private final int group;
    private final String name;
    private final Color colour;
    private final int count;
    private final BooleanProperty shown;

    LegendItem(int group, String name, Color colour, int count, boolean shown) {
        this.group = group;
        this.name = name;
        this.colour = colour;
        this.count = count;
        this.shown = new SimpleBooleanProperty(this, "shown", shown);
    }

    public int group() {
        return group;
    }

    public String name() {
        return name;
    }

    public Color colour() {
        return colour;
    }

    public int count() {
        return count;
    }

    public BooleanProperty shownProperty() {
        return shown;
    }
}
