package org.tastemap.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tastemap.core.data.Dataset;

/**
 * Reads a label file, one artist and its label per line ({@code artist<TAB>label}, or
 * {@code artist,label} as CSV with RFC 4180 quoting when the name ends in .csv or the first line has
 * a comma and no tab), such as the planted genres {@code generate --genres} writes. UTF-8, optional
 * BOM, optional header ({@code artist} in the first cell), gzip when the name ends in .gz. Artists
 * are matched by exact name, else ignoring case and accents.
 *
 * <p>Bad lines (fewer than two cells, an empty artist or label, a control character) are skipped
 * and counted with their line numbers; artists the data does not have are counted; an artist listed
 * again keeps its first label and the repeat is counted. A file with no usable line is refused with
 * a message naming the file and its first problems.
 */
public final class ArtistLabelFile {
    /** How many example lines a problem keeps. */
    public static final int EXAMPLES = 5;

    /**
     * The labels read: {@code labelOf[artist]} indexes {@code labels} (-1: none), labels in order of
     * first appearance.
     */
    public record Result(Path file, String[] labels, int[] labelOf, int kept, int skipped, List<String> skippedExamples,
                         int unknown, List<String> unknownExamples, int repeated) {
        /** One sentence on what was read, for the screen. */
        public String summary() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: %,d artists labelled, %,d labels",
                    file.getFileName(), kept, labels.length));
            if (skipped > 0) {
                s.append(String.format(Locale.ROOT, "; %,d bad lines skipped (%s)", skipped, String.join("; ", skippedExamples)));
            }
            if (unknown > 0) {
                s.append(String.format(Locale.ROOT, "; %,d artists not in the data (e.g. %s)", unknown, String.join(", ", unknownExamples)));
            }
            if (repeated > 0) {
                s.append(String.format(Locale.ROOT, "; %,d repeated artists kept their first label", repeated));
            }
            return s.append('.').toString();
        }
    }

    private ArtistLabelFile() {
    }

    public static Result read(Path file, Dataset data) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            r.mark(1 << 15);
            String first = r.readLine();
            r.reset();
            boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz")
                    || first != null && first.indexOf('\t') < 0 && first.indexOf(',') >= 0;
            if (csv) {
                CSVParser p = CSVFormat.RFC4180.builder().get().parse(r);
                long line = 1;
                for (CSVRecord rec : p) {
                    rows.add(rec.values());
                    lines.add(line);
                    line = p.getCurrentLineNumber() + 1;
                }
            } else {
                long line = 0;
                for (String s = r.readLine(); s != null; s = r.readLine()) {
                    line++;
                    rows.add(s.split("\t", -1));
                    lines.add(line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: save the label file as UTF-8 and load it again.", e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new IOException(file + " could not be read as CSV: " + e.getMessage(), e);
        }
        return resolve(file, rows, lines, data);
    }

    private static Result resolve(Path file, List<String[]> rows, List<Long> lines, Dataset data) throws IOException {
        int[] labelOf = new int[data.artists().size()];
        Arrays.fill(labelOf, -1);
        Map<String, Integer> labels = new LinkedHashMap<>();
        Map<String, Integer> loose = null;
        List<String> skippedEx = new ArrayList<>();
        List<String> unknownEx = new ArrayList<>();
        int kept = 0, skipped = 0, unknown = 0, repeated = 0;
        for (int q = 0; q < rows.size(); q++) {
            String[] cells = rows.get(q);
            long line = lines.get(q);
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;   // an empty line, at the end of most files
            }
            if (q == 0 && cells.length >= 2 && clean(cells[0]).equalsIgnoreCase("artist")) {
                continue;   // the header
            }
            String problem = cells.length < 2 ? "no label (expected artist, then label)"
                    : clean(cells[0]).isEmpty() ? "empty artist"
                    : clean(cells[1]).isEmpty() ? "empty label"
                    : hasControl(cells[0]) || hasControl(cells[1]) ? "a control character" : null;
            if (problem != null) {
                skipped++;
                if (skippedEx.size() < EXAMPLES) {
                    skippedEx.add("line " + line + ": " + problem);
                }
                continue;
            }
            String artist = clean(cells[0]);
            int i = data.artists().indexOf(artist);
            if (i < 0) {
                if (loose == null) {
                    loose = new HashMap<>();
                    for (int a = data.artists().size() - 1; a >= 0; a--) {
                        loose.put(normalize(data.artistName(a)), a);
                    }
                }
                i = loose.getOrDefault(normalize(artist), -1);
            }
            if (i < 0) {
                unknown++;
                if (unknownEx.size() < EXAMPLES) {
                    unknownEx.add("\"" + artist + "\" (line " + line + ")");
                }
                continue;
            }
            if (labelOf[i] >= 0) {
                repeated++;
                continue;
            }
            String label = clean(cells[1]);
            labelOf[i] = labels.computeIfAbsent(label, k -> labels.size());
            kept++;
        }
        if (kept == 0) {
            String why = skipped > 0 ? "every line is bad (" + String.join("; ", skippedEx) + ")" : unknown > 0
                    ? "none of its " + unknown + " artists is in the open data (e.g. " + String.join(", ", unknownEx) + ")"
                    : "it has no lines";
            throw new IOException(file + " labels no artist: " + why + ". Expected one artist and its label per line, "
                    + "tab- or comma-separated.");
        }
        return new Result(file, labels.keySet().toArray(String[]::new), labelOf, kept, skipped, List.copyOf(skippedEx),
                unknown, List.copyOf(unknownEx), repeated);
    }

    private static String clean(String s) {
        return s.strip().replace("\uFEFF", "");
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    /** Case and accents ignored: NFD, marks removed, lower case. */
    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
