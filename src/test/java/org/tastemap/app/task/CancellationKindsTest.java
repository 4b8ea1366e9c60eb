package org.tastemap.app.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.tastemap.core.Cancellation;
import org.tastemap.core.als.RowParallel;
import org.tastemap.io.ImportCancelledException;

/**
 * What counts as the user's cancel: a {@link CancellationException} (the engine's
 * {@link Cancellation}, the import's and the training's ones are kinds of it), also as a cause; an
 * exception that merely has "Cancelled" in its class name is a failure like any other.
 */
class CancellationKindsTest {
    /** A failure whose name happens to contain the word: it must be shown as an error, not as a cancel. */
    static final class NotCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void engineImportAndTrainingCancellationsAreCancellations() {
        assertTrue(BackgroundExecutor.isCancellation(new Cancellation("stopped")));
        assertTrue(BackgroundExecutor.isCancellation(new RowParallel.CancelledException()));
        assertTrue(BackgroundExecutor.isCancellation(new ImportCancelledException("plays.tsv")));
        assertTrue(BackgroundExecutor.isCancellation(new CancellationException()));
        assertTrue(BackgroundExecutor.isCancellation(new IOException("wrapped", new RowParallel.CancelledException())));
    }

    @Test
    void aClassNameIsNotACancellation() {
        assertFalse(BackgroundExecutor.isCancellation(new NotCancelledException()));
        assertFalse(BackgroundExecutor.isCancellation(new IllegalStateException("Cancelled by nobody")));
    }
}
