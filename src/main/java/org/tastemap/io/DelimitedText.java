package org.tastemap.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The commons-csv settings shared by the delimited reader and the format detector, and sample parsing. */
final class DelimitedText {
    private DelimitedText() {
    }

    /**
     * RFC 4180 style: double quotes around fields, doubled quotes inside; blank lines are kept as
     * records (so line numbers can be counted) and skipped by the caller; lenient about a quote that
     * never closes at the end of the file and text after a closing quote.
     *
     * @param quoted false reads quotes as ordinary characters (for tab files such as Last.fm's)
     */
    static CSVFormat format(char delimiter, boolean quoted) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote(quoted ? Character.valueOf('"') : null)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
    }

    static CSVParser parser(Reader reader, char delimiter, boolean quoted) throws IOException {
        return CSVParser.builder().setReader(reader).setFormat(format(delimiter, quoted)).get();
    }

    /** Whether a record is a blank line. */
    static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /**
     * The text of a sample: decoded as UTF-8 (lines that are not UTF-8 as Windows-1252), cut after its last line break when {@code truncated}
     * (so no half line or half character is parsed).
     */
    static String sampleText(byte[] sample, boolean truncated) {
        int n = sample.length;
        if (truncated) {
            int cut = n;
            while (cut > 0 && sample[cut - 1] != '\n') {
                cut--;
            }
            if (cut > 0) {
                n = cut;
            }
        }
        if (KeyDecoder.classify(sample, 0, n) != KeyDecoder.INVALID) {
            return new String(sample, 0, n, StandardCharsets.UTF_8);
        }
        // as the import's automatic encoding does for names: a line that is not UTF-8 is read as
        // Windows-1252 (a superset of Latin-1's letters), so a preview shows "Björk", not "Bj\uFFFDrk"
        StringBuilder sb = new StringBuilder(n);
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n && sample[end] != '\n') {
                end++;
            }
            end = Math.min(n, end + 1);
            boolean utf8 = KeyDecoder.classify(sample, start, end) != KeyDecoder.INVALID;
            sb.append(new String(sample, start, end - start, utf8 ? StandardCharsets.UTF_8 : TextEncoding.WINDOWS_1252.charset()));
            start = end;
        }
        return sb.toString();
    }

    /** The non-blank records of {@code text}, at most {@code max}; null when commons-csv cannot parse it. */
    static List<List<String>> records(String text, char delimiter, boolean quoted, int max) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = parser(new StringReader(text), delimiter, quoted)) {
            for (CSVRecord record : parser) {
                if (!isBlank(record)) {
                    rows.add(record.toList());
                    if (rows.size() >= max) {
                        break;
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
        return rows;
    }

    /** The most common number of columns among {@code rows} (the smaller on a tie), or -1 when there are none. */
    static int modalColumnCount(List<List<String>> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = -1;
        int bestCount = 0;
        for (List<String> row : rows) {
            int c = counts.merge(row.size(), 1, Integer::sum);
            if (c > bestCount || c == bestCount && row.size() < best) {
                best = row.size();
                bestCount = c;
            }
        }
        return best;
    }

    /** How many of {@code rows} have {@code columns} columns. */
    static int countWithColumns(List<List<String>> rows, int columns) {
        int n = 0;
        for (List<String> row : rows) {
            if (row.size() == columns) {
                n++;
            }
        }
        return n;
    }
}
