package org.tastemap.app.task;

/** A piece of background work; it polls {@link WorkContext#cancelled()} and reports progress. */
@FunctionalInterface
public interface Work<T> {
    T run(WorkContext context) throws Exception;
}
