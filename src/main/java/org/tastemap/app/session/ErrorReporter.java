package org.tastemap.app.session;

/** Shows a problem to the user: what happened and what to do next, never a stack trace. */
@FunctionalInterface
public interface ErrorReporter {
    void show(String title, String message, String whatToDo);

    /** Shows a failure; a {@link UserFacingException} carries its own hint. Details are logged by the caller. */
    default void show(String title, Throwable error) {
        if (error instanceof UserFacingException u) {
            show(title, u.getMessage(), u.hint());
        } else {
            show(title, describe(error), "Details are in the log file " + AppLog.logFile() + ".");
        }
    }

    /** One readable sentence about an unexpected error. */
    static String describe(Throwable error) {
        if (error instanceof java.nio.file.NoSuchFileException e) {
            return "The file " + e.getFile() + " does not exist.";
        }
        if (error instanceof java.nio.file.AccessDeniedException e) {
            return "Tastemap may not read or write " + e.getFile() + ".";
        }
        if (error instanceof OutOfMemoryError) {
            return "Tastemap ran out of memory.";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? "An unexpected " + error.getClass().getSimpleName() + " occurred." : m;
    }
}
