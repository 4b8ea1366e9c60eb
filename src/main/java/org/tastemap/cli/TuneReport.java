package org.tastemap.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneListener;
import org.tastemap.core.tune.TuneOptions;
import org.tastemap.core.tune.TuneResult;

/** How {@code tune} and {@code train --auto} print a tune, write its JSON and record it in the model. */
final class TuneReport {
    private TuneReport() {
    }

    /** "log k=64 alpha=3 lambda=0.1" */
    static String settings(AlsParams p) {
        return String.format(Locale.ROOT, "%s k=%d alpha=%s lambda=%s", p.confidence().name().toLowerCase(Locale.ROOT), p.factors(),
                num(p.alpha()), num(p.lambda()));
    }

    static String num(double v) {
        // three significant digits without trailing zeros: 100, 0.001, 3.16
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }

    static String metrics(Metrics m) {
        return m == null ? "no metrics" : String.format(Locale.ROOT, "map@10 %.4f  ndcg@10 %.4f  p@10 %.4f", m.mapAtK(), m.ndcgAtK(),
                m.precisionAtK());
    }

    /** A listener that prints one line per finished candidate (and the final training's iterations). */
    static TuneListener printer(PrintWriter w, boolean finalIterations) {
        return new TuneListener() {
            @Override
            public void baseline(Metrics m) {
                w.println("most popular baseline (validation): " + metrics(m));
                w.flush();
            }

            @Override
            public void finished(CandidateResult r) {
                w.println(line(r));
                w.flush();
            }

            @Override
            public void finalTrainingStarted(CandidateResult chosen, int iterations) {
                if (finalIterations) {
                    w.printf(Locale.ROOT, "chosen: %s  validation %s%n", settings(chosen.candidate().params()), metrics(chosen.metrics()));
                    w.printf("final model: all training rows, %s, %d iterations%n", settings(chosen.candidate().params()), iterations);
                    w.flush();
                }
            }

            @Override
            public void finalIteration(org.tastemap.core.als.IterationReport report) {
                if (finalIterations) {
                    TrainCommand.print(w, "final ", report);
                }
            }
        };
    }

    static String line(CandidateResult r) {
        Candidate c = r.candidate();
        String how = switch (r.outcome()) {
            case COMPLETED -> "all";
            case STOPPED_EARLY -> "stopped";
            case OUT_OF_TIME -> "out of time";
            case CANCELLED -> "cancelled";
            case DIVERGED -> "diverged";
        };
        return String.format(Locale.ROOT, "candidate %3d %-8s %-36s it %2d (best %2d, %s%s)  %s  %6.2f s", c.index(),
                c.phase().name().toLowerCase(Locale.ROOT), settings(c.params()), r.iterations(), r.bestIteration(), how,
                r.warmFrom() >= 0 ? ", warm from " + r.warmFrom() : "", metrics(r.metrics()), r.seconds());
    }

    /** The lines after the candidates: the baseline, the chosen settings and the gain over the defaults. */
    static void printSummary(PrintWriter w, TuneResult t, TuneOptions o) {
        String end = switch (t.status()) {
            case COMPLETED -> "";
            case OUT_OF_TIME -> " (the budget ended the search)";
            case CANCELLED -> " (cancelled)";
        };
        w.printf(Locale.ROOT, "tuned %d candidates in %.1f s%s%n", t.candidates().size(), t.seconds(), end);
        if (t.chosen() != null) {
            w.printf(Locale.ROOT, "%s: %s  %s %.4f", t.finalTraining() == null ? "chosen" : "tuned model", settings(t.chosen().candidate().params()), o.metric().label(), t.chosen().value());
            if (!Double.isNaN(t.improvementOverDefaults())) {
                w.printf(Locale.ROOT, " (%+.1f%% over the defaults' %.4f)", 100 * t.improvementOverDefaults(), t.defaults().value());
            }
            w.println();
        }
        w.flush();
    }

    /** The keys the model records about the tune its settings came from. */
    static Map<String, String> metadata(TuneResult t, TuneOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ModelMetadata.TUNE_METRIC, o.metric().label());
        m.put(ModelMetadata.TUNE_VALUE, String.format(Locale.ROOT, "%.4f", t.chosen().value()));
        m.put(ModelMetadata.TUNE_BUDGET, o.budgetSeconds() > 0 ? num(o.budgetSeconds()) : "none");
        m.put(ModelMetadata.TUNE_CANDIDATES, Integer.toString(t.candidates().size()));
        m.put(ModelMetadata.TUNE_CHOSEN, settings(t.chosen().candidate().params()));
        return m;
    }

    /** Writes every candidate with its settings and metrics, the baseline and the choice, as JSON (atomically). */
    static void writeJson(Path file, TuneResult t, TuneOptions o) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("metric", o.metric().label());
        root.addProperty("budgetSeconds", o.budgetSeconds());
        root.addProperty("seed", o.base().seed());
        root.addProperty("status", t.status().name().toLowerCase(Locale.ROOT));
        root.addProperty("seconds", t.seconds());
        root.add("baseline", metricsJson(t.baseline()));
        JsonArray all = new JsonArray();
        for (CandidateResult r : t.candidates()) {
            JsonObject c = new JsonObject();
            AlsParams p = r.candidate().params();
            c.addProperty("index", r.candidate().index());
            c.addProperty("phase", r.candidate().phase().name().toLowerCase(Locale.ROOT));
            c.addProperty("confidence", p.confidence().name().toLowerCase(Locale.ROOT));
            c.addProperty("factors", p.factors());
            c.addProperty("alpha", p.alpha());
            c.addProperty("lambda", p.lambda());
            c.addProperty("alphaCell", r.candidate().alphaCell());
            c.addProperty("lambdaCell", r.candidate().lambdaCell());
            c.addProperty("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            c.addProperty("iterations", r.iterations());
            c.addProperty("bestIteration", r.bestIteration());
            c.addProperty("warmFrom", r.warmFrom());
            c.addProperty("seconds", r.seconds());
            c.add("metrics", metricsJson(r.metrics()));
            all.add(c);
        }
        root.add("candidates", all);
        root.addProperty("chosen", t.chosen() == null ? -1 : t.chosen().candidate().index());
        root.addProperty("defaults", t.defaults() == null ? -1 : t.defaults().candidate().index());
        String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root);
        // written beside the target and moved over it, so a failed write never leaves half a file
        Path folder = file.toAbsolutePath().getParent();
        Path tmp = java.nio.file.Files.createTempFile(folder, ".tastemap-json", ".tmp");
        try {
            java.nio.file.Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private static JsonObject metricsJson(Metrics m) {
        if (m == null) {
            return null;
        }
        JsonObject j = new JsonObject();
        j.addProperty("map@10", m.mapAtK());
        j.addProperty("ndcg@10", m.ndcgAtK());
        j.addProperty("p@10", m.precisionAtK());
        j.addProperty("auc", m.auc());
        j.addProperty("epr", m.expectedPercentileRank());
        j.addProperty("users", m.users());
        return j;
    }
}
