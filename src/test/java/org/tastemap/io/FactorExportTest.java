package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.model.TrainedModel;

class FactorExportTest {
    @TempDir
    Path dir;

    @Test
    void tsvHasHeaderAndOneLinePerUserWithExactValues() throws IOException {
        FactorExport.exportAll(ExportTestModels.small(), dir);
        List<String> lines = Files.readAllLines(dir.resolve("user_factors.tsv"), StandardCharsets.UTF_8);
        assertEquals(5, lines.size());
        assertEquals("id\tf1\tf2\tf3", lines.get(0));
        // user 1, factor f: 0.5 * 1 - 0.25 * f + 0.1 in float arithmetic (as built in ExportTestModels)
        assertEquals("user two\t" + (0.5f - 0f + 0.1f) + "\t" + (0.5f - 0.25f + 0.1f) + "\t" + (0.5f - 0.5f + 0.1f), lines.get(2));
        assertEquals("ünïcödé-user", lines.get(3).split("\t")[0]);
    }

    @Test
    void artistTsvStartsWithTheNameAndRoundTripsEveryFloat() throws IOException {
        TrainedModel model = ExportTestModels.small();
        FactorExport.exportAll(model, dir);
        List<String> lines = Files.readAllLines(dir.resolve("item_factors.tsv"), StandardCharsets.UTF_8);
        assertEquals("id\tf1\tf2\tf3", lines.get(0));
        float[] y = model.factors().itemFactors();
        for (int i = 0; i < 4; i++) {
            String[] fields = lines.get(i + 1).split("\t", -1);
            assertEquals(4, fields.length);
            assertEquals(ExportTestModels.ARTIST_NAMES[i], fields[0]);
            for (int f = 0; f < 3; f++) {
                assertEquals(Float.floatToIntBits(y[i * 3 + f]), Float.floatToIntBits(Float.parseFloat(fields[f + 1])));
            }
        }
        // artist 1, factor f: -0.3 * 1 + 0.125 * f in float arithmetic (as built in ExportTestModels)
        assertEquals("Sigur Rós\t" + (-0.3f + 0f) + "\t" + (-0.3f + 0.125f) + "\t" + (-0.3f + 0.25f), lines.get(2));
    }

    @Test
    void tabsAndNewlinesInNamesBecomeSpaces() throws IOException {
        Path file = dir.resolve("t.tsv");
        FactorExport.writeTsv(file, 1, r -> "A\tB\nC\rD", new float[] {1f}, 1);
        assertEquals("id\tf1\nA B C D\t1.0\n", Files.readString(file));
    }

    @Test
    void npyFilesAndIdListsLineUp() throws IOException {
        TrainedModel model = ExportTestModels.small();
        FactorExport.exportAll(model, dir);
        assertEquals(List.of(ExportTestModels.USERS), Files.readAllLines(dir.resolve("user_ids.txt")));
        assertEquals(List.of(ExportTestModels.ARTIST_NAMES), Files.readAllLines(dir.resolve("artist_names.txt")));
        assertArrayEquals(model.factors().userFactors(), readNpy(dir.resolve("user_factors.npy"), "(4, 3)"));
        assertArrayEquals(model.factors().itemFactors(), readNpy(dir.resolve("item_factors.npy"), "(4, 3)"));
    }

    /** Parses a .npy file per the format (header length at 8, dict, little-endian float32). */
    static float[] readNpy(Path file, String shape) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int headerLength = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(all, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': " + shape), header);
        int n = (all.length - 10 - headerLength) / 4;
        float[] out = new float[n];
        ByteBuffer.wrap(all, 10 + headerLength, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    @Test
    void progressCoversAllRowsOfAllFiles() throws IOException {
        // 5,000 users x 3,000 artists; 6 files, each row counted once per kind of file: 3 x 8,000
        TrainedModel model = ExportTestModels.random(5000, 3000, 4, 2, 3);
        List<long[]> reports = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        FactorExport.exportAll(model, dir, (task, done, total) -> {
            reports.add(new long[] {done, total});
            if (!tasks.contains(task)) {
                tasks.add(task);
            }
        }, () -> false);
        assertEquals(List.of("user_ids.txt", "artist_names.txt", "user_factors.npy", "item_factors.npy",
                "user_factors.tsv", "item_factors.tsv"), tasks);
        long previous = 0;
        for (long[] r : reports) {
            assertEquals(24_000, r[1]);
            assertTrue(r[0] >= previous, "never goes back");
            previous = r[0];
        }
        assertEquals(24_000, previous);
    }

    @Test
    void cancellingLeavesWhatWasThereAndNoPartialFile() throws IOException {
        TrainedModel model = ExportTestModels.random(10_000, 100, 4, 2, 5);
        Files.writeString(dir.resolve("user_factors.tsv"), "an older export\n");
        boolean[] cancel = {false};
        // The user TSV starts after two id lists and two npy files (2 x 10,100 rows); cancel once it
        // has reported its first 4,096 rows, so it is abandoned halfway. The four finished files
        // are staged, not in the folder: an export is all or nothing (FactorExportAtomicTest).
        assertThrows(CancellationException.class, () -> FactorExport.exportAll(model, dir, (task, done, total) -> {
            if (task.equals("user_factors.tsv") && done > 2 * 10_100L) {
                cancel[0] = true;
            }
        }, () -> cancel[0]));
        assertEquals("an older export\n", Files.readString(dir.resolve("user_factors.tsv")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("user_factors.tsv"), s.map(p -> p.getFileName().toString()).toList(),
                    "the old TSV, and no new or temporary file");
        }
    }
}
