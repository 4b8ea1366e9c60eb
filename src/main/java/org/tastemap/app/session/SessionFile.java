package org.tastemap.app.session;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.SolverKind;

/**
 * The session as the app leaves it on quit, in {@value #NAME} of the session folder: the dataset
 * it came from (path and import settings), the model file that reopens it (with the dataset inside),
 * the Train screen's settings, its run history and its chart. Written atomically (a temporary file
 * renamed over the old one), so a crash while quitting leaves the previous session whole.
 *
 * <p>Runs and chart points are rows of numbers; doubles are written with {@link Double#toString},
 * which reads back to the same value. Version 2 adds, for a tune's entry, {@code run.N.tune}: the
 * name of a JSON file in the same folder holding the tune's heatmap ({@link TuneFile}), named by a
 * hash of its content and written before this file, so the session on disk is always whole; files
 * no session refers to are deleted after it is written. Version 1 files still load (their tune
 * entries keep their settings only). A tune file that is missing or cannot be read is reported in
 * {@link #problems()} and its entry loads without its map; the rest of the session loads as usual.
 * The format is documented in docs/session-file.md.
 *
 * @param dataSource     the dataset's path (or description) as the status bar shows it
 * @param importSettings {@link ImportSettings#encode()} of how it was imported, or ""
 * @param modelFile      the model file to reopen, or "" when the model was discarded
 * @param modelHeldOut   the model was trained on the held-out split's training part
 * @param controls       the Train screen's settings (factors, iterations, alpha, lambda, confidence, solver)
 * @param heldOutOn      the held-out evaluation check box
 * @param autoRetrain    the retrain check box
 * @param runs           the run history, newest first, each as {@link Run}
 * @param points         the chart's points, each {iteration, loss, map, precision, seconds, elapsed}
 * @param problems       what could not be read back, one sentence each naming the file (empty when written, or all was read)
 */
public record SessionFile(String dataSource, String importSettings, String modelFile, boolean modelHeldOut,
                          AlsParams controls, boolean heldOutOn, boolean autoRetrain, List<Run> runs,
                          List<double[]> points, List<String> problems) {
    public static final String NAME = "session.properties";
    /** The version written: 2 adds the tunes' files. */
    public static final int VERSION = 2;
    private static final java.util.regex.Pattern TUNE_FILE = java.util.regex.Pattern.compile("tune-[0-9a-f]{16}\\.json");

    public SessionFile {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /** A session to write (nothing unread). */
    public SessionFile(String dataSource, String importSettings, String modelFile, boolean modelHeldOut, AlsParams controls,
                       boolean heldOutOn, boolean autoRetrain, List<Run> runs, List<double[]> points) {
        this(dataSource, importSettings, modelFile, modelHeldOut, controls, heldOutOn, autoRetrain, runs, points, List.of());
    }
    /** The name of the model file a session saves its unsaved trained model to. */
    public static final String MODEL = "model.tsm";

    /**
     * A run of the history, independent of the Train screen's classes.
     *
     * @param tune a tune's heatmap, or null (a training run; a tune whose map was not kept or could not be read)
     */
    public record Run(int number, AlsParams params, boolean warm, int iterations, double loss, double map, double seconds,
                      String ending, SessionTune tune) {
        /** A run without a tune's map. */
        public Run(int number, AlsParams params, boolean warm, int iterations, double loss, double map, double seconds,
                   String ending) {
            this(number, params, warm, iterations, loss, map, seconds, ending, null);
        }
    }

    /** Writes the session into {@code dir}, atomically replacing the previous one. */
    public void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("data.source", dataSource);
        p.setProperty("data.importSettings", importSettings);
        p.setProperty("model.file", modelFile);
        p.setProperty("model.heldOut", Boolean.toString(modelHeldOut));
        p.setProperty("train.controls", params(controls));
        p.setProperty("train.heldOut", Boolean.toString(heldOutOn));
        p.setProperty("train.autoRetrain", Boolean.toString(autoRetrain));
        Files.createDirectories(dir);
        p.setProperty("runs", Integer.toString(runs.size()));
        java.util.Set<String> tunes = new java.util.HashSet<>();
        for (int q = 0; q < runs.size(); q++) {
            Run r = runs.get(q);
            p.setProperty("run." + q, String.join(";", Integer.toString(r.number()), params(r.params()),
                    Boolean.toString(r.warm()), Integer.toString(r.iterations()), Double.toString(r.loss()),
                    Double.toString(r.map()), Double.toString(r.seconds()), r.ending()));
            if (r.tune() != null) {
                String name = writeTune(dir, TuneFile.write(r.tune()));
                tunes.add(name);
                p.setProperty("run." + q + ".tune", name);
            }
        }
        p.setProperty("points", Integer.toString(points.size()));
        for (int q = 0; q < points.size(); q++) {
            StringBuilder b = new StringBuilder();
            for (double v : points.get(q)) {
                b.append(b.length() == 0 ? "" : ";").append(v);
            }
            p.setProperty("point." + q, b.toString());
        }
        StringWriter text = new StringWriter();
        p.store(text, "Tastemap session: reopened on the next launch");
        replace(dir, NAME, text.toString());
        // the tunes of earlier sessions that this one no longer refers to
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (TUNE_FILE.matcher(n).matches() && !tunes.contains(n)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Writes a tune's JSON under a name made of its content's hash (unless that file is there), and returns the name. */
    private static String writeTune(Path dir, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String hash;
        try {
            // the first 8 bytes of SHA-256, in hex: a name that changes with the content
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        String name = "tune-" + hash + ".json";
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f) || !java.util.Arrays.equals(Files.readAllBytes(f), bytes)) {
            replace(dir, name, json);
        }
        return name;
    }

    /** Writes {@code text} to a temporary file in {@code dir} and renames it over {@code name}. */
    private static void replace(Path dir, String name, String text) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads the session in {@code dir}; empty when there is none.
     *
     * @throws IOException when it exists but cannot be read or parsed (the message names the file and the entry)
     */
    public static Optional<SessionFile> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        }
        String key = "";
        try {
            key = "train.controls";
            AlsParams controls = parseParams(p.getProperty(key, ""), 0);
            List<Run> runs = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int n = Integer.parseInt(p.getProperty("runs", "0"));
            for (int q = 0; q < n; q++) {
                key = "run." + q;
                String[] f = p.getProperty(key, "").split(";", -1);
                int number = Integer.parseInt(f[0]);
                String tuneFile = p.getProperty(key + ".tune");
                SessionTune tune = tuneFile == null ? null : readTune(dir, file, key + ".tune", tuneFile, number, problems);
                runs.add(new Run(number, parseParams(String.join(";", java.util.Arrays.copyOfRange(f, 1, 7)), 0),
                        Boolean.parseBoolean(f[7]), Integer.parseInt(f[8]), Double.parseDouble(f[9]),
                        Double.parseDouble(f[10]), Double.parseDouble(f[11]), f[12], tune));
            }
            List<double[]> points = new ArrayList<>();
            int m = Integer.parseInt(p.getProperty("points", "0"));
            for (int q = 0; q < m; q++) {
                key = "point." + q;
                String[] f = p.getProperty(key, "").split(";", -1);
                double[] v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = Double.parseDouble(f[i]);
                }
                points.add(v);
            }
            return Optional.of(new SessionFile(p.getProperty("data.source", ""), p.getProperty("data.importSettings", ""),
                    p.getProperty("model.file", ""), Boolean.parseBoolean(p.getProperty("model.heldOut")), controls,
                    Boolean.parseBoolean(p.getProperty("train.heldOut", "true")),
                    Boolean.parseBoolean(p.getProperty("train.autoRetrain", "true")), runs, points, problems));
        } catch (RuntimeException e) {
            throw new IOException(file + ": entry " + key + " is not valid (" + e.getMessage() + ")", e);
        }
    }

    /** A run's tune, or null with a sentence in {@code problems} naming the file and what is wrong with it. */
    private static SessionTune readTune(Path dir, Path session, String key, String name, int run, List<String> problems) {
        String without = "; run " + run + " keeps its settings, without its map.";
        if (!TUNE_FILE.matcher(name).matches()) {
            problems.add(session + ": entry " + key + " is not the name of a tune file (\"" + name + "\")" + without);
            return null;
        }
        Path f = dir.resolve(name);
        try {
            return TuneFile.read(Files.readString(f, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            problems.add(f + ": the tune of run " + run + " is missing" + without);
        } catch (IOException | RuntimeException e) {
            problems.add(f + ": the tune of run " + run + " cannot be read (" + e.getMessage() + ")" + without);
        }
        return null;
    }

    /** factors;iterations;alpha;lambda;confidence;solver. */
    private static String params(AlsParams a) {
        return String.join(";", Integer.toString(a.factors()), Integer.toString(a.iterations()), Double.toString(a.alpha()),
                Double.toString(a.lambda()), a.confidence().name(), a.solver().name());
    }

    private static AlsParams parseParams(String s, int from) {
        String[] f = s.split(";", -1);
        return AlsParams.defaults().withFactors(Integer.parseInt(f[from])).withIterations(Integer.parseInt(f[from + 1]))
                .withAlpha(Double.parseDouble(f[from + 2])).withLambda(Double.parseDouble(f[from + 3]))
                .withConfidence(ConfidenceKind.valueOf(f[from + 4])).withSolver(SolverKind.valueOf(f[from + 5]));
    }
}
