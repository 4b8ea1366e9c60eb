package org.tastemap.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tastemap.app.session.DataFiles;
import org.tastemap.app.session.FilePreview;
import org.tastemap.app.session.ImportListener;
import org.tastemap.app.session.ImportSettings;
import org.tastemap.app.session.Imported;
import org.tastemap.app.session.IoDataFiles;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/** The real files, recording the settings of each import and optionally failing it with an error. */
public final class RecordingFiles implements DataFiles {
    public final IoDataFiles io = new IoDataFiles();
    public final List<ImportSettings> imports = new ArrayList<>();
    public int detections;
    public Error failImportWith;

    @Override
    public FilePreview detect(Path file) throws IOException {
        detections++;
        return io.detect(file);
    }

    @Override
    public Imported importFile(Path file, ImportSettings settings, ImportListener listener, BooleanSupplier cancelled)
            throws IOException {
        imports.add(settings);
        if (failImportWith != null) {
            throw failImportWith;
        }
        return io.importFile(file, settings, listener, cancelled);
    }

    @Override
    public void saveModel(Path file, TrainedModel model) throws IOException {
        io.saveModel(file, model);
    }

    @Override
    public TrainedModel loadModel(Path file) throws IOException {
        return io.loadModel(file);
    }

    @Override
    public List<Path> exportFactors(TrainedModel model, Path dir, BooleanSupplier cancelled) throws IOException {
        return io.exportFactors(model, dir, cancelled);
    }

    @Override
    public void writeRecommendations(Path file, TrainedModel model, Map<Integer, List<ScoredItem>> byUser) throws IOException {
        io.writeRecommendations(file, model, byUser);
    }
}
