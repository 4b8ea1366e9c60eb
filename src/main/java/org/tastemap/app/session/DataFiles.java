package org.tastemap.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * Everything the app reads or writes on disk. The app talks to files only through this interface,
 * so the io package can replace the built-in implementation without touching the screens.
 * Long operations poll {@code cancelled} and then throw {@link java.util.concurrent.CancellationException}.
 */
public interface DataFiles {
    /** Detects the format of a listening file and previews its first rows. */
    FilePreview detect(Path file) throws IOException;

    Imported importFile(Path file, ImportSettings settings, ImportListener listener, BooleanSupplier cancelled)
            throws IOException;

    void saveModel(Path file, TrainedModel model) throws IOException;

    TrainedModel loadModel(Path file) throws IOException;

    /** Writes the user and artist factor tables into {@code dir}; returns the files written. */
    List<Path> exportFactors(TrainedModel model, Path dir, BooleanSupplier cancelled) throws IOException;

    /** Writes recommendations as CSV: user, rank, artist, score. */
    void writeRecommendations(Path file, TrainedModel model, Map<Integer, List<ScoredItem>> byUser) throws IOException;
}
