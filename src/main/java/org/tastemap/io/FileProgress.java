package org.tastemap.io;

/**
 * Progress of a long write (an export, a generated data file), reported from the writing thread.
 * A GUI adapter forwards it to its own thread; the CLI may print it.
 */
@FunctionalInterface
public interface FileProgress {
    /** Ignores every report. */
    FileProgress NONE = (task, done, total) -> {
    };

    /**
     * @param task  what is being written, usually a file name
     * @param done  units done so far (rows, users), over the whole operation
     * @param total units of the whole operation
     */
    void update(String task, long done, long total);
}
