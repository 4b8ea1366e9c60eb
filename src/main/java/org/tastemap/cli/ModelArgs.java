package org.tastemap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;
import picocli.CommandLine.Option;

/** The {@code --model} option of the query commands. */
final class ModelArgs {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by 'train'.")
    Path model;

    TrainedModel load() throws IOException {
        return ModelFile.load(model);
    }
}
