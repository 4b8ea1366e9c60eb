package org.tastemap.spark;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.tastemap.cli.Cli;
import org.tastemap.cli.ImportArgs;
import org.tastemap.cli.ParamArgs;
import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.ListenerHistories;
import org.tastemap.core.model.ModelMetadata;
import org.tastemap.core.model.SolverKind;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Spark job: imports a file as the desktop does, trains Spark MLlib's implicit ALS with
 * Tastemap's parameters (mapped as {@link SparkAls} says), and writes the factor tables as Parquet
 * and a Tastemap model file with the histories of a seeded sample of listeners. Options carry the
 * names of {@code tastemap train}. Run through {@code scripts/tastemap-spark} or
 * {@code spark-submit --class org.tastemap.spark.SparkTrainJob target/tastemap-spark.jar ...}.
 */
@Command(name = "tastemap-spark", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Train implicit ALS on Apache Spark; write the factors as Parquet and a Tastemap model file.")
public final class SparkTrainJob implements Callable<Integer> {
    /** Listeners whose histories the model file keeps, unless --history-sample says otherwise. */
    static final int DEFAULT_HISTORY_SAMPLE = 10_000;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Mixin
    ParamArgs paramArgs = new ParamArgs();

    @Option(names = "--constant-lambda", description = "Refused: Spark has no constant lambda (see docs/spark.md).")
    boolean constantLambda;

    @Option(names = "--holdout", paramLabel = "F", description = "Hold out this share of each listener's artists (listeners with 5 or more),"
            + " report precision@10, MAP@10 and NDCG@10 beside most-popular, then train the saved model on all rows.")
    Double holdout;

    @Option(names = "--loss", description = "Compute the full loss of the saved model (count-scaled lambda), in Spark tasks.")
    boolean loss;

    @Option(names = "--history-sample", paramLabel = "N", defaultValue = "" + DEFAULT_HISTORY_SAMPLE,
            description = "Keep the histories of this many listeners (a seeded sample) in the model file (default: ${DEFAULT-VALUE}).")
    int historySample;

    @Option(names = "--parquet", paramLabel = "DIR", description = "Where the factor tables go (default: beside --out, MODEL without .tsm plus -factors).")
    String parquet;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Spark checkpoint folder (default: a temporary folder in local mode).")
    String checkpointDir;

    @Option(names = "--ui", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Spark's web UI (default on; --no-ui turns it off).")
    boolean ui;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the Tastemap model.")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The Parquet columns, when --format parquet. */
    ParquetInput.Columns parquetColumns;

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs the job and returns the exit code (0 saved, 1 failed, 2 bad arguments); stops only a Spark session it started. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        SparkTrainJob job = new SparkTrainJob();
        PrintWriter errW = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        String[] rest;
        try {
            ParquetInput.Columns[] cols = new ParquetInput.Columns[1];
            rest = ParquetInput.extract(java.util.Arrays.stream(args).filter(a -> !a.equals("--debug")).toArray(String[]::new), cols);
            job.parquetColumns = cols[0];
        } catch (IllegalArgumentException e) {
            errW.println("tastemap-spark: " + e.getMessage());
            return 2;
        }
        CommandLine cl = new CommandLine(job);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(errW);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("tastemap-spark: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (debug) {
                ex.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        return cl.execute(rest);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (constantLambda) {
            throw new IllegalArgumentException("--constant-lambda has no Spark equivalent: Spark multiplies lambda by each"
                    + " listener's and artist's number of rows (ALS-WR, our --scale-lambda). Train with tastemap train for a"
                    + " constant lambda (docs/spark.md, \"Lambda\").");
        }
        if (holdout != null && !(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("--holdout must be between 0 and 1, exclusive (got " + holdout + ")");
        }
        if (historySample < 0) {
            throw new IllegalArgumentException("--history-sample must be 0 or more (got " + historySample + ")");
        }
        AlsParams requested = paramArgs.params().withScaleLambdaByCount(true).withSolver(SolverKind.CHOLESKY);
        Path outAbs = out.toAbsolutePath();
        if (Files.isDirectory(outAbs) || outAbs.getParent() == null || !Files.isDirectory(outAbs.getParent())) {
            throw new IllegalArgumentException("--out " + out + " must be a file in an existing folder");
        }
        String tables = parquet != null ? parquet : defaultParquet(outAbs);
        SparkSessions.Opened opened = SparkSessions.open(master, ui, checkpointDir);
        SparkSession spark = opened.session();
        Path tmp = Files.createTempDirectory("tastemap-spark");
        try {
            w.println("Spark " + spark.version() + ", master " + spark.sparkContext().master()
                    + (spark.sparkContext().uiWebUrl().isDefined() ? ", UI " + spark.sparkContext().uiWebUrl().get() : ", no UI"));
            w.flush();
            ImportResult imported = importData(spark, tmp);
            Dataset data = imported.dataset();
            w.println(imported.report().summary());
            // from here on the rows are Spark's: the driver keeps the ids and names, and receives numbers
            int users = data.users().size();
            int items = data.artists().size();
            long rows = data.matrix().nnz();
            // a local checkpoint cuts the lineage to the driver's copy of the rows, so that it and the matrix can go
            org.apache.spark.sql.Dataset<Row> ratings = SparkRatings.of(spark, data.matrix()).localCheckpoint(true);
            data = data.withMatrix(InteractionMatrix.fromCsr(users, items, new int[users + 1], new int[0], new float[0]));
            imported = null;
            AlsParams params = requested;
            if (paramArgs.lambda == null) {
                // lambda = the desktop's default / mean artists per listener: an average listener is regularised as there
                double perListener = rows / (double) Math.max(1, users);
                double sigma = SparkStats.largestSingularValue(spark, ratings, items,
                        SparkConfidence.spec(ratings, requested, users, items));
                params = params.withLambda(DefaultLambda.of(users, sigma) / perListener);
                w.printf(Locale.ROOT, "default lambda for this data: %.4g (the desktop's default over %.1f artists per listener)%n",
                        params.lambda(), perListener);
            }
            w.printf(Locale.ROOT, "training on Spark: k=%d alpha=%s %s lambda=%.4g scaled by count (ALS-WR), %d iterations, seed %d%n",
                    params.factors(), params.alpha(), params.confidence().name().toLowerCase(Locale.ROOT), params.lambda(),
                    params.iterations(), params.seed());
            w.flush();
            Map<String, String> meta = new LinkedHashMap<>();
            if (holdout != null) {
                evaluate(w, spark, ratings, users, items, rows, params);
            }
            long t1 = System.nanoTime();
            FactorModel model = fit(w, spark, ratings, users, items, params, "");
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            w.printf(Locale.ROOT, "trained in %.1f s%n", trainSeconds);
            if (loss) {
                w.printf(Locale.ROOT, "loss %.6g (count-scaled lambda)%n", SparkStats.loss(spark, ratings, model,
                        SparkConfidence.spec(ratings, params, users, items), params.lambda()));
            }
            meta.putAll(provenance(spark, params, rows, trainSeconds));
            int[] held = HistorySample.pick(users, historySample, params.seed());
            meta.put(ModelMetadata.HISTORIES, ModelMetadata.HISTORIES_SAMPLE);
            meta.put(ModelMetadata.HISTORIES_SEED, Long.toString(params.seed()));
            meta.put(ModelMetadata.PLAYS_TOTAL, Double.toString(SparkConfidence.playsTotal(ratings)));
            // every listener's and artist's ids, names and factors; the rows of the sample only
            ListenerHistories sample = ListenerHistories.sample(users, held, SparkConfidence.listeners(ratings, items), rows);
            TrainedModel saved = new TrainedModel(data.withMatrix(SparkStats.histories(ratings, held, users, items)), model,
                    meta, sample);
            FactorParquet.write(spark, tables, data, model);
            try {
                ModelFile.save(out, saved);
            } catch (Exception e) {
                FactorParquet.discard(spark, tables);
                throw e;
            }
            FactorParquet.commit(spark, tables);
            w.printf(Locale.ROOT, "saved %s (histories of %,d of %,d listeners) and %s (users, artists)%n", out, held.length,
                    data.users().size(), tables);
            return 0;
        } finally {
            deleteTree(tmp);
            opened.close();
        }
    }

    /**
     * Reads the input as the desktop's importer does: text files directly, Parquet through a delimited copy in
     * {@code tmp} ({@link ParquetInput}).
     */
    ImportResult importData(SparkSession spark, Path tmp) throws java.io.IOException {
        if (parquetColumns == null) {
            return importArgs.importFile();
        }
        Path csv = ParquetInput.toDelimited(spark, importArgs.input.toString(), parquetColumns, tmp);
        return Importer.importFile(csv, ParquetInput.options(parquetColumns, importArgs.options()));
    }

    /** What the job imports for {@code args} (its import options; the others are parsed and ignored), for tests. */
    static ImportResult importOnly(SparkSession spark, Path tmp, String... args) throws java.io.IOException {
        SparkTrainJob job = new SparkTrainJob();
        ParquetInput.Columns[] cols = new ParquetInput.Columns[1];
        String[] rest = ParquetInput.extract(args, cols);
        job.parquetColumns = cols[0];
        new CommandLine(job).parseArgs(rest);
        return job.importData(spark, tmp);
    }

    /** Trains on {@code ratings} of {@code users} x {@code items} ({@link SparkAls}) with a progress line per iteration. */
    static FactorModel fit(PrintWriter w, SparkSession spark, org.apache.spark.sql.Dataset<Row> ratings, int users, int items,
                           AlsParams params, String prefix) {
        IterationProgress progress = new IterationProgress(w, prefix);
        spark.sparkContext().addSparkListener(progress);
        try {
            FactorModel model = SparkAls.train(spark, ratings, users, items, params);
            progress.finish(params.iterations());
            return model;
        } finally {
            spark.sparkContext().removeSparkListener(progress);
        }
    }

    /**
     * The desktop's held-out protocol ({@link Holdout}: the same per-listener split of the same seed, the same
     * sample of at most 5,000 test listeners), run in Spark tasks ({@link SparkSplit}, {@link SparkHoldout}):
     * Spark training on the training rows, scored beside the most-popular baseline.
     */
    private void evaluate(PrintWriter w, SparkSession spark, org.apache.spark.sql.Dataset<Row> ratings, int users, int items,
                          long rows, AlsParams params) {
        Holdout protocol = new Holdout(holdout, params.seed());
        org.apache.spark.sql.Dataset<Row> split = SparkSplit.split(ratings, protocol).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            int[] evaluated = SparkHoldout.testUsers(split, Holdout.EVAL_USERS, protocol.seed());
            org.apache.spark.sql.Dataset<Row> train = SparkSplit.train(split);
            SparkHoldout.Scores popular = SparkHoldout.Scores.popularity(SparkConfidence.listeners(train, items));
            w.println("most popular baseline: " + SparkHoldout.evaluate(spark, split, evaluated, items, popular, Holdout.K));
            w.flush();
            FactorModel m = fit(w, spark, train, users, items, params, "held-out ");
            Metrics metrics = SparkHoldout.evaluate(spark, split, evaluated, items, SparkHoldout.Scores.of(m, evaluated), Holdout.K);
            w.println("held-out: " + metrics);
            w.printf("final model: all %,d rows, the same settings and %d iterations%n", rows, params.iterations());
            w.flush();
        } finally {
            split.unpersist();
        }
    }

    private Map<String, String> provenance(SparkSession spark, AlsParams params, long rows, double seconds) {
        Path name = importArgs.input.getFileName();
        Map<String, String> m = ModelMetadata.provenance("tastemap-spark", Cli.version(),
                name == null ? importArgs.input.toString() : name.toString());
        if (holdout != null) {
            m.put(ModelMetadata.HOLDOUT, holdout.toString());
            m.put(ModelMetadata.HOLDOUT_SEED, Long.toString(params.seed()));
        }
        m.put(ModelMetadata.TRAINED_ON, "all");
        m.put(ModelMetadata.TRAINED_ROWS, Long.toString(rows));
        m.put(ModelMetadata.TRAINED_BY, ModelMetadata.BY_SPARK);
        m.put(ModelMetadata.SPARK_VERSION, spark.version());
        m.put(ModelMetadata.SPARK_MASTER, spark.sparkContext().master());
        m.put(ModelMetadata.LAMBDA_SCALING, ModelMetadata.SCALING_COUNT);
        m.put("spark.train.seconds", String.format(Locale.ROOT, "%.1f", seconds));
        return m;
    }

    static String defaultParquet(Path outAbs) {
        String n = outAbs.getFileName().toString();
        String stem = n.toLowerCase(Locale.ROOT).endsWith(ModelFile.EXTENSION) ? n.substring(0, n.length() - ModelFile.EXTENSION.length()) : n;
        return outAbs.resolveSibling(stem + "-factors").toString();
    }

    private static void deleteTree(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
