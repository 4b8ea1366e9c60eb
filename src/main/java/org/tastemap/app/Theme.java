package org.tastemap.app;

import java.lang.ref.WeakReference;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The one application theme: tastemap.css, and over it tastemap-dark.css while dark mode is on. Every
 * scene and dialog takes both through {@link #apply}, so that switching reaches the open ones too.
 */
public final class Theme {
    private static final BooleanProperty DARK = new SimpleBooleanProperty(Theme.class, "dark", false);

    private Theme() {
    }

    public static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource("tastemap.css"), "tastemap.css").toExternalForm();
    }

    public static String darkStylesheet() {
        return Objects.requireNonNull(Theme.class.getResource("tastemap-dark.css"), "tastemap-dark.css").toExternalForm();
    }

    /** Dark mode, for every window of the app. */
    public static BooleanProperty darkProperty() {
        return DARK;
    }

    /**
     * Whether the desktop asks for dark windows: GTK_THEME ending in ":dark" or naming a dark theme
     * (GNOME, most Linux desktops). JavaFX 21 has no platform preference API; the View menu decides otherwise.
     */
    public static boolean systemPrefersDark() {
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** Puts the theme on a scene's or a pane's stylesheets, and keeps it there as dark mode changes. */
    public static void apply(ObservableList<String> sheets) {
        sheets.add(stylesheet());
        set(sheets, DARK.get());
        WeakReference<ObservableList<String>> ref = new WeakReference<>(sheets);
        DARK.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                ObservableList<String> s = ref.get();
                if (s == null) {
                    DARK.removeListener(this);
                } else {
                    set(s, b);
                }
            }
        });
    }

    private static void set(ObservableList<String> sheets, boolean dark) {
        if (dark && !sheets.contains(darkStylesheet())) {
            sheets.add(darkStylesheet());
        } else if (!dark) {
            sheets.remove(darkStylesheet());
        }
    }
}
