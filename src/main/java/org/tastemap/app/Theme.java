package org.tastemap.app;

import java.util.Objects;

/** The one application stylesheet. */
public final class Theme {
    private Theme() {
    }

    public static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource("tastemap.css"), "tastemap.css").toExternalForm();
    }
}
