package org.tastemap.core.als;

/** Hears about training progress; called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    void onIteration(IterationReport report);

    TrainingListener NONE = r -> { };
}
