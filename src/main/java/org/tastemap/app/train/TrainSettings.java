package org.tastemap.app.train;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tastemap.app.input.IntInput;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

/**
 * The Train screen's settings: the controls' values, the typed fields and their validation, the
 * parameters they make, and setting them back (from a run or the model) without counting as a move
 * of alpha or lambda that would start a retrain.
 */
final class TrainSettings {
    /**
     * How many of a run's worker threads may work now, given how many it has, asked before each chunk
     * of rows (TrainViewModel.setWorkerLimit; the app's {@link org.tastemap.app.task.InputWatch}).
     */
    java.util.function.IntUnaryOperator workerLimit = java.util.function.IntUnaryOperator.identity();
    final IntegerProperty factors;
    final IntegerProperty iterations;
    final DoubleProperty alpha;
    final DoubleProperty lambda;
    final ObjectProperty<ConfidenceKind> confidence;
    final ObjectProperty<SolverKind> solver;
    final BooleanProperty heldOut;
    final BooleanProperty autoRetrain;
    final IntInput factorsInput;
    final IntInput iterationsInput;
    final BooleanBinding inputsValid;

    private boolean restoring;

    /** @param bean the object the properties name as their owner (the view model) */
    TrainSettings(Object bean) {
        factors = new SimpleIntegerProperty(bean, "factors", 32);
        iterations = new SimpleIntegerProperty(bean, "iterations", 10);
        alpha = new SimpleDoubleProperty(bean, "alpha", AlsParams.defaults().alpha());
        lambda = new SimpleDoubleProperty(bean, "lambda", AlsParams.defaults().lambda());
        confidence = new SimpleObjectProperty<>(bean, "confidence", ConfidenceKind.LOG);
        solver = new SimpleObjectProperty<>(bean, "solver", SolverKind.CG);
        heldOut = new SimpleBooleanProperty(bean, "heldOut", true);
        autoRetrain = new SimpleBooleanProperty(bean, "autoRetrain", true);
        factorsInput = new IntInput("Factors (k)", 1, 512, factors);
        iterationsInput = new IntInput("Iterations", 1, 200, iterations);
        inputsValid = IntInput.allValid(factorsInput, iterationsInput);
    }

    /** The parameters as the controls show them. */
    AlsParams params() {
        return AlsParams.defaults().withFactors(factors.get()).withIterations(iterations.get()).withAlpha(alpha.get())
                .withLambda(lambda.get()).withConfidence(confidence.get()).withSolver(solver.get())
                .withThreads(Integer.getInteger("tastemap.trainThreads", trainingThreads(Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Worker threads for training: all cores but one from three cores up, so the UI thread always
     * finds a free core and the screens stay responsive while a model trains; on one or two cores
     * halving the speed would cost more than a sluggish frame.
     */
    static int trainingThreads(int cores) {
        return cores >= 3 ? cores - 1 : Math.max(1, cores);
    }

    /** The typed fields' problems as one sentence each, joined; empty when they are valid. */
    String inputProblems() {
        return String.join(" ", IntInput.problems(factorsInput, iterationsInput));
    }

    /** True while the controls are being set back, so their listeners do not start a retrain. */
    boolean restoring() {
        return restoring;
    }

    /** The first model on new data starts from that data's default lambda (DefaultLambda), when known. */
    void adoptDefaultLambda(org.tastemap.app.session.LoadedData d) {
        if (d != null && !Double.isNaN(d.defaultLambda())) {
            adoptLambda(d.defaultLambda());
        }
    }

    /** Sets lambda (the default for new data) without counting as a move that starts a retrain. */
    void adoptLambda(double value) {
        restoring = true;
        try {
            lambda.set(value);
        } finally {
            restoring = false;
        }
    }

    /** Sets the controls to a run's parameters. */
    void restore(AlsParams p) {
        restoring = true;
        try {
            iterations.set(p.iterations());
        } finally {
            restoring = false;
        }
        restoreSettings(p);
    }

    /** Sets the controls to a model's settings (not the Iterations box). */
    void restoreSettings(AlsParams p) {
        restoring = true;
        try {
            factors.set(p.factors());
            alpha.set(p.alpha());
            lambda.set(p.lambda());
            confidence.set(p.confidence());
            solver.set(p.solver());
        } finally {
            restoring = false;
        }
    }
}
