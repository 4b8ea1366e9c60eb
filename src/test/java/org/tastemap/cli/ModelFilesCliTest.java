package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.io.ModelFile;

/** What `train` records in the model file, and the commands that write files from a model. */
class ModelFilesCliTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;
    static Instant trainedAfter;

    @BeforeAll
    static void generateAndTrain() {
        data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        CliRun.generate(data, 200, 150, 7);
        trainedAfter = Instant.now();
        CliRun.train(data, model, "--factors", "8", "--iterations", "3", "--holdout", "0.2", "--threads", "2");
    }

    @Test
    void trainRecordsItsProvenance() throws IOException {
        Map<String, String> m = ModelFile.load(model).metadata();
        assertEquals(List.of(ModelMetadata.CREATED, ModelMetadata.TASTEMAP_VERSION, ModelMetadata.CREATED_BY,
                ModelMetadata.INPUT, ModelMetadata.HOLDOUT, ModelMetadata.HOLDOUT_SEED, ModelMetadata.TRAINED_ON,
                ModelMetadata.TRAINED_ROWS), List.copyOf(m.keySet()));
        Instant created = Instant.parse(m.get(ModelMetadata.CREATED));
        // recorded to the second, between the start of the run and now
        assertTrue(!created.isBefore(trainedAfter.minusSeconds(1)) && !created.isAfter(Instant.now()), created.toString());
        assertEquals(Cli.version(), m.get(ModelMetadata.TASTEMAP_VERSION));
        assertEquals("tastemap train", m.get(ModelMetadata.CREATED_BY));
        assertEquals("plays.tsv", m.get(ModelMetadata.INPUT), "the file name, without its folders");
        assertEquals("0.2", m.get(ModelMetadata.HOLDOUT));
    }
}
