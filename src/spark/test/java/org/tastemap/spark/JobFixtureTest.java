package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ModelFile;

/**
 * The model the app's tests open ({@code src/test/resources/spark-job/job-model.tsm}) is what the job
 * writes today: the job runs again with the commands of the README beside the fixture, and its file
 * must have the same format version and metadata keys (in the same order), the same deterministic
 * metadata values, listeners, artists and sample of histories. When the job's output changes on
 * purpose, this fails until the fixture is rewritten with those commands.
 */
class JobFixtureTest {
    /** Metadata that differs from run to run (the time, how long, which build) and is compared by key only. */
    static final Set<String> PER_RUN = Set.of(ModelMetadata.CREATED, ModelMetadata.TASTEMAP_VERSION, "spark.train.seconds");

    @TempDir
    static Path dir;
    static byte[] fixtureBytes;
    static TrainedModel fixture;
    static byte[] todayBytes;
    static TrainedModel today;

    @BeforeAll
    static void runTheJobAsTheFixtureWasMade() throws Exception {
        try (InputStream in = JobFixtureTest.class.getResourceAsStream("/spark-job/job-model.tsm")) {
            fixtureBytes = in.readAllBytes();
        }
        Path fixtureFile = Files.write(dir.resolve("fixture.tsm"), fixtureBytes);
        fixture = ModelFile.load(fixtureFile);
        // the fixture's README: generate --users 400 --artists 500 --seed 7, then the job with these options
        Path plays = LocalSpark.generate(dir.resolve("plays-400.tsv"), 400, 500, 7);
        Path model = dir.resolve("job-model.tsm");
        LocalSpark.Run run = LocalSpark.job("--master", "local[2]", "--no-ui", "--input", plays.toString(), "--factors", "8",
                "--iterations", "5", "--history-sample", "100", "--seed", "7", "--out", model.toString());
        assertEquals(0, run.code(), run.err());
        todayBytes = Files.readAllBytes(model);
        today = ModelFile.load(model);
    }

    /** The u32 at byte 8 (little-endian): the format version, per {@code ModelFile}'s layout. */
    private static int formatVersion(byte[] file) {
        return ByteBuffer.wrap(file, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void sameMagicAndFormatVersion() {
        // a sampled model is version 3 (docs/model-file.md)
        assertEquals(3, formatVersion(fixtureBytes));
        assertEquals(formatVersion(fixtureBytes), formatVersion(todayBytes));
        assertEquals(ByteBuffer.wrap(fixtureBytes, 0, 8), ByteBuffer.wrap(todayBytes, 0, 8), "magic");
    }

    @Test
    void sameMetadataKeysInOrderAndTheSameValuesWhereARunCannotChangeThem() {
        assertEquals(List.copyOf(fixture.metadata().keySet()), List.copyOf(today.metadata().keySet()),
                "rewrite src/test/resources/spark-job/job-model.tsm with the commands of its README");
        Map<String, String> expected = new LinkedHashMap<>(fixture.metadata());
        Map<String, String> got = new LinkedHashMap<>(today.metadata());
        PER_RUN.forEach(k -> {
            expected.remove(k);
            got.remove(k);
        });
        // e.g. input plays-400.tsv, trained.by spark, spark.master local[2], histories.seed 7, trained.rows 18935
        assertEquals(expected, got);
    }

    @Test
    void sameParametersListenersArtistsAndSampleOfHistories() throws IOException {
        assertEquals(fixture.factors().factors(), today.factors().factors());
        assertEquals(fixture.factors().iterations(), today.factors().iterations());
        assertEquals(params(fixture), params(today));
        assertEquals(new TreeSet<>(List.of(fixture.dataset().users().toArray())),
                new TreeSet<>(List.of(today.dataset().users().toArray())));
        assertEquals(new TreeSet<>(List.of(fixture.dataset().artists().toArray())),
                new TreeSet<>(List.of(today.dataset().artists().toArray())));
        assertEquals(held(fixture), held(today));
        assertEquals(fixture.totalRows(), today.totalRows());
    }

    /** The parameters but the threads (the machine's, not the job's). */
    private static List<Object> params(TrainedModel m) {
        AlsParams p = m.factors().params();
        return List.of(p.factors(), p.alpha(), p.confidence(), p.eps(), p.bm25K1(), p.bm25B(), p.lambda(),
                p.scaleLambdaByCount(), p.iterations(), p.solver(), p.cgSteps(), p.seed());
    }

    private static Set<String> held(TrainedModel m) {
        List<String> ids = new ArrayList<>();
        for (int u : m.histories().heldUsers()) {
            ids.add(m.dataset().users().id(u));
        }
        return new TreeSet<>(ids);
    }
}
