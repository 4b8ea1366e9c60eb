package org.tastemap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.core.tune.TuneMetric;
import org.tastemap.core.tune.TuneOptions;
import org.tastemap.core.tune.TuneResult;
import org.tastemap.core.tune.TuneSpace;
import org.tastemap.core.tune.Tuner;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tastemap tune}: searches the settings on a validation split of the rows, prints one line per
 * candidate, the chosen settings and the final training on all rows, and saves that model.
 */
@Command(name = "tune", description = "Find the settings that fit a file (validation MAP@10 by default), train with them on all rows, save the model.")
final class TuneCommand implements Callable<Integer> {
    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Mixin
    TuneArgs tuneArgs = new TuneArgs();

    @Option(names = "--factors", split = ",", paramLabel = "K,...", description = "Factor counts to try (default 64).")
    int[] factors;

    @Option(names = "--confidence", split = ",", paramLabel = "KINDS", description = "Confidence kinds to try: log, bm25, linear (default log).")
    String[] confidences;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the validation split, its sample of listeners and the random starts (default 42).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every candidate with its metrics to this JSON file.")
    Path json;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the model.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        AlsParams base = AlsParams.defaults();
        if (seed != null) {
            base = base.withSeed(seed);
        }
        if (threads != null) {
            base = base.withThreads(threads);
        }
        TuneOptions options = tuneArgs.options(base.validate(), factors == null ? null : Arrays.stream(factors).boxed().toList(),
                kinds(confidences));
        // what can be checked without the data is checked before the import
        OutputPaths.checkFile("--out", out);
        if (json != null) {
            OutputPaths.checkFile("--json", json);
        }
        ImportResult imported = Importer.importFile(importArgs.input, importArgs.options());
        Dataset data = imported.dataset();
        w.printf("imported %,d users, %,d artists, %,d rows (%,d rows skipped)%n", data.users().size(), data.artists().size(),
                data.matrix().nnz(), imported.report().skippedRows());
        // the defaults candidate is what train would do: the data's default lambda (DefaultLambda), on every row
        AlsParams defaults = DefaultLambda.apply(data.matrix(), options.base());
        w.printf(java.util.Locale.ROOT, "default lambda for this data: %.4g%n", defaults.lambda());
        TuneResult t = tune(w, data, options.withBase(defaults), true);
        if (json != null) {
            TuneReport.writeJson(json, t, options.withBase(defaults));
        }
        if (!t.hasFinalModel()) {
            spec.commandLine().getErr().println("tastemap: " + (t.finalTraining() != null ? t.finalTraining().message()
                    : "no candidate could be scored.") + " Nothing was saved; " + out + (Files.exists(out) ? " is unchanged." : " was not written."));
            return 1;
        }
        Map<String, String> meta = TrainCommand.provenance(importArgs, "tastemap tune", data.matrix().nnz());
        meta.putAll(TuneReport.metadata(t, options));
        ModelFile.save(out, new TrainedModel(data, t.finalTraining().model(), meta));
        w.println("saved " + out);
        return 0;
    }

    /** Runs the tune, printing each candidate as it finishes, then the summary. */
    static TuneResult tune(PrintWriter w, Dataset data, TuneOptions options, boolean trainFinal) {
        w.printf("tuning on a validation split of %,d rows (%s, %s)%n", data.matrix().nnz(), options.metric().label(),
                options.budgetSeconds() > 0 ? "budget " + TuneReport.num(options.budgetSeconds()) + " s" : "no budget");
        w.flush();
        TuneOptions o = options.withTrainFinal(trainFinal);
        try {
            TuneResult t = Tuner.tune(data.matrix(), o, TuneReport.printer(w, true), () -> Thread.currentThread().isInterrupted());
            TuneReport.printSummary(w, t, o);
            return t;
        } catch (org.tastemap.core.model.NonFiniteConfidenceException e) {
            throw new IllegalArgumentException(e.describe(data.users().id(e.user()), data.artistName(e.item())), e);
        }
    }

    static List<ConfidenceKind> kinds(String[] names) {
        if (names == null) {
            return null;
        }
        List<ConfidenceKind> out = new ArrayList<>();
        for (String n : names) {
            out.add(ConfidenceKind.parse(n));
        }
        return out;
    }

    static TuneOptions.Strategy strategy(String name) {
        for (TuneOptions.Strategy v : TuneOptions.Strategy.values()) {
            if (v.name().equalsIgnoreCase(name.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("--strategy must be grid or halving, not '" + name + "'");
    }

    /** The options {@code tune} and {@code train --auto} share. */
    static final class TuneArgs {
        @Option(names = "--budget", paramLabel = "SECONDS", description = "Time for the whole tune, final training included (default: none).")
        Double budget;

        @Option(names = "--metric", paramLabel = "map|ndcg|precision", defaultValue = "map", description = "Validation metric at 10 to maximise (default: map).")
        String metric;

        @Option(names = "--alphas", split = ",", paramLabel = "A,...", description = "The grid's alphas (default 0.3,3,30).")
        double[] alphas;

        @Option(names = "--lambdas", split = ",", paramLabel = "L,...", description = "The grid's lambdas (default 0.001,0.01,...,10000: every decade).")
        double[] lambdas;

        @Option(names = "--no-refine", description = "Only the grid: no golden-section refinement around its best cell.")
        boolean noRefine;

        @Option(names = "--strategy", paramLabel = "grid|halving", defaultValue = "grid", description = "The search: grid (early"
                + " stopping, then golden-section refinement; the default) or halving (successive halving over the grid).")
        String strategy;

        @Option(names = "--cold", hidden = true, description = "Cold, full-length candidates: no warm starts, no early stopping"
                + " (to measure what they save).")
        boolean cold;

        @Option(names = "--no-warm", hidden = true, description = "Every candidate from the random start, with early stopping"
                + " (to measure what warm starts change).")
        boolean noWarm;

        TuneOptions options(AlsParams base, List<Integer> factors, List<ConfidenceKind> kinds) {
            if (budget != null && !(budget > 0 && budget < 1e9)) {
                throw new IllegalArgumentException("--budget must be a number of seconds above 0 (got " + budget + ")");
            }
            TuneSpace s = TuneSpace.defaults(base.factors());
            if (factors != null) {
                s = s.withFactors(factors);
            }
            if (kinds != null) {
                s = s.withConfidences(kinds);
            }
            if (alphas != null) {
                s = s.withAlphas(Arrays.stream(alphas).boxed().toList());
            }
            if (lambdas != null) {
                s = s.withLambdas(Arrays.stream(lambdas).boxed().toList());
            }
            if (noRefine) {
                s = s.withRefine(false);
            }
            TuneOptions o = TuneOptions.defaults(base).withSpace(s).withMetric(TuneMetric.parse(metric)).withBudget(budget == null ? 0 : budget)
                    .withStrategy(strategy(strategy));
            if (noWarm) {
                o = o.withWarmStarts(false);
            }
            return cold ? o.withWarmStarts(false).withPatience(base.iterations()) : o;
        }
    }
}
