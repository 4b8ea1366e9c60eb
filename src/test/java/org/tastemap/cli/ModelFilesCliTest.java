package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;
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

    @Test
    void aListenerWhoseEveryRowIsSkippedIsNeitherReportedNorSaved() throws IOException {
        // the generated file plus a listener whose two rows are both skipped (an escape code in the
        // artist name, a play count that is not a number): by hand, the same listeners as the file alone
        String lost = "ffffffffffffffffffffffffffffffffffffffff";
        Path withLost = Files.copy(data, dir.resolve("with-lost.tsv"));
        Files.writeString(withLost, lost + "\t\t\u001b[31mRed\t2\n" + lost + "\t\tOther\tmany\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String clean = CliRun.run("import", "--input", data.toString()).out();
        String sizes = clean.lines().reduce((a, b) -> b).orElseThrow(); // "dataset: N users, M artists, K rows"
        CliRun.Run r = CliRun.run("import", "--input", withLost.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith(sizes + System.lineSeparator()), r.out() + "\nexpected " + sizes);
        // the skipped rows are reported as before
        assertTrue(r.out().contains("1: user or artist holds a control character"), r.out());
        assertTrue(r.out().contains("1: play count is not a number"), r.out());
        assertTrue(r.out().contains("1: listeners had every row skipped and are left out"), r.out());

        Path saved = dir.resolve("with-lost.tsm");
        CliRun.train(withLost, saved, "--factors", "4", "--iterations", "1", "--threads", "2");
        TrainedModel m = ModelFile.load(saved);
        assertEquals(ModelFile.load(model).dataset().users().size(), m.dataset().users().size());
        assertEquals(-1, m.dataset().users().indexOf(lost));
        for (int u = 0; u < m.dataset().users().size(); u++) {
            assertTrue(m.dataset().matrix().userCount(u) > 0, "listener " + m.dataset().users().id(u) + " has no row");
        }
    }
}
