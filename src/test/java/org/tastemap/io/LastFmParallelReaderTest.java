package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-thread reader must give exactly what the one-thread reader gives. */
class LastFmParallelReaderTest {
    @TempDir
    Path dir;

    /** A 3 MB file with bad rows; NON_POSITIVE_COUNT rows only in its second half, to test line renumbering. */
    private String messyFile(int rows) {
        Random random = new Random(17);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            String user = TestFiles.sha(r / 40 + random.nextInt(2)); // users cross the middle of the file
            String artist = "artist " + random.nextInt(5000);
            String mbid = random.nextInt(3) == 0 ? "mbid-" + artist.hashCode() : "";
            int kind = random.nextInt(200);
            if (kind == 0) {
                text.append(user).append('\t').append(artist).append('\n');
            } else if (kind == 1) {
                text.append(TestFiles.row(user, mbid, artist, "n/a"));
            } else if (kind == 2 && r > rows / 2 + 100) {
                text.append(TestFiles.row(user, mbid, artist, "0"));
            } else if (kind == 3) {
                text.append('\n');
            } else {
                text.append(TestFiles.row(user, mbid, artist, String.valueOf(1 + random.nextInt(500))));
            }
        }
        return text.toString();
    }

    private static ProgressTicker ticker() {
        return new ProgressTicker("f", ImportProgress.NONE, () -> false, () -> 0, 1);
    }

    @Test
    void givesTheSameDataAsOneThread() throws IOException {
        String text = messyFile(40_000);
        Path file = TestFiles.write(dir, "messy.tsv", TestFiles.withBom(text));
        RowSkips seqSkips = new RowSkips("messy.tsv", 0.5, 1000);
        RawData seq;
        try (SourceFile src = SourceFile.open(file)) {
            seq = LastFmReader.read(src, 0, TextEncoding.AUTO, seqSkips, ticker());
        }
        RowSkips parSkips = new RowSkips("messy.tsv", 0.5, 1000);
        RawData par = LastFmParallelReader.read(file, "messy.tsv", 0, TextEncoding.AUTO, parSkips, ticker());

        assertArrayEquals(seq.userIds(), par.userIds());
        assertArrayEquals(seq.artistKeys(), par.artistKeys());
        assertArrayEquals(seq.artistMbids(), par.artistMbids());
        assertEquals(seq.rowsRead(), par.rowsRead());
        int n = seq.triplets().size;
        assertEquals(n, par.triplets().size);
        assertArrayEquals(Arrays.copyOf(seq.triplets().users, n), Arrays.copyOf(par.triplets().users, n));
        assertArrayEquals(Arrays.copyOf(seq.triplets().items, n), Arrays.copyOf(par.triplets().items, n));
        assertArrayEquals(Arrays.copyOf(seq.triplets().values, n), Arrays.copyOf(par.triplets().values, n));
        assertEquals(seqSkips.toMap(), parSkips.toMap()); // same counts and whole-file line numbers
        assertTrue(seqSkips.count(SkipReason.NON_POSITIVE_COUNT) > 5, "zero-play rows only in the second half");
    }

    @Test
    void cancellingStopsBothThreads() {
        Path file = TestFiles.write(dir, "big.tsv", TestFiles.lastFmRows(60_000));
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressTicker ticker = new ProgressTicker("big.tsv", (b, t, r) -> cancel.set(true), cancel::get, () -> 0,
                1);
        assertThrows(ImportCancelledException.class,
                () -> LastFmParallelReader.read(file, "big.tsv", 0, TextEncoding.AUTO, new RowSkips("big.tsv", 0.5, 1000), ticker));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("tastemap-import-second-half")), "the worker has ended");
    }

    @Test
    void tooManyBadRowsInTheFirstHalfStopsBothThreads() {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 60_000; r++) {
            text.append("not,a,last.fm,row\n");
        }
        Path file = TestFiles.write(dir, "wrong.csv", text.toString());
        ImportException e = assertThrows(ImportException.class,
                () -> LastFmParallelReader.read(file, "wrong.csv", 0, TextEncoding.AUTO, new RowSkips("wrong.csv", 0.5, 1000), ticker()));
        assertTrue(e.getMessage().startsWith("wrong.csv: 100% of the first 1000 rows are bad"), e.getMessage());
    }

    @Test
    void progressCountsBothHalvesAndTheirRows() throws IOException {
        Path file = TestFiles.write(dir, "big.tsv", TestFiles.lastFmRows(60_000));
        long size = Files.size(file);
        long[] last = new long[3];
        ProgressTicker ticker = new ProgressTicker("big.tsv", (b, t, r) -> {
            last[0] = b;
            last[1] = t;
            last[2] = r;
        }, () -> false, () -> 0, size);
        RawData raw = LastFmParallelReader.read(file, "big.tsv", 0, TextEncoding.AUTO, new RowSkips("big.tsv", 0.5, 1000), ticker);
        ticker.finish(raw.rowsRead());
        assertArrayEquals(new long[] {size, size, 60_000}, last);
    }
}
