package org.tastemap.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tastemap.app.Format;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ListenerHistories;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.TrainedModel;

/**
 * Where a model came from and what it holds, in words, from its parameters and metadata: for the
 * status bar, About, and the screens that need what a Spark-trained model lacks.
 */
public final class ModelOrigin {
    private ModelOrigin() {
    }

    /** True when the metadata says the Spark job trained it. */
    public static boolean bySpark(TrainedModel m) {
        return ModelMetadata.BY_SPARK.equals(m.metadata().get(ModelMetadata.TRAINED_BY));
    }

    /** "Spark 4.0.1 on local[2]", "Spark", or "Tastemap" (trained in-process; also models without metadata). */
    public static String trainer(TrainedModel m) {
        if (!bySpark(m)) {
            return "Tastemap";
        }
        Map<String, String> meta = m.metadata();
        String version = meta.getOrDefault(ModelMetadata.SPARK_VERSION, "");
        String master = meta.getOrDefault(ModelMetadata.SPARK_MASTER, "");
        return "Spark" + (version.isEmpty() ? "" : " " + version) + (master.isEmpty() ? "" : " on " + master);
    }

    /** Who trained it, for sentences: "trained on Spark" or "trained elsewhere" (a sample not from Spark). */
    private static String trainedWhere(TrainedModel m) {
        return bySpark(m) ? "trained on Spark" : "trained elsewhere";
    }

    /**
     * The parameters in one line: "k = 64 · alpha 1 · lambda 598, scaled by each row's count · log confidence (eps 1) · 15 iterations".
     */
    public static String parameters(TrainedModel m) {
        AlsParams p = m.factors().params();
        String conf = p.confidence() == null ? "confidence unknown" : Format.confidenceShort(p.confidence()) + " confidence"
                + switch (p.confidence()) {
                    case LOG -> " (eps " + num(p.eps()) + ")";
                    case BM25 -> " (K1 " + num(p.bm25K1()) + ", B " + num(p.bm25B()) + ")";
                    case LINEAR -> "";
                };
        return String.format(Locale.ROOT, "k = %d · alpha %s · lambda %s, %s · %s · %d iterations", m.factors().factors(),
                num(p.alpha()), num(p.lambda()), scaling(m), conf, m.factors().iterations());
    }

    /** "scaled by each row's count (as Spark)" or "constant", from the parameters (the metadata key says the same). */
    static String scaling(TrainedModel m) {
        boolean scaled = m.factors().params().scaleLambdaByCount()
                || ModelMetadata.SCALING_COUNT.equals(m.metadata().get(ModelMetadata.LAMBDA_SCALING));
        return scaled ? "scaled by each row's count (ALS-WR, as Spark)" : "constant";
    }

    /**
     * "Histories of 5,000 sampled listeners of 2,100,000" (seed when known), or "Histories of all 3,000 listeners".
     */
    public static String histories(TrainedModel m) {
        ListenerHistories h = m.histories();
        if (h.isComplete()) {
            return String.format(Locale.ROOT, "Histories of all %,d listeners", h.numUsers());
        }
        String seed = m.metadata().get(ModelMetadata.HISTORIES_SEED);
        return String.format(Locale.ROOT, "Histories of %,d sampled listeners of %,d", h.heldCount(), h.numUsers())
                + (seed == null ? "" : " (seed " + seed + ")");
    }

    /** Provenance lines: when, by what, from which input, and the Spark run; only what the metadata has. */
    public static List<String> provenance(TrainedModel m) {
        Map<String, String> meta = m.metadata();
        List<String> out = new ArrayList<>();
        out.add("Trained by " + trainer(m));
        add(out, "Created", meta.get(ModelMetadata.CREATED));
        add(out, "Made by", meta.get(ModelMetadata.CREATED_BY));
        add(out, "Input", meta.get(ModelMetadata.INPUT));
        if (meta.containsKey(ModelMetadata.TRAINED_ROWS)) {
            add(out, "Trained on", meta.get(ModelMetadata.TRAINED_ROWS) + " rows");
        }
        return out;
    }

    private static void add(List<String> out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(label + ": " + value);
        }
    }

    /** Everything above, one fact a line: for the model's tooltip and About. */
    public static String details(TrainedModel m) {
        List<String> lines = new ArrayList<>(provenance(m));
        lines.add(1, parameters(m));
        lines.add(histories(m) + String.format(Locale.ROOT, "; %,d artists, %,d listener-artist rows in the full data",
                m.dataset().artists().size(), m.totalRows()));
        return String.join("\n", lines);
    }

    /**
     * Why a screen cannot do {@code what} with a model that holds only a sample of histories and no
     * data, and what to do: e.g. what = "retrain it".
     */
    public static String needsData(TrainedModel m, String what) {
        ListenerHistories h = m.histories();
        return String.format(Locale.ROOT, "This model was %s and holds the listening histories of only %,d sampled "
                        + "listeners of %,d, not its data, so it cannot %s here. Import the data it was trained on "
                        + "(File > Import…) to do that: the model stays open when its listeners and artists match.",
                trainedWhere(m), h.heldCount(), h.numUsers(), what);
    }

    /** The Data screen's headline for a sampled model opened alone: no statistics of the sample pass for the data's. */
    public static String sampleHeadline(TrainedModel m) {
        ListenerHistories h = m.histories();
        return String.format(Locale.ROOT, "Only %,d of %,d listeners' histories", h.heldCount(), h.numUsers());
    }

    /** A number as typed: 1, 0.25, 598.3 (four significant digits, no exponent for everyday sizes). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
