package org.tastemap.io;

import org.tastemap.core.Cancellation;

/** Thrown by an import when its cancel flag was raised; unchecked, like any cancellation. */
public class ImportCancelledException extends Cancellation {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException(String fileName) {
        super("import of " + fileName + " was cancelled");
    }
}
