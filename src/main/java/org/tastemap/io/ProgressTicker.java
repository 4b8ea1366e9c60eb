package org.tastemap.io;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Passes progress on at most ten times a second and turns a raised cancel flag into an exception. */
final class ProgressTicker {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final String fileName;
    private final ImportProgress progress;
    private final BooleanSupplier cancelled;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private long lastReport;
    private LongSupplier bytesOverride;
    private LongSupplier extraRows;

    ProgressTicker(String fileName, ImportProgress progress, BooleanSupplier cancelled, LongSupplier bytesRead, long totalBytes) {
        this.fileName = fileName;
        this.progress = progress;
        this.cancelled = cancelled;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.lastReport = System.nanoTime() - INTERVAL_NANOS;
    }

    /** Checks the cancel flag, and reports progress when the last report is 100 ms old. Call every few thousand rows. */
    void tick(long rowsRead) {
        checkCancelled();
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            long bytes = (bytesOverride != null ? bytesOverride : bytesRead).getAsLong();
            long rows = rowsRead + (extraRows != null ? extraRows.getAsLong() : 0);
            progress.onProgress(Math.min(bytes, totalBytes), totalBytes, rows);
        }
    }

    /**
     * While a file is read by several threads: take bytes read from {@code bytes}, and add
     * {@code otherRows} (rows read by the other threads) to the rows passed to {@link #tick}.
     * Nulls go back to the file's own count.
     */
    void readFrom(LongSupplier bytes, LongSupplier otherRows) {
        this.bytesOverride = bytes;
        this.extraRows = otherRows;
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new ImportCancelledException(fileName);
        }
    }

    /** The last report: all bytes read. */
    void finish(long rowsRead) {
        progress.onProgress(totalBytes, totalBytes, rowsRead);
    }
}
