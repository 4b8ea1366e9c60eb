package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void generateAndTrain() {
        data = dir.resolve("plays.tsv");
        model = dir.resolve("model.tsm");
        Run g = run("generate", "--out", data.toString(), "--users", "200", "--artists", "150", "--seed", "7");
        assertEquals(0, g.code(), g.err());
        trainedAfter = Instant.now();
        Run t = run("train", "--input", data.toString(), "--factors", "8", "--iterations", "3", "--holdout", "0.2",
                "--threads", "2", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
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
