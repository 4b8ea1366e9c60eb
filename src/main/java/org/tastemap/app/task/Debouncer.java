package org.tastemap.app.task;

/** Runs an action once its trigger has been quiet for a while (a slider that settled). */
public interface Debouncer {
    /** Schedules {@code action}, replacing any pending one. */
    void trigger(Runnable action);

    /** For tests: runs the pending action now, if any. */
    final class Manual implements Debouncer {
        private Runnable pending;

        @Override
        public void trigger(Runnable action) {
            pending = action;
        }

        public boolean hasPending() {
            return pending != null;
        }

        public void fire() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
        }
    }
}
