package org.tastemap.io;

import java.io.IOException;

/**
 * A file that cannot be imported: not delimited text, empty, or too many bad rows. The message
 * names the file and says what is wrong, in words meant for the user.
 */
public class ImportException extends IOException {
    private final String fileName;

    public ImportException(String fileName, String problem) {
        super(fileName + ": " + problem);
        this.fileName = fileName;
    }

    public ImportException(String fileName, String problem, Throwable cause) {
        super(fileName + ": " + problem, cause);
        this.fileName = fileName;
    }

    /** The file name (without directories) the message starts with. */
    public String fileName() {
        return fileName;
    }
}
