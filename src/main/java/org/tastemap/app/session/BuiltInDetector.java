package org.tastemap.app.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Format detection used until the io package's FormatDetector is wired in. */
final class BuiltInDetector {
    private static final char[] DELIMITERS = {'\t', ',', ';', '|'};

    private BuiltInDetector() {
    }

    static FilePreview detect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("There is no file at " + file + ".", "Choose an existing file.");
        }
        boolean gzip = TextFiles.isGzip(file);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = TextFiles.open(file, null)) {
            String line;
            while (lines.size() < 101 && (line = r.readLine()) != null) {
                if (line.indexOf('\0') >= 0) {
                    throw new UserFacingException("This does not look like a text file.",
                            "Choose a delimited text file (TSV or CSV), plain or gzip-compressed.");
                }
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UserFacingException("The file looks compressed but cannot be read: " + e.getMessage() + ".",
                    "Check that the download finished, or unpack the file and choose the plain text.", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserFacingException("The file is not UTF-8 text.", "Save the file as UTF-8 and try again.", e);
        }
        if (lines.isEmpty()) {
            throw new UserFacingException("The file is empty.", "Choose a file with one row per user and artist.");
        }
        char delimiter = bestDelimiter(lines);
        List<List<String>> rows = new ArrayList<>();
        for (String l : lines) {
            rows.add(TextFiles.split(l, delimiter));
        }
        int columns = rows.get(0).size();
        if (columns < 2) {
            throw new UserFacingException("Could not find columns in this file: every line is a single field.",
                    "Use a file with tab, comma, semicolon or pipe separated columns: user, artist and optionally plays.");
        }
        boolean header = looksLikeHeader(rows);
        List<String> names = new ArrayList<>();
        if (header) {
            names.addAll(rows.remove(0));
        } else {
            for (int c = 0; c < columns; c++) {
                names.add("Column " + (c + 1));
            }
        }
        if (rows.size() > 100) {
            rows = new ArrayList<>(rows.subList(0, 100));
        }
        boolean lastFm = !header && delimiter == '\t' && columns == 4 && rows.stream().allMatch(
                r -> r.size() == 4 && r.get(0).length() == 40 && TextFiles.isNumber(r.get(3)));
        Columns suggested = lastFm ? Columns.lastFm() : suggest(names, rows, header);
        String format = lastFm ? "Last.fm 360K (TSV)" : "Delimited text";
        return new FilePreview(format, lastFm, delimiter, header, gzip, List.copyOf(names), rows, suggested);
    }

    private static char bestDelimiter(List<String> lines) {
        char best = '\t';
        double bestScore = -1;
        for (char d : DELIMITERS) {
            int first = TextFiles.split(lines.get(0), d).size();
            if (first < 2) {
                continue;
            }
            int same = 0;
            for (String l : lines) {
                if (TextFiles.split(l, d).size() == first) {
                    same++;
                }
            }
            double score = same + first * 0.01;
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static boolean looksLikeHeader(List<List<String>> rows) {
        if (rows.size() < 2) {
            return false;
        }
        List<String> first = rows.get(0);
        List<String> second = rows.get(1);
        for (int c = 0; c < Math.min(first.size(), second.size()); c++) {
            if (TextFiles.isNumber(second.get(c)) && !TextFiles.isNumber(first.get(c))) {
                return true;
            }
        }
        for (String f : first) {
            String s = f.toLowerCase(Locale.ROOT);
            if (s.contains("user") || s.contains("artist")) {
                return true;
            }
        }
        return false;
    }

    private static Columns suggest(List<String> names, List<List<String>> rows, boolean header) {
        int user = -1;
        int artist = -1;
        int name = Columns.NONE;
        int plays = Columns.NONE;
        if (header) {
            for (int c = 0; c < names.size(); c++) {
                String n = names.get(c).toLowerCase(Locale.ROOT);
                if (user < 0 && n.contains("user")) {
                    user = c;
                } else if (plays < 0 && (n.contains("play") || n.contains("count") || n.contains("listen"))) {
                    plays = c;
                } else if (n.contains("artist") && (n.contains("name") || n.equals("artist")) && name < 0) {
                    name = c;
                } else if (artist < 0 && (n.contains("artist") || n.contains("mbid") || n.contains("item"))) {
                    artist = c;
                }
            }
        }
        if (artist < 0 && name >= 0) {
            artist = name;
        }
        if (user < 0) {
            user = 0;
        }
        if (artist < 0) {
            artist = user == 0 ? 1 : 0;
        }
        if (plays < 0) {
            for (int c = names.size() - 1; c >= 0; c--) {
                final int col = c;
                if (c != user && c != artist && !rows.isEmpty()
                        && rows.stream().allMatch(r -> r.size() > col && TextFiles.isNumber(r.get(col)))) {
                    plays = c;
                    break;
                }
            }
        }
        return new Columns(user, artist, name, plays);
    }
}
