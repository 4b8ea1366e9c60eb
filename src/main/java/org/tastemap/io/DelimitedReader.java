package org.tastemap.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads any delimited text file through a {@link ColumnMapping} with commons-csv. A row must have as
 * many columns as the header, or, without a header, as most rows in the first 64 KB.
 */
final class DelimitedReader {
    private DelimitedReader() {
    }

    static RawData read(SourceFile src, char delimiter, boolean hasHeader, ColumnMapping mapping, double minPlays,
                        TextEncoding encoding, RowSkips skips, ProgressTicker ticker) throws IOException {
        int expectedColumns = -1;
        if (!hasHeader) {
            byte[] sample = src.sample();
            List<List<String>> rows = DelimitedText.records(
                    DelimitedText.sampleText(sample, sample.length == SourceFile.SAMPLE_BYTES), delimiter, true, 1000);
            if (rows != null && !rows.isEmpty()) {
                expectedColumns = DelimitedText.modalColumnCount(rows);
                checkMapping(src.name(), mapping, expectedColumns, delimiter, "most rows have");
            }
        }
        Map<String, Integer> userIndex = new HashMap<>();
        List<String> userIds = new ArrayList<>();
        Map<String, Integer> artistIndex = new HashMap<>();
        List<String> artistKeys = new ArrayList<>();
        List<String> artistNames = new ArrayList<>();
        // where each user and artist was first seen, for the examples of rows KeyDecoder refuses or notes
        List<Long> userLines = new ArrayList<>();
        List<Long> artistLines = new ArrayList<>();
        RowNotes notes = new RowNotes();
        BitSet named = new BitSet();
        // the first non-empty MBID of each artist (Latin-1 bytes, like the keys), and which artists saw another
        List<String> artistMbids = new ArrayList<>();
        BitSet conflicted = new BitSet();
        Triplets triplets = new Triplets(Triplets.capacityFor(src.size(), src.isGzip()));
        int uc = mapping.userColumn();
        int ac = mapping.artistColumn();
        int nc = mapping.nameColumn();
        int cc = mapping.countColumn();
        int mc = mapping.mbidColumn();
        boolean headerPending = hasHeader;
        int lastUser = -1;
        long rows = 0;
        // read as Latin-1, one char per byte: the delimiters are ASCII, so fields split as in UTF-8, and each
        // field is its bytes unchanged, decoded later by KeyDecoder once the encoding is known
        RecordSizeGuard guard = new RecordSizeGuard(new InputStreamReader(src.content(), StandardCharsets.ISO_8859_1),
                RecordSizeGuard.MAX_RECORD_CHARS);
        try (CSVParser parser = DelimitedText.parser(guard, delimiter, true)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                guard.recordDone();
                // the parser has consumed the line breaks of all earlier records, so this record starts on the next line
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ImportException(src.name(), "cannot read line " + line + " as " + describe(delimiter)
                            + "-separated text (" + rootMessage(e) + ")", e);
                }
                if (DelimitedText.isBlank(record)) {
                    continue;
                }
                if (headerPending) {
                    headerPending = false;
                    expectedColumns = record.size();
                    checkMapping(src.name(), mapping, expectedColumns, delimiter, "the header has");
                    continue;
                }
                rows++;
                if ((rows & 1023) == 0) {
                    ticker.tick(rows);
                }
                SkipReason reason = null;
                float plays = 1f;
                String user = null;
                String artist = null;
                if (expectedColumns > 0 ? record.size() != expectedColumns : record.size() <= mapping.maxColumn()) {
                    reason = SkipReason.WRONG_COLUMN_COUNT;
                } else {
                    user = record.get(uc).strip();
                    artist = record.get(ac).strip();
                    String count = cc >= 0 ? record.get(cc) : "1";
                    if (user.isEmpty() || artist.isEmpty() || count.isBlank()) {
                        reason = SkipReason.MISSING_FIELD;
                    } else {
                        double v = PlayCounts.parse(count);
                        if (Double.isNaN(v)) {
                            reason = SkipReason.NON_NUMERIC_COUNT;
                        } else if (v <= 0) {
                            reason = SkipReason.NON_POSITIVE_COUNT;
                        } else if (v < minPlays) {
                            reason = SkipReason.BELOW_MIN_PLAYS;
                        } else if ((long) v != v) {
                            notes.note(ImportNote.NON_INTEGER_VALUE, line);
                        }
                        plays = (float) v;
                    }
                }
                if (reason != null) {
                    skips.skip(reason, line);
                } else {
                    // files are often grouped by user: most rows repeat the previous row's user
                    int u = lastUser;
                    if (u < 0 || !user.equals(userIds.get(u))) {
                        Integer known = userIndex.get(user);
                        if (known == null) {
                            known = userIds.size();
                            userIndex.put(user, known);
                            userIds.add(user);
                            userLines.add(line);
                        }
                        u = known;
                        lastUser = u;
                    }
                    Integer a = artistIndex.get(artist);
                    if (a == null) {
                        a = artistKeys.size();
                        artistIndex.put(artist, a);
                        artistKeys.add(artist);
                        artistNames.add(artist);
                        artistMbids.add("");
                        artistLines.add(line);
                    }
                    if (mc >= 0) {
                        noteMbid(record.get(mc).strip(), a, artist, line, artistMbids, conflicted, notes);
                    }
                    if (nc >= 0 && !named.get(a)) {
                        // the first non-empty display name seen for this key
                        String name = record.get(nc).strip();
                        if (!name.isEmpty()) {
                            artistNames.set(a, name);
                            named.set(a);
                        }
                    }
                    triplets.add(u, a, plays);
                }
                skips.checkEarly(rows);
            }
        }
        ticker.tick(rows);
        ByteKeyIndex users = byteKeys(userIds, userLines);
        ByteKeyIndex artists = byteKeys(artistKeys, artistLines);
        KeyDecoder.Decision decision = KeyDecoder.decide(encoding, users, artists);
        boolean fallback = encoding == TextEncoding.AUTO;
        KeyDecoder.Keys userKeys = KeyDecoder.decode(users, decision, fallback);
        KeyDecoder.Keys artistKeyText = KeyDecoder.decode(artists, decision, fallback);
        KeyDecoder.apply(triplets, userKeys, artistKeyText, skips, notes);
        String[] names = new String[artistKeyText.keys().length];
        for (int a = 0; a < artistKeys.size(); a++) {
            int to = artistKeyText.map()[a];
            if (to >= 0 && names[to] == null) {
                String name = named.get(a) ? KeyDecoder.decodeOne(
                        artistNames.get(a).getBytes(StandardCharsets.ISO_8859_1), decision, fallback) : null;
                names[to] = name == null || name.isBlank() || KeyDecoder.hasControl(name) ? artistKeyText.keys()[to] : name;
            }
        }
        String[] mbids = new String[names.length];
        Arrays.fill(mbids, "");
        for (int a = 0; a < artistKeys.size(); a++) {
            int to = artistKeyText.map()[a];
            // keys merged by decoding keep the first non-empty MBID among them
            if (to >= 0 && mbids[to].isEmpty() && !artistMbids.isEmpty() && !artistMbids.get(a).isEmpty()) {
                String mbid = KeyDecoder.decodeOne(artistMbids.get(a).getBytes(StandardCharsets.ISO_8859_1), decision, fallback);
                mbids[to] = mbid == null || KeyDecoder.hasControl(mbid) ? "" : mbid;
            }
        }
        return new RawData(triplets, userKeys.keys(), artistKeyText.keys(), names, mbids, rows, decision, notes);
    }

    /**
     * Keeps {@code mbid} as artist {@code a}'s when it has none yet; a different one notes the artist once
     * as {@link ImportNote#MBID_CONFLICT}, with its line and key as examples.
     */
    private static void noteMbid(String mbid, int a, String artist, long line, List<String> artistMbids,
                                 BitSet conflicted, RowNotes notes) {
        if (mbid.isEmpty()) {
            return;
        }
        String kept = artistMbids.get(a);
        if (kept.isEmpty()) {
            artistMbids.set(a, mbid);
        } else if (!kept.equals(mbid) && !conflicted.get(a)) {
            conflicted.set(a);
            notes.note(ImportNote.MBID_CONFLICT, 1, line, new String(artist.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
    }

    /** The keys as an index of their bytes (each char of a Latin-1 string is one byte), with their first lines. */
    private static ByteKeyIndex byteKeys(List<String> keys, List<Long> lines) {
        ByteKeyIndex index = new ByteKeyIndex(keys.size());
        for (int id = 0; id < keys.size(); id++) {
            byte[] b = keys.get(id).getBytes(StandardCharsets.ISO_8859_1);
            index.newKeyLine = lines.get(id);
            index.intern(b, 0, b.length);
        }
        return index;
    }

    private static void checkMapping(String file, ColumnMapping mapping, int columns, char delimiter, String whose)
            throws ImportException {
        if (mapping.maxColumn() >= columns) {
            throw new ImportException(file, "the column mapping reads column " + (mapping.maxColumn() + 1) + " but "
                    + whose + " " + columns + (columns == 1 ? " column" : " columns") + " when split at "
                    + describe(delimiter) + ": is the delimiter right?");
        }
    }

    /**
     * Stops a record from growing without end: a quote that is never closed would otherwise make
     * the rest of the file one field, held in memory.
     */
    static final class RecordSizeGuard extends FilterReader {
        static final long MAX_RECORD_CHARS = 16L << 20;
        private final long maxChars;
        private long sinceRecord;

        RecordSizeGuard(Reader in, long maxChars) {
            super(in);
            this.maxChars = maxChars;
        }

        /** Called between records. */
        void recordDone() {
            sinceRecord = 0;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            if (n > 0) {
                sinceRecord += n;
                // the parser reads ahead a buffer at a time, so allow one more buffer
                if (sinceRecord > maxChars + len) {
                    throw new IOException("a record runs over " + ImportReport.sizeText(maxChars)
                            + ": is a quote never closed?");
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }
    }

    static String describe(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
