package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.CliRun.Run;

/**
 * Issue 16: a failed {@code train} never touches {@code --out}, and an unusable {@code --out} or
 * {@code --holdout} is refused before the import, naming what the user typed.
 */
class TrainFailureTest {
    private static final String USER = "ffffffffffffffffffffffffffffffffffffffff";
    private static final String MBID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    static Path dir;
    static Path data;
    static Path good;
    static byte[] goodBytes;

    @BeforeAll
    static void trainAGoodModel() throws IOException {
        data = dir.resolve("plays.tsv");
        good = dir.resolve("good.tsm");
        CliRun.generate(data, 120, 60, 9);
        CliRun.train(data, good, "--factors", "4", "--iterations", "2", "--threads", "1");
        goodBytes = Files.readAllBytes(good);
    }

    /** The generated rows followed by {@code extra} Last.fm rows. */
    private static Path withRows(String name, String... extra) throws IOException {
        Path p = dir.resolve(name);
        StringBuilder s = new StringBuilder(Files.readString(data, StandardCharsets.UTF_8));
        for (String row : extra) {
            s.append(row).append('\n');
        }
        Files.writeString(p, s, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertGoodModelUntouched(Run r) throws IOException {
        assertNotEquals(0, r.code(), r.out());
        assertFalse(r.out().contains("saved"), "no \"saved\" after a failed run:\n" + r.out());
        assertArrayEquals(goodBytes, Files.readAllBytes(good), "the good model must be byte-identical");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void anOverflowingPlaySumLeavesTheGoodModelAndSaysSo() throws IOException {
        // two rows of the same listener and artist, 3e38 plays each: each is a finite float, their sum is not
        Path bad = withRows("overflow.tsv", USER + "\t" + MBID + "\tLoud Band\t3e38", USER + "\t" + MBID + "\tLoud Band\t3e38");
        Run r = CliRun.run("train", "--input", bad.toString(), "--factors", "4", "--iterations", "2", "--out", good.toString());
        assertGoodModelUntouched(r);
        assertFalse(r.err().contains("smaller alpha"), "the cause is the data, not alpha:\n" + r.err());
        assertTrue(r.err().contains(USER) && r.err().contains("Loud Band"), "names the listener and the artist:\n" + r.err());
        assertFalse(r.err().contains("\tat "), "one sentence, no stack trace");
    }

    @Test
    void aDivergingRunLeavesTheGoodModel() throws IOException {
        // c = 1 + 1e30 with linear confidence: the solves overflow and training stops as diverged
        Path bad = withRows("huge.tsv", USER + "\t" + MBID + "\tLoud Band\t1e30");
        Run r = CliRun.run("train", "--input", bad.toString(), "--factors", "4", "--iterations", "2", "--confidence", "linear",
                "--out", good.toString());
        assertGoodModelUntouched(r);
        assertTrue(r.err().contains("1.0e+30") || r.err().contains("1e+30") || r.err().contains("1E30"),
                "the message shows the absurd value:\n" + r.err());
    }

    @Test
    void anUnusableOutIsRefusedBeforeTheImportNamingThePath() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path missing = dir.resolve("no-such-folder").resolve("m.tsm");
        Path underFile = dir.resolve("plays.tsv").resolve("m.tsm");
        // an input that does not exist: if --out were checked after the import, the error would be about the input
        String input = dir.resolve("not-read.tsv").toString();
        for (Path out : List.of(folder, missing, underFile)) {
            Run r = CliRun.run("train", "--input", input, "--out", out.toString());
            assertEquals(1, r.code(), out + ": " + r.out());
            assertTrue(r.err().contains("--out") && r.err().contains(out.toString()), r.err());
            assertFalse(r.err().contains("not-read.tsv"), "checked before the import:\n" + r.err());
            assertFalse(r.err().contains(".tmp"), "never names the internal temporary file:\n" + r.err());
        }
        assertFalse(Files.exists(missing.getParent()), "no folder is created for a refused --out");
    }

    @Test
    void exportRefusesAFileAsItsFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file.txt"), "keep me");
        Run r = CliRun.run("export", "--model", good.toString(), "--out", file.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("--out") && r.err().contains(file.toString()), r.err());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void aHoldoutOutsideZeroToOneIsRefusedBeforeTheImport() {
        String input = dir.resolve("not-read.tsv").toString();
        for (String h : List.of("1.5", "0", "1", "-0.2", "NaN")) {
            Run r = CliRun.run("train", "--input", input, "--holdout", h, "--out", dir.resolve("h.tsm").toString());
            assertEquals(1, r.code(), h + ": " + r.out());
            assertTrue(r.err().contains("--holdout"), r.err());
            assertFalse(r.err().contains("not-read.tsv"), "checked before the import:\n" + r.err());
        }
        assertFalse(Files.exists(dir.resolve("h.tsm")));
    }
}
