package org.tastemap.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded: not a Tastemap model, written by another format version,
 * truncated, or corrupted. The message names the file and the problem, for example
 * {@code "model.tsm is truncated: expected 41,943,040 bytes of artist factors, found 1,000"}.
 */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String problem;

    public ModelFileException(String file, String problem) {
        super(file + " " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The file as it was named to {@link ModelFile#load}. */
    public String file() {
        return file;
    }

    /** The problem, without the file name ({@code "is truncated: ..."}). */
    public String problem() {
        return problem;
    }
}
