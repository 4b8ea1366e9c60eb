package org.tastemap.app.filter;

import org.tastemap.core.model.Popularity;
import org.tastemap.core.model.TrainedModel;

/** The listener counts of the current model, computed once per model ({@link Popularity#of(TrainedModel)}); thread-safe. */
public final class Popularities {
    private static TrainedModel model;
    private static Popularity popularity;

    private Popularities() {
    }

    public static synchronized Popularity of(TrainedModel m) {
        if (m != model) {
            popularity = Popularity.of(m);
            model = m;
        }
        return popularity;
    }
}
