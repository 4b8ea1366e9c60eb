package org.tastemap.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * The app's own file handling, used while the io package (Importer, FormatDetector, ModelFile,
 * exports) is not on this branch yet. Replace by an io-backed {@link DataFiles} when it lands.
 */
public final class BuiltInFiles implements DataFiles {
    @Override
    public FilePreview detect(Path file) throws IOException {
        return BuiltInDetector.detect(file);
    }

    @Override
    public Imported importFile(Path file, ImportSettings settings, ImportListener listener, BooleanSupplier cancelled)
            throws IOException {
        return BuiltInImporter.importFile(file, settings, listener, cancelled);
    }

    @Override
    public void saveModel(Path file, TrainedModel model) throws IOException {
        BuiltInModelFiles.save(file, model);
    }

    @Override
    public TrainedModel loadModel(Path file) throws IOException {
        return BuiltInModelFiles.load(file);
    }

    @Override
    public List<Path> exportFactors(TrainedModel model, Path dir, BooleanSupplier cancelled) throws IOException {
        return BuiltInModelFiles.exportFactors(model, dir, cancelled);
    }

    @Override
    public void writeRecommendations(Path file, TrainedModel model, Map<Integer, List<ScoredItem>> byUser) throws IOException {
        BuiltInModelFiles.writeRecommendations(file, model, byUser);
    }
}
