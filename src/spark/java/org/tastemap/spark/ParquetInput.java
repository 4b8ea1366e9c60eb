package org.tastemap.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.tastemap.io.ColumnMapping;
import org.tastemap.io.ImportFormat;
import org.tastemap.io.ImportOptions;

/**
 * Parquet input, read through the desktop's own importer so that ids, summed plays and skipped rows
 * are the same as for the same rows in a delimited file. {@code --format parquet} takes the column
 * options by name ({@code --user-col user --item-col artist [--name-col ...] [--count-col plays]
 * [--mbid-col ...]}); Spark reads those columns (any Parquet Spark reads: one file or a folder of
 * parts), and their rows, as text in Parquet's order, become a comma-separated file in a temporary
 * folder that the importer reads as usual: its row n is line n of the report. A null is an empty field.
 */
final class ParquetInput {
    /** The column options that name Parquet columns, in the order they are written. */
    static final List<String> COLUMN_OPTIONS = List.of("--user-col", "--item-col", "--name-col", "--count-col", "--mbid-col");

    private ParquetInput() {
    }

    /** The named columns of a {@code --format parquet} run; null for the options not given. */
    record Columns(String[] names) {
        String user() {
            return names[0];
        }

        String item() {
            return names[1];
        }
    }

    /**
     * When {@code args} say {@code --format parquet}: takes that and the column options out of them
     * (into {@code columns}) and returns the rest; otherwise returns {@code args} and leaves columns null.
     */
    static String[] extract(String[] args, Columns[] columns) {
        List<String> rest = new ArrayList<>();
        String[] names = new String[COLUMN_OPTIONS.size()];
        boolean parquet = false;
        for (int j = 0; j < args.length; j++) {
            String a = args[j];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            boolean inline = a.contains("=");
            String value = inline ? a.substring(a.indexOf('=') + 1) : j + 1 < args.length ? args[j + 1] : null;
            if (name.equals("--format") && "parquet".equalsIgnoreCase(value)) {
                parquet = true;
                j += inline ? 0 : 1;
            } else if (COLUMN_OPTIONS.contains(name) && value != null) {
                names[COLUMN_OPTIONS.indexOf(name)] = value;
                j += inline ? 0 : 1;
            } else {
                rest.add(a);
            }
        }
        if (!parquet) {
            return args;
        }
        if (names[0] == null || names[1] == null) {
            throw new IllegalArgumentException("a Parquet input needs --user-col and --item-col: the names of its user and artist columns");
        }
        columns[0] = new Columns(names);
        return rest.toArray(String[]::new);
    }

    /**
     * Writes the named columns of the Parquet {@code input} as a comma-separated file in {@code folder}
     * and returns it; fails with a sentence naming the missing column and the columns there are.
     */
    static Path toDelimited(SparkSession spark, String input, Columns columns, Path folder) throws IOException {
        org.apache.spark.sql.Dataset<Row> df = spark.read().parquet(input);
        List<String> have = Arrays.asList(df.columns());
        List<Column> picked = new ArrayList<>();
        for (int c = 0; c < columns.names().length; c++) {
            String n = columns.names()[c];
            if (n == null) {
                continue;
            }
            if (!have.contains(n)) {
                throw new IllegalArgumentException(input + " has no column '" + n + "' (for " + COLUMN_OPTIONS.get(c)
                        + "); its columns are " + String.join(", ", have));
            }
            picked.add(functions.col("`" + n + "`").cast("string"));
        }
        String base = Path.of(input).getFileName() == null ? "input" : Path.of(input).getFileName().toString();
        Path csv = folder.resolve(base + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            Iterator<Row> it = df.select(picked.toArray(Column[]::new)).toLocalIterator();
            Object[] fields = new Object[picked.size()];
            while (it.hasNext()) {
                Row r = it.next();
                for (int j = 0; j < fields.length; j++) {
                    fields[j] = r.isNullAt(j) ? "" : r.getString(j);
                }
                p.printRecord(fields);
            }
        }
        return csv;
    }

    /** The desktop's options for the file {@link #toDelimited} wrote: columns in order, filters etc. from {@code given}. */
    static ImportOptions options(Columns columns, ImportOptions given) {
        int[] at = new int[columns.names().length];
        int next = 0;
        for (int c = 0; c < at.length; c++) {
            at[c] = columns.names()[c] == null ? ColumnMapping.NONE : next++;
        }
        ColumnMapping m = new ColumnMapping(at[0], at[1], at[2], at[3], at[4]);
        return new ImportOptions(ImportFormat.DELIMITED, m, ',', false, given.minPlays(), given.minArtistsPerUser(),
                given.minListenersPerArtist(), given.maxBadShare(), given.badShareCheckRows(), given.fileOrder(),
                given.encoding(), given.values());
    }
}
