package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.io.RecommendationCsv.ScoredArtist;

/**
 * The dialects of the exports (issue 16, "Formula injection"): the CSV for spreadsheets protects
 * cells a spreadsheet would run as a formula (OWASP, CSV injection); the TSV for programs keeps
 * every name exact and reads back through Python's default csv reader.
 */
class ExportDialectTest {
    @TempDir
    Path dir;

    /** Names a spreadsheet would run as formulas, per OWASP's list: =, +, -, @, tab, carriage return. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://x.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1");

    @Test
    void spreadsheetCsvPrefixesFormulaCellsWithAnApostrophe() throws IOException {
        Map<String, List<ScoredArtist>> recs = new LinkedHashMap<>();
        recs.put("=cmd|' /C calc'!A0", FORMULAS.stream().map(n -> new ScoredArtist(n, -0.25f)).toList());
        recs.put("u2", List.of(new ScoredArtist("- Exhale", 1.5f), new ScoredArtist("Plain = fine", 0.5f),
                new ScoredArtist("-1", 0.25f)));
        StringBuilder out = new StringBuilder();
        RecommendationCsv.write(out, recs);
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out.toString()))) {
            List<CSVRecord> rows = p.getRecords();
            for (int r = 0; r < FORMULAS.size(); r++) {
                assertEquals("'=cmd|' /C calc'!A0", rows.get(r).get("user"));
                assertEquals("'" + FORMULAS.get(r), rows.get(r).get("artist"), "row " + r);
                // a number is a number to a spreadsheet, not a formula: the score stays as it is
                assertEquals("-0.25", rows.get(r).get("score"));
            }
            assertEquals("'- Exhale", rows.get(6).get("artist"));
            assertEquals("Plain = fine", rows.get(7).get("artist"), "only a leading character matters");
            assertEquals("-1", rows.get(8).get("artist"), "a plain number is not a formula");
        }
    }

    @Test
    void spreadsheetProtectionByHand() {
        assertEquals("'=1", SpreadsheetCells.protect("=1"));
        assertEquals("'-x", SpreadsheetCells.protect("-x"));
        assertEquals("-1.5e3", SpreadsheetCells.protect("-1.5e3"));
        assertEquals("+7", SpreadsheetCells.protect("+7"));
        assertEquals("'+7+7", SpreadsheetCells.protect("+7+7"));
        assertEquals("", SpreadsheetCells.protect(""));
        assertEquals("a=1", SpreadsheetCells.protect("a=1"));
    }

    /**
     * commons-csv set up as Python's {@code csv.reader(f, delimiter='\t')} reads: the excel dialect
     * (quote character ", a doubled quote inside quotes is one quote, no escape character, no
     * trimming of spaces), with tab as the delimiter.
     */
    static final CSVFormat PYTHON_TAB = CSVFormat.DEFAULT.builder().setDelimiter('\t').setQuote('"').setEscape(null)
            .setIgnoreSurroundingSpaces(false).setHeader().setSkipHeaderRecord(true).get();

    @Test
    void tsvRoundTripsNamesWithQuotesThroughPythonsDefaultReader() throws IOException {
        List<String> names = List.of("\"Weird Al\" Yankovic", "Guns \"N\" Roses", "\"", "plain", " spaced ",
                FORMULAS.get(0), "=SUM(A1)", "-2+3", "Sigur Rós", "Band 🎸");
        float[] f = new float[names.size() * 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = (i - 7) / 3f;
        }
        Path file = dir.resolve("item_factors.tsv");
        FactorExport.writeTsv(file, names.size(), names::get, f, 2);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = PYTHON_TAB.parse(in)) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(List.of("id", "f1", "f2"), p.getHeaderNames());
            assertEquals(names.size(), rows.size());
            for (int r = 0; r < names.size(); r++) {
                // exact for programs: formulas are not touched in the TSV
                assertEquals(names.get(r), rows.get(r).get(0), "row " + r);
                assertEquals(f[2 * r], Float.parseFloat(rows.get(r).get(1)));
                assertEquals(f[2 * r + 1], Float.parseFloat(rows.get(r).get(2)));
            }
        }
        // only a name starting with a quote is quoted: by hand, the first data lines
        assertEquals("\"\"\"Weird Al\"\" Yankovic\"\t" + f[0] + "\t" + f[1], Files.readAllLines(file).get(1));
        assertEquals("Guns \"N\" Roses\t" + f[2] + "\t" + f[3], Files.readAllLines(file).get(2));
        assertEquals("plain\t" + f[6] + "\t" + f[7], Files.readAllLines(file).get(4));
    }
}
