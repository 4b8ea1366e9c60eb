package org.tastemap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.io.ColumnMapping;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.SkipReason;

/**
 * Every input the job reads gives the data the desktop's importer gives for the same rows: the same
 * listener ids, artist keys, names and MBIDs, the same summed plays per pair, the same skipped rows
 * by reason and line. The rows (written by hand below) hold duplicates to add up and one bad row of
 * each kind a file of that format can hold.
 */
class InputFormatsTest {
    /** user, MBID, artist, plays: good rows, a duplicate pair, then bad rows (lines 9-13). */
    static final String[][] ROWS = {
            {"u1", "m-a", "Alpha", "10"}, {"u1", "", "Beta", "3"}, {"u2", "m-a", "Alpha", "7"},
            {"u2", "", "Gamma", "1"}, {"u3", "", "Beta", "4"}, {"u3", "", "Gamma", "2"},
            {"u1", "m-a", "Alpha", "5"}, {"u4", "", "Alpha", "1.5"},
            {"u4", "", "Beta", "abc"}, {"u5", "", "Gamma", "-2"}, {"u5", "", "Beta", "0"},
            {null, "", "Alpha", "3"}, {"u6", "", "Be\u0007ta", "3"},
    };
    /** Only a text file can hold a row of another number of columns: line 14 of the text files. */
    static final String TEXT_ONLY = "u7\tAlpha\t9";

    @TempDir
    static Path dir;
    static Path lastfm;
    static Path csv;
    static Path parquet;

    @BeforeAll
    static void files() throws Exception {
        StringBuilder tsv = new StringBuilder();
        StringBuilder comma = new StringBuilder("plays,artist,user,mbid\n");
        List<Row> rows = new ArrayList<>();
        for (String[] r : ROWS) {
            String user = r[0] == null ? "" : r[0];
            tsv.append(user).append('\t').append(r[1]).append('\t').append(r[2]).append('\t').append(r[3]).append('\n');
            comma.append(r[3]).append(',').append(r[2]).append(',').append(user).append(',').append(r[1]).append('\n');
            rows.add(RowFactory.create(r[0], r[1], r[2], r[3]));
        }
        tsv.append(TEXT_ONLY).append('\n');
        comma.append("9,Alpha\n");
        lastfm = Files.writeString(dir.resolve("plays.tsv"), tsv);
        csv = Files.writeString(dir.resolve("plays.csv"), comma);
        StructType schema = new StructType().add("user", DataTypes.StringType).add("mbid", DataTypes.StringType)
                .add("artist", DataTypes.StringType).add("plays", DataTypes.StringType);
        parquet = dir.resolve("plays.parquet");
        LocalSpark.session().createDataFrame(rows, schema).coalesce(1).write().parquet(parquet.toString());
    }

    static ImportResult job(String... args) throws Exception {
        Path tmp = Files.createTempDirectory(dir, "job");
        return SparkTrainJob.importOnly(LocalSpark.session(), tmp, args);
    }

    @Test
    void lastFmLayout() throws Exception {
        ImportResult desktop = Importer.importFile(lastfm, ImportOptions.lastFm());
        assertSame(desktop, job("--format", "lastfm", "--input", lastfm.toString(), "--out", "x.tsm"), Map.of());
        assertEquals(1, desktop.report().skippedCount(SkipReason.NON_NUMERIC_COUNT));
        assertEquals(2, desktop.report().skippedCount(SkipReason.NON_POSITIVE_COUNT));
        assertEquals(1, desktop.report().skippedCount(SkipReason.WRONG_COLUMN_COUNT));
        assertEquals(1, desktop.report().skippedCount(SkipReason.CONTROL_CHARACTER));
        assertEquals(1, desktop.report().skippedCount(SkipReason.MISSING_FIELD));
        // by hand: u1 to u4 have good rows, u5 and u6 only bad ones
        long withRows = java.util.stream.IntStream.range(0, desktop.dataset().users().size())
                .filter(u -> desktop.dataset().matrix().userCount(u) > 0).count();
        assertEquals(4, withRows, java.util.Arrays.toString(desktop.dataset().users().toArray()));
    }

    @Test
    void lastFmLayoutWithFilters() throws Exception {
        ImportResult desktop = Importer.importFile(lastfm, ImportOptions.lastFm().withFilters(2, 2, 1));
        assertSame(desktop, job("--format", "lastfm", "--min-plays", "2", "--min-user-artists", "2", "--min-artist-users", "1",
                "--input", lastfm.toString(), "--out", "x.tsm"), Map.of());
        // by hand: rows of 2 plays or more leave u1 {Alpha, Beta}, u2 {Alpha}, u3 {Beta, Gamma}; u2 has too few artists
        assertEquals(2, desktop.report().skippedCount(SkipReason.BELOW_MIN_PLAYS));
        assertEquals(2, desktop.dataset().users().size());
    }

    @Test
    void delimitedWithColumnMapping() throws Exception {
        ImportResult desktop = Importer.importFile(csv, ImportOptions.delimited(new ColumnMapping(2, 1, ColumnMapping.NONE, 0, 3), ',', true));
        assertSame(desktop, job("--format", "delimited", "--header", "--delimiter", "comma", "--user-col", "2", "--item-col", "1",
                "--count-col", "0", "--mbid-col", "3", "--input", csv.toString(), "--out", "x.tsm"), Map.of());
        // the same rows as the Last.fm file: the same data, whatever the layout (lines one lower: the header)
        assertSame(Importer.importFile(lastfm, ImportOptions.lastFm()), desktop, Map.of(), false);
    }

    @Test
    void parquetByColumnName() throws Exception {
        // the desktop reads no Parquet: the same rows in the Last.fm file are the reference, less its text-only row
        ImportResult desktop = Importer.importFile(lastfm, ImportOptions.lastFm());
        assertSame(desktop, job("--format", "parquet", "--user-col", "user", "--item-col", "artist", "--count-col", "plays",
                "--mbid-col", "mbid", "--input", parquet.toString(), "--out", "x.tsm"), Map.of(SkipReason.WRONG_COLUMN_COUNT, 1L));
        ImportResult filtered = Importer.importFile(lastfm, ImportOptions.lastFm().withFilters(2, 2, 1));
        assertSame(filtered, job("--format=parquet", "--user-col=user", "--item-col=artist", "--count-col=plays", "--mbid-col=mbid",
                "--min-plays", "2", "--min-user-artists", "2", "--input", parquet.toString(), "--out", "x.tsm"),
                Map.of(SkipReason.WRONG_COLUMN_COUNT, 1L));
    }

    @Test
    void parquetWithoutSuchAColumnSaysWhichThereAre() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> job("--format", "parquet", "--user-col", "listener", "--item-col", "artist", "--input", parquet.toString(),
                        "--out", "x.tsm"));
        assertTrue(e.getMessage().contains("no column 'listener'") && e.getMessage().contains("user, mbid, artist, plays"), e.getMessage());
    }

    /** Same ids, names, MBIDs, plays and skipped rows (with their example lines); {@code onlyDesktop}: skips the job cannot see. */
    static void assertSame(ImportResult desktop, ImportResult job, Map<SkipReason, Long> onlyDesktop) {
        assertSame(desktop, job, onlyDesktop, true);
    }

    static void assertSame(ImportResult desktop, ImportResult job, Map<SkipReason, Long> onlyDesktop, boolean sameLines) {
        assertEquals(cells(desktop.dataset()), cells(job.dataset()));
        assertEquals(artists(desktop.dataset()), artists(job.dataset()));
        assertEquals(new TreeMap<>(java.util.Arrays.stream(desktop.dataset().users().toArray()).collect(
                java.util.stream.Collectors.toMap(u -> u, u -> 1))), new TreeMap<>(java.util.Arrays.stream(job.dataset().users().toArray())
                .collect(java.util.stream.Collectors.toMap(u -> u, u -> 1))));
        for (SkipReason reason : SkipReason.values()) {
            long expected = desktop.report().skippedCount(reason) - onlyDesktop.getOrDefault(reason, 0L);
            assertEquals(expected, job.report().skippedCount(reason), reason.toString());
            if (sameLines && !onlyDesktop.containsKey(reason)) {
                assertEquals(desktop.report().exampleLines(reason), job.report().exampleLines(reason), reason.toString());
            }
        }
    }

    static Map<String, Float> cells(Dataset d) {
        Map<String, Float> out = new HashMap<>();
        for (int u = 0; u < d.users().size(); u++) {
            for (int p = d.matrix().userPtr()[u]; p < d.matrix().userPtr()[u + 1]; p++) {
                out.put(d.users().id(u) + "\t" + d.artists().id(d.matrix().userItems()[p]), d.matrix().userValues()[p]);
            }
        }
        return out;
    }

    static Map<String, String> artists(Dataset d) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < d.artists().size(); i++) {
            out.put(d.artists().id(i), d.artistName(i) + "\t" + d.artistMbids()[i]);
        }
        return out;
    }
}
