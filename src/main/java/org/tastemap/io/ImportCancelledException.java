package org.tastemap.io;

import java.util.concurrent.CancellationException;

/** Thrown by an import when its cancel flag was raised; unchecked, like any cancellation. */
public class ImportCancelledException extends CancellationException {
    public ImportCancelledException(String fileName) {
        super("import of " + fileName + " was cancelled");
    }
}
