package org.tastemap.app.map;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ErrorReporter;
import org.tastemap.app.session.LoadedData;
import org.tastemap.app.task.BackgroundExecutor;
import org.tastemap.io.ArtistLabelFile;

/**
 * The artist labels the map can be coloured by: a file the analyst loads (artist to label, TSV or
 * CSV), or the planted genres that {@code generate --genres} writes beside generated data, which are
 * loaded quietly when such data opens. Reading happens in the background; what it skipped is the notice.
 */
final class MapLabels {
    private final ObjectProperty<ArtistLabelFile.Result> labels = new SimpleObjectProperty<>(this, "labels");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final AppState state;
    private final BackgroundExecutor executor;
    private final ErrorReporter errors;

    MapLabels(AppState state, BackgroundExecutor executor, ErrorReporter errors) {
        this.state = state;
        this.executor = executor;
        this.errors = errors;
    }

    /** The planted-genres file {@code generate --genres} writes beside a data file. */
    static Path genresFile(LoadedData d) {
        return Path.of(d.source() + ".genres.tsv");
    }

    /** New data: the old labels go; the data's planted genres, when it has them, are read quietly. */
    void dataChanged(LoadedData d) {
        labels.set(null);
        notice.set("");
        if (d != null && Files.isRegularFile(genresFile(d))) {
            load(genresFile(d), true, () -> { });
        }
    }

    /** Reads {@code file}; once read, {@code thenShow} runs unless quietly; a failure is reported unless quietly. */
    void load(Path file, boolean quietly, Runnable thenShow) {
        LoadedData d = state.data();
        if (d == null) {
            return;
        }
        executor.submit("Reading labels", ctx -> ArtistLabelFile.read(file, d.dataset()), r -> {
            if (state.data() == d) {
                labels.set(r);
                notice.set(r.summary());
                if (!quietly) {
                    thenShow.run();
                }
            }
        }, e -> {
            if (!quietly) {
                errors.show("Could not read the labels", e);
            }
        });
    }

    ObjectProperty<ArtistLabelFile.Result> property() {
        return labels;
    }

    StringProperty notice() {
        return notice;
    }
}
