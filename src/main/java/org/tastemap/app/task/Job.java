package org.tastemap.app.task;

/** A submitted piece of work. */
public interface Job {
    /** Asks the work to stop; its failure callback then receives a {@link java.util.concurrent.CancellationException}. */
    void cancel();

    boolean isDone();

    /** A job that has already finished. */
    Job DONE = new Job() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
