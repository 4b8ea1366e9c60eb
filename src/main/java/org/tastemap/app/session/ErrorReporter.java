package org.tastemap.app.session;

/** Shows a problem to the user: what happened and what to do next, never a stack trace. */
@FunctionalInterface
public interface ErrorReporter {
    /** What to do after running out of memory: the open data and model survive a failed job. */
    String OUT_OF_MEMORY_HINT = "The data and model you had open are kept. Open a smaller dataset (or raise the "
            + "import filters so fewer users and artists are kept), or start Tastemap with more memory, "
            + "for example: java -Xmx8g -jar tastemap.jar";

    void show(String title, String message, String whatToDo);

    /** Shows a failure; a {@link UserFacingException} carries its own hint. Details are logged by the caller. */
    default void show(String title, Throwable error) {
        if (error instanceof UserFacingException u) {
            show(title, u.getMessage(), u.hint());
        } else if (isOutOfMemory(error)) {
            show(title, describe(error), OUT_OF_MEMORY_HINT);
        } else {
            show(title, describe(error), "Details are in the log file " + AppLog.logFile() + ".");
        }
    }

    /** True when {@code error} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean isOutOfMemory(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** One readable sentence about an unexpected error. */
    static String describe(Throwable error) {
        if (isOutOfMemory(error)) {
            return "Tastemap ran out of memory (it may use up to " + (Runtime.getRuntime().maxMemory() >> 20) + " MB).";
        }
        if (error instanceof java.nio.file.NoSuchFileException e) {
            return "The file " + e.getFile() + " does not exist.";
        }
        if (error instanceof java.nio.file.AccessDeniedException e) {
            return "Tastemap may not read or write " + e.getFile() + ".";
        }
        String m = error.getMessage();
        return m == null || m.isBlank() ? "An unexpected " + error.getClass().getSimpleName() + " occurred." : m;
    }
}
