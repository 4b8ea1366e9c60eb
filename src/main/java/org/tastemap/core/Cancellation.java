package org.tastemap.core;

import java.util.concurrent.CancellationException;

/**
 * The engine's "stopped because the caller asked": thrown by long engine work (training, import,
 * evaluation) once its cancel flag is seen. It is a {@link CancellationException}, so callers that
 * tell a cancel from a failure test {@code instanceof CancellationException} (also on causes) and
 * never look at class names. Carries no stack trace: it is control flow, not an error.
 */
public class Cancellation extends CancellationException {
    private static final long serialVersionUID = 1L;

    public Cancellation(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }
}
