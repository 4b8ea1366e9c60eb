package org.tastemap.app.session;

/** Hears how far an import is; called on the importing thread. */
@FunctionalInterface
public interface ImportListener {
    void progress(long bytesRead, long totalBytes, long rowsRead);

    ImportListener NONE = (b, t, r) -> { };
}
