package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {
    @TempDir
    Path dir;

    /** 60,000 rows of about 75 bytes: 4.5 MB, several 1 MB buffers. */
    private static final int ROWS = 60_000;

    private record Call(long bytesRead, long totalBytes, long rowsRead) {
    }

    private static void assertProgressEndsAtTotal(List<Call> calls, long size, long rows) {
        assertTrue(calls.size() >= 2, "calls: " + calls.size());
        Call last = calls.get(calls.size() - 1);
        assertEquals(new Call(size, size, rows), last);
        for (int k = 1; k < calls.size(); k++) {
            Call a = calls.get(k - 1);
            Call b = calls.get(k);
            assertTrue(b.bytesRead() >= a.bytesRead() && b.rowsRead() >= a.rowsRead(), "goes back at call " + k);
            assertTrue(b.bytesRead() <= size && b.totalBytes() == size);
        }
    }

    @Test
    void progressReachesTheFileSize() throws IOException {
        Path file = TestFiles.write(dir, "big.tsv", TestFiles.lastFmRows(ROWS));
        List<Call> calls = new ArrayList<>();
        Importer.importFile(file, ImportOptions.lastFm(), (b, t, r) -> calls.add(new Call(b, t, r)), () -> false);
        assertProgressEndsAtTotal(calls, Files.size(file), ROWS);
    }

    @Test
    void gzipProgressCountsCompressedBytes() throws IOException {
        Path file = TestFiles.write(dir, "big.tsv.gz", TestFiles.gzip(TestFiles.lastFmRows(ROWS)));
        List<Call> calls = new ArrayList<>();
        Importer.importFile(file, ImportOptions.lastFm(), (b, t, r) -> calls.add(new Call(b, t, r)), () -> false);
        assertProgressEndsAtTotal(calls, Files.size(file), ROWS);
    }

    @Test
    void delimitedProgressReachesTheFileSize() throws IOException {
        Path file = TestFiles.write(dir, "big.csv", TestFiles.lastFmRows(ROWS).replace('\t', ','));
        List<Call> calls = new ArrayList<>();
        ImportOptions options = ImportOptions.delimited(new ColumnMapping(0, 2, ColumnMapping.NONE, 3), ',', false);
        Importer.importFile(file, options, (b, t, r) -> calls.add(new Call(b, t, r)), () -> false);
        assertProgressEndsAtTotal(calls, Files.size(file), ROWS);
    }

    @Test
    void cancellingAfterTheFirstProgressStopsTheLastFmImport() throws IOException {
        Path file = TestFiles.write(dir, "big.tsv", TestFiles.lastFmRows(ROWS));
        AtomicBoolean cancel = new AtomicBoolean();
        List<Call> calls = new ArrayList<>();
        ImportProgress progress = (b, t, r) -> {
            calls.add(new Call(b, t, r));
            cancel.set(true);
        };
        ImportCancelledException e = assertThrows(ImportCancelledException.class,
                () -> Importer.importFile(file, ImportOptions.lastFm(), progress, cancel::get));
        assertEquals("import of big.tsv was cancelled", e.getMessage());
        assertEquals(1, calls.size()); // stopped at the next check, before any further progress
        assertTrue(calls.get(0).bytesRead() < Files.size(file) / 2, "stopped early: " + calls.get(0));
    }

    @Test
    void cancellingAfterTheFirstProgressStopsTheDelimitedImport() {
        Path file = TestFiles.write(dir, "big.csv", TestFiles.lastFmRows(ROWS).replace('\t', ','));
        AtomicBoolean cancel = new AtomicBoolean();
        List<Call> calls = new ArrayList<>();
        ImportProgress progress = (b, t, r) -> {
            calls.add(new Call(b, t, r));
            cancel.set(true);
        };
        ImportOptions options = ImportOptions.delimited(new ColumnMapping(0, 2, ColumnMapping.NONE, 3), ',', false);
        assertThrows(ImportCancelledException.class, () -> Importer.importFile(file, options, progress, cancel::get));
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).rowsRead() < ROWS, "stopped early: " + calls.get(0));
    }

    @Test
    void cancelledBeforeStartingReadsNothing() {
        Path file = TestFiles.write(dir, "small.tsv", TestFiles.lastFmRows(10));
        List<Call> calls = new ArrayList<>();
        assertThrows(ImportCancelledException.class, () -> Importer.importFile(file, ImportOptions.lastFm(),
                (b, t, r) -> calls.add(new Call(b, t, r)), () -> true));
        assertEquals(List.of(), calls);
    }
}
