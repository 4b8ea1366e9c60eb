package org.tastemap.app.session;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;
import org.tastemap.core.tune.Candidate;
import org.tastemap.core.tune.CandidateResult;
import org.tastemap.core.tune.TuneMetric;
import org.tastemap.core.tune.TuneSpace;

/**
 * A {@link SessionTune} as JSON, format {@value #FORMAT} version {@value #VERSION} (documented in
 * docs/session-file.md). Every number reads back to the same value: doubles are written with
 * {@link Double#toString}; a double that is not finite (an unscored candidate's value) is written
 * as the string "NaN", "Infinity" or "-Infinity". Enum values are lower case.
 *
 * <p>Reading checks everything the heatmap relies on (the space is valid, each candidate's cells
 * index it, indexes are distinct) and says what is wrong and where, e.g.
 * {@code candidates[4].metrics.map@10: expected a number, found "x"}.
 */
public final class TuneFile {
    /** The value of the "format" field. */
    public static final String FORMAT = "tastemap-tune";
    /** The version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private TuneFile() {
    }

    /** The tune as pretty-printed JSON. */
    public static String write(SessionTune t) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        root.addProperty("metric", lower(t.metric()));
        root.add("budgetSeconds", num(t.budget()));
        JsonObject space = new JsonObject();
        JsonArray kinds = new JsonArray();
        t.space().confidences().forEach(k -> kinds.add(lower(k)));
        space.add("confidences", kinds);
        JsonArray factors = new JsonArray();
        t.space().factors().forEach(factors::add);
        space.add("factors", factors);
        space.add("alphas", nums(t.space().alphas()));
        space.add("lambdas", nums(t.space().lambdas()));
        space.addProperty("refine", t.space().refine());
        root.add("space", space);
        root.add("baseline", metrics(t.baseline()));
        root.addProperty("chosen", t.chosen());
        JsonArray all = new JsonArray();
        for (CandidateResult r : t.candidates()) {
            Candidate c = r.candidate();
            JsonObject j = new JsonObject();
            j.addProperty("index", c.index());
            j.addProperty("phase", lower(c.phase()));
            j.add("params", params(c.params()));
            j.addProperty("confidenceCell", c.confidenceCell());
            j.addProperty("factorsCell", c.factorsCell());
            j.addProperty("alphaCell", c.alphaCell());
            j.addProperty("lambdaCell", c.lambdaCell());
            j.addProperty("outcome", lower(r.outcome()));
            j.addProperty("iterations", r.iterations());
            j.addProperty("bestIteration", r.bestIteration());
            j.addProperty("warmFrom", r.warmFrom());
            j.add("metrics", metrics(r.metrics()));
            j.add("value", num(r.value()));
            j.add("seconds", num(r.seconds()));
            all.add(j);
        }
        root.add("candidates", all);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
    }

    /**
     * Reads a tune written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the field and the problem when the text is not such a tune
     */
    public static SessionTune read(String json) {
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            Throwable why = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("not valid JSON (" + why.getMessage() + ")", e);
        }
        String format = string(root, "format", "");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = integer(root, "version", "");
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("version " + version + " is not one this Tastemap reads (1 to " + VERSION
                    + "; a newer Tastemap wrote it)");
        }
        TuneMetric metric = choice(root, "metric", "", TuneMetric.values());
        double budget = real(root, "budgetSeconds", "");
        JsonObject s = object(root, "space", "");
        TuneSpace space;
        try {
            space = new TuneSpace(list(s, "confidences", "space.", (e, p) -> choice(e, p, ConfidenceKind.values())),
                    list(s, "factors", "space.", TuneFile::integer), list(s, "alphas", "space.", TuneFile::real),
                    list(s, "lambdas", "space.", TuneFile::real), bool(s, "refine", "space."));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("space.") ? e
                    : new IllegalArgumentException("space: " + e.getMessage(), e);
        }
        Metrics baseline = metrics(root, "baseline", "");
        int chosen = integer(root, "chosen", "");
        List<CandidateResult> candidates = list(root, "candidates", "", (e, p) -> candidate(e, p, space));
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!indexes.add(candidates.get(i).candidate().index())) {
                throw new IllegalArgumentException("candidates[" + i + "].index: " + candidates.get(i).candidate().index()
                        + " is also an earlier candidate's");
            }
        }
        if (chosen != -1 && !indexes.contains(chosen)) {
            throw new IllegalArgumentException("chosen: " + chosen + " is the index of no candidate");
        }
        return new SessionTune(space, metric, budget, baseline, candidates, chosen);
    }

    private static CandidateResult candidate(JsonElement e, String path, TuneSpace space) {
        JsonObject o = asObject(e, path);
        String at = path + ".";
        Candidate c = new Candidate(integer(o, "index", at), choice(o, "phase", at, Candidate.Phase.values()),
                params(object(o, "params", at), at + "params."), cell(o, "confidenceCell", at, space.confidences().size(), true),
                cell(o, "factorsCell", at, space.factors().size(), true), cell(o, "alphaCell", at, space.alphas().size(), false),
                cell(o, "lambdaCell", at, space.lambdas().size(), false));
        return new CandidateResult(c, choice(o, "outcome", at, CandidateResult.Outcome.values()), integer(o, "iterations", at),
                integer(o, "bestIteration", at), integer(o, "warmFrom", at), metrics(o, "metrics", at), real(o, "value", at),
                real(o, "seconds", at));
    }

    /** A cell index into a list of {@code size}; -1 allowed for the confidence and factors cells (a default outside the space). */
    private static int cell(JsonObject o, String name, String at, int size, boolean outside) {
        int v = integer(o, name, at);
        if (v >= size || v < (outside ? -1 : 0)) {
            throw new IllegalArgumentException(at + name + ": " + v + " is outside the space's " + size + " value"
                    + (size == 1 ? "" : "s"));
        }
        return v;
    }

    private static JsonObject params(AlsParams p) {
        JsonObject j = new JsonObject();
        j.addProperty("factors", p.factors());
        j.add("alpha", num(p.alpha()));
        j.addProperty("confidence", lower(p.confidence()));
        j.add("eps", num(p.eps()));
        j.add("bm25K1", num(p.bm25K1()));
        j.add("bm25B", num(p.bm25B()));
        j.add("lambda", num(p.lambda()));
        j.addProperty("scaleLambda", p.scaleLambdaByCount());
        j.addProperty("iterations", p.iterations());
        j.addProperty("solver", lower(p.solver()));
        j.addProperty("cgSteps", p.cgSteps());
        j.addProperty("seed", p.seed());
        j.addProperty("threads", p.threads());
        return j;
    }

    private static AlsParams params(JsonObject o, String at) {
        AlsParams p = new AlsParams(integer(o, "factors", at), real(o, "alpha", at), choice(o, "confidence", at, ConfidenceKind.values()),
                real(o, "eps", at), real(o, "bm25K1", at), real(o, "bm25B", at), real(o, "lambda", at), bool(o, "scaleLambda", at),
                integer(o, "iterations", at), choice(o, "solver", at, SolverKind.values()), integer(o, "cgSteps", at),
                whole(o, "seed", at).longValueExact(), integer(o, "threads", at));
        if (!p.problems().isEmpty()) {
            throw new IllegalArgumentException(at.substring(0, at.length() - 1) + ": " + String.join(" ", p.problems()));
        }
        return p;
    }

    private static JsonElement metrics(Metrics m) {
        if (m == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        JsonObject j = new JsonObject();
        j.add("map@10", num(m.mapAtK()));
        j.add("ndcg@10", num(m.ndcgAtK()));
        j.add("p@10", num(m.precisionAtK()));
        j.add("auc", num(m.auc()));
        j.add("epr", num(m.expectedPercentileRank()));
        j.addProperty("k", m.k());
        j.addProperty("users", m.users());
        return j;
    }

    /** Metrics, or null when the field holds null. */
    private static Metrics metrics(JsonObject parent, String name, String at) {
        JsonElement e = field(parent, name, at);
        if (e.isJsonNull()) {
            return null;
        }
        JsonObject o = asObject(e, at + name);
        String in = at + name + ".";
        return new Metrics(real(o, "p@10", in), real(o, "map@10", in), real(o, "ndcg@10", in), real(o, "auc", in),
                real(o, "epr", in), integer(o, "k", in), integer(o, "users", in));
    }

    private static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : new JsonPrimitive(Double.toString(v));
    }

    private static JsonArray nums(List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(v -> a.add(num(v)));
        return a;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static JsonElement field(JsonObject o, String name, String at) {
        JsonElement e = o.get(name);
        if (e == null) {
            throw new IllegalArgumentException(at + name + ": missing");
        }
        return e;
    }

    private static JsonObject object(JsonObject o, String name, String at) {
        return asObject(field(o, name, at), at + name);
    }

    private static JsonObject asObject(JsonElement e, String path) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(path + ": expected an object, found " + shown(e));
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String name, String at) {
        JsonElement e = field(o, name, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(at + name + ": expected a string, found " + shown(e));
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String name, String at) {
        JsonElement e = field(o, name, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(at + name + ": expected true or false, found " + shown(e));
        }
        return e.getAsBoolean();
    }

    private static double real(JsonObject o, String name, String at) {
        return real(field(o, name, at), at + name);
    }

    private static double real(JsonElement e, String path) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            switch (e.getAsString()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(path + ": expected a number, found " + shown(e));
    }

    private static int integer(JsonObject o, String name, String at) {
        return integer(field(o, name, at), at + name);
    }

    private static int integer(JsonElement e, String path) {
        try {
            return whole(e, path).intValueExact();
        } catch (ArithmeticException x) {
            throw new IllegalArgumentException(path + ": " + shown(e) + " is too large", x);
        }
    }

    private static BigDecimal whole(JsonObject o, String name, String at) {
        return whole(field(o, name, at), at + name);
    }

    private static BigDecimal whole(JsonElement e, String path) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            BigDecimal v = new BigDecimal(e.getAsString());
            if (v.stripTrailingZeros().scale() <= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException(path + ": expected a whole number, found " + shown(e));
    }

    private static <E extends Enum<E>> E choice(JsonObject o, String name, String at, E[] values) {
        return choice(field(o, name, at), at + name, values);
    }

    private static <E extends Enum<E>> E choice(JsonElement e, String path, E[] values) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            for (E v : values) {
                if (lower(v).equals(e.getAsString())) {
                    return v;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E v : values) {
            names.add(lower(v));
        }
        throw new IllegalArgumentException(path + ": expected one of " + String.join(", ", names) + ", found " + shown(e));
    }

    private static <T> List<T> list(JsonObject o, String name, String at, Reader<T> each) {
        JsonElement e = field(o, name, at);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(at + name + ": expected a list, found " + shown(e));
        }
        List<T> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            out.add(each.read(a.get(i), at + name + "[" + i + "]"));
        }
        return out;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonElement e, String path);
    }

    /** A value as the message shows it: its JSON, shortened. */
    private static String shown(JsonElement e) {
        String s = e.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
