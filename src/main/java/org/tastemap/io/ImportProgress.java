package org.tastemap.io;

/**
 * Progress of an import, called on the importing thread at most about ten times a second.
 * {@code bytesRead} counts bytes of the file on disk (compressed bytes for a gzip file), so
 * {@code bytesRead / totalBytes} is the fraction done; the last call has {@code bytesRead == totalBytes}.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Progress that goes nowhere. */
    ImportProgress NONE = (bytesRead, totalBytes, rowsRead) -> { };

    void onProgress(long bytesRead, long totalBytes, long rowsRead);
}
